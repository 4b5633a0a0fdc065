/**
 * The schema change detector: what changed between two API schemas, each change with a stable
 * code, a severity and a schema coordinate. The registry summarises every launch with it, and
 * schema checks start from its breaking and dangerous changes.
 *
 * @module
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import { ChangeList, type SchemaChange } from './change.js';
import { diffDirectives } from './diff-directives.js';
import { diffRootTypes, diffTypes } from './diff-types.js';

export type { SchemaChange, SchemaChangeMeta } from './change.js';
export {
  SCHEMA_CHANGE_CODES,
  type SchemaChangeCode,
  type SchemaChangeCodeInfo,
  type SchemaChangeSeverity,
} from './codes.js';

/**
 * The changes from `oldSchema` to `newSchema`, two API schemas (what clients see, as
 * `toApiSchema` gives), each a `GraphQLSchema` or SDL text.
 *
 * Severities follow what happens to clients:
 * - `breaking`: an operation valid against the old schema may be invalid against the new one,
 *   or get a value its client was told could not come (a field type that got looser);
 * - `dangerous`: operations stay valid but may behave differently (a new enum value or union
 *   member a client's `switch` does not handle, a changed default);
 * - `safe`: neither (additions, stricter output types, looser input types, metadata).
 *
 * Output positions (field types) may get stricter, input positions (arguments, input fields)
 * looser. A removed field, argument, input field or enum value that was `@deprecated` is still
 * `breaking`, with `meta.deprecated: true` so checks can soften it. A rename is a removal plus
 * an addition. The catalogue of codes, with reasons, is docs/checks.md.
 *
 * The result is sorted by coordinate, then code, then message, so equal inputs give equal
 * output. Pure: no I/O.
 *
 * @throws GraphQLError when an SDL string does not parse or build into a valid schema.
 *
 * @example
 * const changes = diffSchemas('type Query { a: Int b: Int }', 'type Query { a: Int! }');
 * // [{ code: 'FIELD_CHANGED_TYPE', severity: 'safe', coordinate: 'Query.a', ... },
 * //  { code: 'FIELD_REMOVED', severity: 'breaking', coordinate: 'Query.b', ... }]
 */
export function diffSchemas(
  oldSchema: GraphQLSchema | string,
  newSchema: GraphQLSchema | string,
): SchemaChange[] {
  const before = typeof oldSchema === 'string' ? buildSchema(oldSchema) : oldSchema;
  const after = typeof newSchema === 'string' ? buildSchema(newSchema) : newSchema;
  const changes = new ChangeList();
  diffTypes(changes, before, after);
  diffRootTypes(changes, before, after);
  diffDirectives(changes, before, after);
  return changes.sorted();
}
