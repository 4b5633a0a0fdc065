/**
 * Which reported operations a schema change concerns: from a change's code and coordinate to the
 * usage coordinates (`UsageOperation.coordinates`: `Type`, `Type.field`, `Type.field(arg:)`,
 * `Input.field`, `Enum.VALUE`, `@directive`, `@directive(arg:)`) whose presence in an operation
 * reveals that it uses the changed element. `diffSchemas` names arguments `Type.field(arg:)` and
 * `@directive(arg:)`, exactly as gateways report them.
 *
 * Gateways report what an operation's text references plus what its (coerced) variable values
 * add. Two things the text does not tell, so the rules stay on the safe side: an argument given
 * by a variable the request leaves unset gets its default, and a coerced input object value
 * holds every field with a default whether the client sent it or not. Default changes therefore
 * concern every use of the field, input type or directive, not only those that omit it.
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
 * An operation matches when it references every coordinate of `all` and is of `operationType`
 * when set. (There is no "and not that one": an absent coordinate cannot prove a value was
 * omitted, see the module comment.)
 */
export interface UsageMatcher {
  readonly all: readonly string[];
  readonly operationType?: 'query' | 'mutation' | 'subscription';
}

/**
 * What the served schema says about where enums appear: an enum some field returns may come
 * back in responses, so adding or removing one of its values concerns every operation that
 * selects one of those fields (and only those: sending an enum is not reading it).
 */
export interface SchemaFacts {
  /** Enums some object or interface field returns, each with those fields (`Type.field`). */
  readonly outputEnums: ReadonlyMap<string, readonly string[]>;
  /** False when the served schema is unknown: enums are then matched by their name. */
  readonly known: boolean;
}

export const NO_FACTS: SchemaFacts = { outputEnums: new Map(), known: false };

/** Facts of a printed API schema (the served one; the proposal's removals happened there). */
export function schemaFacts(apiSchemaSdl: string | undefined): SchemaFacts {
  if (apiSchemaSdl === undefined) return NO_FACTS;
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(apiSchemaSdl);
  } catch {
    return NO_FACTS;
  }
  const outputEnums = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isEnumType(named)) continue;
      const fields = outputEnums.get(named.name) ?? [];
      fields.push(`${type.name}.${field.name}`);
      outputEnums.set(named.name, fields);
    }
  }
  return { outputEnums, known: true };
}

/** The operations that may receive a value of `enumName`: those selecting a field returning it. */
function readers(enumName: string, facts: SchemaFacts): UsageMatcher[] {
  if (!facts.known) return [{ all: [enumName] }];
  return (facts.outputEnums.get(enumName) ?? []).map((field) => ({ all: [field] }));
}

/**
 * A type change of an argument or input field that makes a nullable one non-null (`[String]`
 * to `[String!]!`; exactly `X` to `X!` has its own code): uses that omit it break too.
 */
function becameRequired(meta: Readonly<Record<string, unknown>>): boolean {
  return (
    typeof meta.oldType === 'string' &&
    typeof meta.newType === 'string' &&
    !meta.oldType.endsWith('!') &&
    meta.newType.endsWith('!')
  );
}

/** `Query.products(first:)` -> `Query.products`. */
const fieldOf = (coordinate: string) => coordinate.replace(/\(.*$/, '');
/** `Status.ACTIVE` -> `Status`, `Query.products` -> `Query`. */
const typeOf = (coordinate: string) => coordinate.split('.')[0]!;

/**
 * The matchers of a change (an operation using any of them is affected), or `undefined` for a
 * code this version does not know (weighed against the whole window).
 */
export function usageMatchers(
  change: SchemaChange,
  facts: SchemaFacts,
): readonly UsageMatcher[] | undefined {
  const { code, coordinate } = change;
  const meta = change.meta ?? {};
  switch (code) {
    // Directive changes concern every use of the directive: reports do not say where, or how
    // often, an operation used it.
    case 'FIELD_REMOVED':
    case 'FIELD_CHANGED_TYPE':
    case 'ARG_REMOVED':
    case 'FIELD_REMOVED_FROM_INPUT_OBJECT':
    case 'TYPE_REMOVED':
    case 'TYPE_CHANGED_KIND':
    case 'DIRECTIVE_ARG_REMOVED':
    case 'DIRECTIVE_REMOVED':
    case 'DIRECTIVE_LOCATION_REMOVED':
    case 'DIRECTIVE_REPEATABLE_REMOVED':
      return [{ all: [coordinate] }];
    // Calls passing the argument; all calls when it became non-null (omitting it breaks).
    case 'ARG_CHANGED_TYPE':
    case 'DIRECTIVE_ARG_CHANGED_TYPE':
      return [{ all: [becameRequired(meta) ? fieldOf(coordinate) : coordinate] }];
    // Values giving the field; every value of the type when it became non-null.
    case 'FIELD_ON_INPUT_OBJECT_CHANGED_TYPE':
      return [{ all: [becameRequired(meta) ? typeOf(coordinate) : coordinate] }];
    // Every call omits a new required argument; calls that omit an argument that became
    // required, or pass it a null, break: all calls of the field (or uses of the directive).
    // A new default reaches calls that omit the argument or leave its variable unset, which
    // reports cannot tell from calls that give it: all calls.
    case 'REQUIRED_ARG_ADDED':
    case 'ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED':
    case 'ARG_DEFAULT_VALUE_CHANGE':
    case 'REQUIRED_DIRECTIVE_ARG_ADDED':
    case 'DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE':
      return [{ all: [fieldOf(coordinate)] }];
    // Every value of the input type lacks a new required field; `@oneOf` rejects values that
    // were valid; values that omit a field get its new default (coerced variable values
    // always hold a field with a default: every value of the type).
    case 'REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT':
    case 'ONE_OF_ADDED':
    case 'INPUT_FIELD_DEFAULT_VALUE_CHANGE':
      return [{ all: [typeOf(coordinate)] }];
    // Sent by operations (literal or variable) and, for an enum a field returns, received.
    case 'VALUE_REMOVED_FROM_ENUM': {
      const enumName = typeOf(coordinate);
      const received = facts.known ? readers(enumName, facts) : [];
      return [{ all: [coordinate] }, ...received];
    }
    // Whoever reads the enum may receive the new value.
    case 'VALUE_ADDED_TO_ENUM':
      return readers(typeOf(coordinate), facts);
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
      matcher.all.every((c) => operation.coordinates.has(c)),
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
