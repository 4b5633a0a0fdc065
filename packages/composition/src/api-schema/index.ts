/**
 * The API schema of a supergraph: what clients see and introspect.
 *
 * @module
 */
import { createDiagnostic } from '@orrery/core';
import {
  lexicographicSortSchema,
  printSchema,
  validateSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { SchemaResult } from '../types.js';
import { appliesDirective, hasRepeatedInputFields } from './document-elements.js';
import { createInaccessibleContext, type InaccessibleContext } from './inaccessible-context.js';
import { readLinkedFeatures } from './link-features.js';
import { buildSchema, readSupergraph, type SupergraphModel } from './read-supergraph.js';
import { removeFeaturesAndInaccessible } from './remove-elements.js';
import { DefaultValueUsesInaccessibleRule } from './rules/default-value-uses-inaccessible-rule.js';
import { DisallowedInaccessibleRule } from './rules/disallowed-inaccessible-rule.js';
import { ImplementedByInaccessibleRule } from './rules/implemented-by-inaccessible-rule.js';
import { OnlyInaccessibleChildrenRule } from './rules/only-inaccessible-children-rule.js';
import { QueryRootTypeInaccessibleRule } from './rules/query-root-type-inaccessible-rule.js';
import { ReferencedInaccessibleRule } from './rules/referenced-inaccessible-rule.js';
import { RequiredInaccessibleRule } from './rules/required-inaccessible-rule.js';

/** The `@inaccessible` rules, in the order their diagnostics are reported. */
export const INACCESSIBLE_RULES: readonly ((context: InaccessibleContext) => void)[] = [
  DisallowedInaccessibleRule,
  QueryRootTypeInaccessibleRule,
  ReferencedInaccessibleRule,
  DefaultValueUsesInaccessibleRule,
  RequiredInaccessibleRule,
  ImplementedByInaccessibleRule,
  OnlyInaccessibleChildrenRule,
];

/**
 * Derives the API schema from a supergraph: removes every linked feature's directives and types
 * (`@link`, `join__*`, `@tag`, `@inaccessible`, `@authenticated`, composed directives, ..., under
 * the names the schema's `@link`s give them) and every `@inaccessible` element, after checking
 * the `@inaccessible` rules (`REFERENCED_INACCESSIBLE`, `REQUIRED_INACCESSIBLE`, ...). Never
 * throws: a malformed supergraph gives `INVALID_FEDERATION_SUPERGRAPH`.
 *
 * `sdl` is the API schema printed with its types and fields sorted, so it is stable.
 *
 * @example
 * const result = toApiSchema(supergraphSdl);
 * if (result.ok) console.log(result.sdl);
 * else for (const error of result.errors) console.error(error.code, error.message);
 */
export function toApiSchema(supergraph: string | DocumentNode): SchemaResult {
  const model = readSupergraph(supergraph);
  if ('errors' in model) return { ok: false, errors: model.errors };
  return apiSchemaOf(model);
}

/**
 * {@link toApiSchema} on a document composition just built: the same result, without
 * re-checking what composition guarantees (see `ReadSupergraphOptions.composed`).
 */
export function toApiSchemaOfComposed(document: DocumentNode): SchemaResult {
  const fast = apiSchemaWithoutInaccessible(document);
  if (fast?.ok) return fast;
  const model = readSupergraph(document, { composed: true });
  if ('errors' in model) return { ok: false, errors: model.errors };
  return apiSchemaOf(model);
}

/**
 * The common case, where nothing is `@inaccessible`: every `@inaccessible` rule needs an
 * `@inaccessible` element to report anything, so the supergraph's own graphql-js schema (which
 * only the rules read) is never built, only the API schema. Undefined when the fast path does not
 * apply; on any failure the caller takes the full path, whose errors are the reference ones.
 */
function apiSchemaWithoutInaccessible(document: DocumentNode): SchemaResult | undefined {
  const features = readLinkedFeatures(document);
  if (typeof features === 'string' || features.byName('join') === undefined) return undefined;
  const inaccessible = features.byName('inaccessible');
  const inaccessibleName = inaccessible && features.directiveName(inaccessible);
  if (inaccessibleName !== undefined && appliesDirective(document, inaccessibleName)) {
    return undefined;
  }
  if (hasRepeatedInputFields(document)) return undefined;
  return buildApiSchema(
    removeFeaturesAndInaccessible({ document, features, inaccessibleName }, new Set()),
  );
}

/** {@link toApiSchema} on an already read supergraph (contracts reuse it). */
export function apiSchemaOf(model: SupergraphModel): SchemaResult {
  const context = createInaccessibleContext(model);
  for (const rule of INACCESSIBLE_RULES) rule(context);
  if (context.diagnostics.length > 0) return { ok: false, errors: context.diagnostics };

  const hiddenTypes = new Set(
    context
      .userTypes()
      .filter((type) => context.isHiddenType(type))
      .map((type) => type.name),
  );
  return buildApiSchema(removeFeaturesAndInaccessible(model, hiddenTypes));
}

/** The API schema's graphql-js schema, from the document `removeFeaturesAndInaccessible` gave. */
function buildApiSchema(document: DocumentNode): SchemaResult {
  const invalid = (message: string): SchemaResult => ({
    ok: false,
    errors: [
      createDiagnostic(
        'INVALID_FEDERATION_SUPERGRAPH',
        `The supergraph does not give a valid API schema: ${message}`,
      ),
    ],
  });
  try {
    // The supergraph passed the SDL rules (or was composed) and removing elements cannot break
    // them, except by leaving a reference to a removed type, which makes the build throw.
    const schema = buildSchema(document, true);
    const errors: readonly { message: string }[] = validateSchema(schema);
    if (errors.length > 0) return invalid(errors.map((e) => e.message).join('; '));
    return withLazySdl(schema);
  } catch (error) {
    // A visible element still names a feature's type (say a field returning `join__FieldSet`).
    return invalid(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A successful result whose sorted `sdl` is printed on first read: composition returns only the
 * schema, and sorting and printing a large schema costs as much as validating it.
 */
function withLazySdl(schema: GraphQLSchema): SchemaResult {
  let sdl: string | undefined;
  const result = { ok: true as const, schema, sdl: '' };
  Object.defineProperty(result, 'sdl', {
    enumerable: true,
    get: () => (sdl ??= printSchema(lexicographicSortSchema(schema))),
  });
  return result;
}
