/**
 * Which reported operations a schema change concerns: from a change's code and coordinate to the
 * usage coordinates (`UsageOperation.coordinates`: `Type`, `Type.field`, `Type.field(arg:)`,
 * `Input.field`, `Enum.VALUE`) whose presence in an operation reveals that it uses the changed
 * element. `diffSchemas` names arguments `Type.field(arg:)`, exactly as gateways report them.
 *
 * @module
 */
import type { SchemaChange } from '@orrery/registry-client';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * An operation matches when it references every coordinate of `all` and none of `none` (an
 * argument default only matters to the calls that omit the argument), and is of
 * `operationType` when set.
 */
export interface UsageMatcher {
  readonly all: readonly string[];
  readonly none?: readonly string[];
  readonly operationType?: 'query' | 'mutation' | 'subscription';
}

/**
 * What the served schema says about where enums appear: an enum some field returns may come
 * back in responses, so removing one of its values concerns every operation that reads it.
 */
export interface SchemaFacts {
  readonly outputEnums: ReadonlySet<string>;
}

export const NO_FACTS: SchemaFacts = { outputEnums: new Set() };

/** Facts of a printed API schema (the served one; the proposal's removals happened there). */
export function schemaFacts(apiSchemaSdl: string | undefined): SchemaFacts {
  if (apiSchemaSdl === undefined) return NO_FACTS;
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(apiSchemaSdl);
  } catch {
    return NO_FACTS;
  }
  const outputEnums = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isEnumType(named)) outputEnums.add(named.name);
    }
  }
  return { outputEnums };
}

/** `Query.products(first:)` -> `Query.products`. */
const fieldOf = (coordinate: string) => coordinate.replace(/\(.*$/, '');
/** `Status.ACTIVE` -> `Status`, `Query.products` -> `Query`. */
const typeOf = (coordinate: string) => coordinate.split('.')[0]!;

/**
 * The matchers of a change (an operation using any of them is affected), or `undefined` when
 * usage reports cannot show it: directive definitions (operations' directives are not
 * reported) and unknown codes.
 */
export function usageMatchers(
  change: SchemaChange,
  facts: SchemaFacts,
): readonly UsageMatcher[] | undefined {
  const { code, coordinate } = change;
  const meta = change.meta ?? {};
  switch (code) {
    case 'FIELD_REMOVED':
    case 'FIELD_CHANGED_TYPE':
    case 'ARG_REMOVED':
    case 'ARG_CHANGED_TYPE':
    case 'FIELD_REMOVED_FROM_INPUT_OBJECT':
    case 'FIELD_ON_INPUT_OBJECT_CHANGED_TYPE':
    case 'TYPE_REMOVED':
    case 'TYPE_CHANGED_KIND':
      return [{ all: [coordinate] }];
    // Every call omits a new required argument; calls that omit an argument that became
    // required, or pass it a null, break: all calls of the field are concerned.
    case 'REQUIRED_ARG_ADDED':
    case 'ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED':
      return [{ all: [fieldOf(coordinate)] }];
    // Only calls that omit the argument get the new default.
    case 'ARG_DEFAULT_VALUE_CHANGE':
      return [{ all: [fieldOf(coordinate)], none: [coordinate] }];
    // Every value of the input type lacks a new required field; `@oneOf` rejects values that
    // were valid.
    case 'REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT':
    case 'ONE_OF_ADDED':
      return [{ all: [typeOf(coordinate)] }];
    // Values that omit the field get the new default.
    case 'INPUT_FIELD_DEFAULT_VALUE_CHANGE':
      return [{ all: [typeOf(coordinate)], none: [coordinate] }];
    // Sent by operations (literal or variable) and, for an enum a field returns, received.
    case 'VALUE_REMOVED_FROM_ENUM': {
      const enumName = typeOf(coordinate);
      return facts.outputEnums.has(enumName)
        ? [{ all: [coordinate] }, { all: [enumName] }]
        : [{ all: [coordinate] }];
    }
    // Whoever reads the enum may receive the new value.
    case 'VALUE_ADDED_TO_ENUM':
      return [{ all: [typeOf(coordinate)] }];
    // The union is the coordinate: operations reading it may meet a new member, or spread one
    // that left.
    case 'TYPE_ADDED_TO_UNION':
    case 'TYPE_REMOVED_FROM_UNION':
      return [{ all: [coordinate] }];
    // The coordinate is the implementing type; operations reading the interface are concerned.
    case 'TYPE_ADDED_TO_INTERFACE':
    case 'TYPE_REMOVED_FROM_INTERFACE':
      return typeof meta.interface === 'string' ? [{ all: [meta.interface] }] : undefined;
    // The root of an operation type changed or went away: every operation of that type.
    case 'ROOT_TYPE_CHANGED':
      return isOperationType(meta.operation)
        ? [{ all: [], operationType: meta.operation }]
        : undefined;
    default:
      return undefined;
  }
}

const isOperationType = (value: unknown): value is 'query' | 'mutation' | 'subscription' =>
  value === 'query' || value === 'mutation' || value === 'subscription';

/** Whether an operation satisfies one of the matchers. */
export function matches(
  matchers: readonly UsageMatcher[],
  operation: { readonly type: string; readonly coordinates: ReadonlySet<string> },
): boolean {
  return matchers.some(
    (matcher) =>
      (matcher.operationType === undefined || matcher.operationType === operation.type) &&
      matcher.all.every((c) => operation.coordinates.has(c)) &&
      !(matcher.none ?? []).some((c) => operation.coordinates.has(c)),
  );
}

/**
 * Every coordinate the matchers need, to narrow the usage query; `undefined` when a matcher
 * needs operations whatever their coordinates (all operations must be read).
 */
export function matcherCoordinates(
  matchers: readonly (readonly UsageMatcher[])[],
): string[] | undefined {
  const all = new Set<string>();
  for (const list of matchers) {
    for (const matcher of list) {
      if (matcher.all.length === 0) return undefined;
      matcher.all.forEach((c) => all.add(c));
    }
  }
  return [...all].sort();
}
