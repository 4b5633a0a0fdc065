import { Kind, print, type ConstValueNode, type TypeNode } from 'graphql';
import type { TypeState } from './state.js';

/**
 * Whether a literal fits a type, as composition checks directive arguments and default values.
 * Custom scalars (and federation scalars such as `FieldSet`) accept anything, a single value fits
 * a list type, and `null` is accepted everywhere: composition leaves null checks to the merged
 * schema.
 */
export function isValidValue(
  value: ConstValueNode,
  type: TypeNode,
  types: ReadonlyMap<string, TypeState>,
): boolean {
  if (value.kind === Kind.NULL) return true;
  if (type.kind === Kind.NON_NULL_TYPE) return isValidValue(value, type.type, types);
  if (type.kind === Kind.LIST_TYPE) {
    return value.kind === Kind.LIST
      ? value.values.every((v) => isValidValue(v, type.type, types))
      : isValidValue(value, type.type, types);
  }
  switch (type.name.value) {
    case 'Int':
      return value.kind === Kind.INT;
    case 'Float':
      return value.kind === Kind.INT || value.kind === Kind.FLOAT;
    case 'String':
      return value.kind === Kind.STRING;
    case 'Boolean':
      return value.kind === Kind.BOOLEAN;
    case 'ID':
      return value.kind === Kind.STRING || value.kind === Kind.INT;
  }
  const named = types.get(type.name.value);
  if (named?.kind === 'enum') {
    return (
      (value.kind === Kind.ENUM || value.kind === Kind.STRING) && named.values.has(value.value)
    );
  }
  if (named?.kind === 'input') {
    if (value.kind !== Kind.OBJECT) return false;
    const given = new Map(value.fields.map((f) => [f.name.value, f.value]));
    for (const name of given.keys()) if (!named.fields.has(name)) return false;
    for (const field of named.fields.values()) {
      const v = given.get(field.name);
      if (v === undefined) {
        if (field.type.kind === Kind.NON_NULL_TYPE && field.defaultValue === undefined) {
          return false;
        }
      } else if (!isValidValue(v, field.type, types)) {
        return false;
      }
    }
    return true;
  }
  return true;
}

/** A literal as composition's messages show it: enum values quoted like strings. */
export function printValue(value: ConstValueNode): string {
  if (value.kind === Kind.ENUM) return JSON.stringify(value.value);
  if (value.kind === Kind.LIST) return `[${value.values.map(printValue).join(', ')}]`;
  if (value.kind === Kind.OBJECT) {
    return `{${value.fields.map((f) => `${f.name.value}: ${printValue(f.value)}`).join(', ')}}`;
  }
  return print(value);
}
