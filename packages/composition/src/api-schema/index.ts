/**
 * The API schema of a supergraph: what clients see and introspect.
 *
 * @module
 */
import { createDiagnostic } from '@orrery/core';
import {
  buildASTSchema,
  lexicographicSortSchema,
  printSchema,
  validateSchema,
  type DocumentNode,
} from 'graphql';
import type { SchemaResult } from '../types.js';
import { createInaccessibleContext, type InaccessibleContext } from './inaccessible-context.js';
import { readSupergraph, type SupergraphModel } from './read-supergraph.js';
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
  const document = removeFeaturesAndInaccessible(model, hiddenTypes);
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
    const schema = buildASTSchema(document);
    const errors: readonly { message: string }[] = validateSchema(schema);
    if (errors.length > 0) return invalid(errors.map((e) => e.message).join('; '));
    return { ok: true, schema, sdl: printSchema(lexicographicSortSchema(schema)) };
  } catch (error) {
    // A visible element still names a feature's type (say a field returning `join__FieldSet`).
    return invalid(error instanceof Error ? error.message : String(error));
  }
}
