/**
 * Named types: added, removed, changed kind, and for a type with the same kind in both schemas
 * its fields, values or members. Then the root operation types.
 *
 * @module
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { ChangeList } from './change.js';
import { diffInputFields, diffOutputFields } from './diff-fields.js';
import { diffEnumValues, diffImplementations, diffUnionMembers } from './diff-members.js';
import { diffDescription } from './metadata.js';

/**
 * The types a diff looks at: introspection types and the built-in scalars are left out. The
 * built-in scalars are always available to a schema; graphql-js only lists the ones something
 * references, so "removing" `Int` just means the last `Int` field went, which the field
 * changes already say.
 */
function userTypes(schema: GraphQLSchema): Map<string, GraphQLNamedType> {
  const types = new Map<string, GraphQLNamedType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    types.set(type.name, type);
  }
  return types;
}

/** Compares every named type of the two schemas. */
export function diffTypes(
  changes: ChangeList,
  oldSchema: GraphQLSchema,
  newSchema: GraphQLSchema,
): void {
  const oldTypes = userTypes(oldSchema);
  const newTypes = userTypes(newSchema);
  const returnedEnums = enumsReturnedByFields(newSchema);

  for (const [name, oldType] of oldTypes) {
    const newType = newTypes.get(name);
    if (newType === undefined) {
      changes.add(
        'TYPE_REMOVED',
        'breaking',
        name,
        `${capitalize(kindLabel(oldType))} \`${name}\` was removed.`,
        { oldType: kindOf(oldType) },
      );
      continue;
    }
    if (kindOf(oldType) !== kindOf(newType)) {
      changes.add(
        'TYPE_CHANGED_KIND',
        'breaking',
        name,
        `\`${name}\` changed from ${withArticle(kindLabel(oldType))} to ${withArticle(kindLabel(newType))}.`,
        { oldType: kindOf(oldType), newType: kindOf(newType) },
      );
      continue;
    }
    diffDescription(
      changes,
      'TYPE_DESCRIPTION_CHANGE',
      name,
      `${kindLabel(oldType)} \`${name}\``,
      oldType.description,
      newType.description,
    );
    if (
      (isObjectType(oldType) && isObjectType(newType)) ||
      (isInterfaceType(oldType) && isInterfaceType(newType))
    ) {
      diffOutputFields(changes, oldType, newType);
    } else if (isInputObjectType(oldType) && isInputObjectType(newType)) {
      diffInputFields(changes, oldType, newType);
    } else if (isEnumType(oldType) && isEnumType(newType)) {
      diffEnumValues(changes, oldType, newType, returnedEnums.has(name));
    } else if (isUnionType(oldType) && isUnionType(newType)) {
      diffUnionMembers(changes, oldType, newType);
    }
  }
  for (const [name, newType] of newTypes) {
    if (oldTypes.has(name)) continue;
    changes.add(
      'TYPE_ADDED',
      'safe',
      name,
      `${capitalize(kindLabel(newType))} \`${name}\` was added.`,
      {
        newType: kindOf(newType),
      },
    );
  }

  diffAllImplementations(changes, oldTypes, newTypes);
}

/**
 * Which interfaces each type implements, for interfaces that are interfaces in both schemas:
 * a kept, added or removed type joining or leaving one changes which types fields returning
 * the interface may give (the EmailChannel migration in the managed federation guide). A new
 * interface has no clients yet and a removed one is a `TYPE_REMOVED` already, so neither is
 * reported per implementation.
 */
function diffAllImplementations(
  changes: ChangeList,
  oldTypes: ReadonlyMap<string, GraphQLNamedType>,
  newTypes: ReadonlyMap<string, GraphQLNamedType>,
): void {
  const inBoth = (i: GraphQLInterfaceType): boolean =>
    isInterfaceType(oldTypes.get(i.name)) && isInterfaceType(newTypes.get(i.name));
  const names = new Set([...oldTypes.keys(), ...newTypes.keys()]);
  for (const name of names) {
    const oldInterfaces = implementedBy(oldTypes.get(name)).filter(inBoth);
    const newInterfaces = implementedBy(newTypes.get(name)).filter(inBoth);
    diffImplementations(changes, name, oldInterfaces, newInterfaces);
  }
}

function implementedBy(type: GraphQLNamedType | undefined): GraphQLInterfaceType[] {
  return isObjectType(type) || isInterfaceType(type) ? [...type.getInterfaces()] : [];
}

/**
 * The root operation types: one that existed and is now another type, or no longer a root
 * while its type stays. A root that goes away with its type is just that type's `TYPE_REMOVED`,
 * and one that appears (a first `Mutation`) a `TYPE_ADDED`. Composition always names roots
 * `Query`, `Mutation` and `Subscription`, so composed API schemas rarely show this.
 */
export function diffRootTypes(
  changes: ChangeList,
  oldSchema: GraphQLSchema,
  newSchema: GraphQLSchema,
): void {
  const roots = [
    ['query', oldSchema.getQueryType(), newSchema.getQueryType()],
    ['mutation', oldSchema.getMutationType(), newSchema.getMutationType()],
    ['subscription', oldSchema.getSubscriptionType(), newSchema.getSubscriptionType()],
  ] as const;
  for (const [operation, oldRoot, newRoot] of roots) {
    if (oldRoot == null || oldRoot.name === newRoot?.name) continue;
    if (newRoot == null && newSchema.getType(oldRoot.name) === undefined) continue;
    changes.add(
      'ROOT_TYPE_CHANGED',
      'breaking',
      oldRoot.name,
      newRoot == null
        ? `The schema no longer has a ${operation} root type (was \`${oldRoot.name}\`).`
        : `The ${operation} root type changed from \`${oldRoot.name}\` to \`${newRoot.name}\`.`,
      newRoot == null
        ? { operation, oldType: oldRoot.name }
        : { operation, oldType: oldRoot.name, newType: newRoot.name },
    );
  }
}

/** Enums some object or interface field returns: adding a value to one is dangerous. */
function enumsReturnedByFields(schema: GraphQLSchema): Set<string> {
  const enums = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(
      (type as GraphQLObjectType | GraphQLInterfaceType).getFields(),
    )) {
      const named = getNamedType(field.type);
      if (isEnumType(named)) enums.add(named.name);
    }
  }
  return enums;
}

/** The introspection kind: `OBJECT`, `INTERFACE`, `UNION`, `ENUM`, `INPUT_OBJECT`, `SCALAR`. */
function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'OBJECT';
  if (isInterfaceType(type)) return 'INTERFACE';
  if (isUnionType(type)) return 'UNION';
  if (isEnumType(type)) return 'ENUM';
  if (isInputObjectType(type)) return 'INPUT_OBJECT';
  return 'SCALAR';
}

const KIND_LABELS: Record<string, string> = {
  OBJECT: 'object type',
  INTERFACE: 'interface',
  UNION: 'union',
  ENUM: 'enum',
  INPUT_OBJECT: 'input object',
  SCALAR: 'scalar',
};

function kindLabel(type: GraphQLNamedType): string {
  return KIND_LABELS[kindOf(type)] ?? 'type';
}

function withArticle(label: string): string {
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

function capitalize(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
