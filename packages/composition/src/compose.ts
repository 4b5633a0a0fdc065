import type { Diagnostic } from '@orrery/core';
import { Kind, type DefinitionNode, type DocumentNode } from 'graphql';
import {
  graphEnumValue,
  printSupergraphSdl,
  supergraphPreamble,
  type SupergraphRoots,
} from './print/index.js';
import { validateSatisfiability } from './satisfiability/index.js';
import type { SubgraphState } from './subgraph/state.js';
import { addFed1Shareable } from './subgraph/upgrade-fed1.js';
import { prepareSubgraph } from './subgraph/validate-subgraph.js';
import { checkApiSchema } from './supergraph/api-schema-check.js';
import { buildSupergraphDefinitions } from './supergraph/build-supergraph.js';
import {
  collectComposedDirectives,
  type ComposedDirectives,
} from './supergraph/compose-directives.js';
import { createSupergraphContext } from './supergraph/context.js';
import { renameAppliedDirectives, resolveDirectiveNames } from './supergraph/directive-names.js';
import type { FeatureUsage } from './supergraph/merge/applied-directives.js';
import { mergeDescriptionOf } from './supergraph/merge/descriptions.js';
import { createSupergraphState, type SupergraphState } from './supergraph/state.js';
import { POST_MERGE_RULES, PRE_MERGE_RULES } from './supergraph/validate-supergraph.js';
import type { ComposeOptions, CompositionResult, SubgraphInput } from './types.js';

/** What merging produced, before printing: the type definitions and what the preamble needs. */
export interface MergedSupergraph {
  /** Type definitions with their `@join__*` metadata (no schema definition, no spec definitions). */
  readonly definitions: readonly DefinitionNode[];
  readonly federationVersion: string;
  readonly uses: FeatureUsage['uses'];
  /** Custom directives kept by `@composeDirective`, for the preamble. */
  readonly composedDirectives: ComposedDirectives['features'];
  readonly graphs: readonly { enumValue: string; name: string; url: string }[];
  readonly roots: SupergraphRoots;
  /** The subgraphs grouped by type, to map supergraph-level errors back to subgraphs. */
  readonly state: SupergraphState;
  /** Spec directives the subgraphs import under other names (`{ inaccessible: 'fed__inaccessible' }`). */
  readonly directiveNames: Readonly<Record<string, string>>;
}

/** The result of the merge phases: the merged supergraph, or the errors that stopped it. */
export type MergeResult =
  | { readonly ok: true; readonly merged: MergedSupergraph; readonly hints: Diagnostic[] }
  | { readonly ok: false; readonly errors: Diagnostic[]; readonly hints: Diagnostic[] };

/**
 * The composition pipeline up to the merged type definitions, readable top to bottom:
 * per-subgraph phases (parse, links, build state, Fed 1 upgrade, subgraph rules) -> Fed 1
 * sharing upgrade -> pre-merge rules -> merge -> post-merge rules.
 */
export function mergeSubgraphs(
  subgraphs: readonly SubgraphInput[],
  options: ComposeOptions = {},
): MergeResult {
  const maxErrors = maxErrorsOf(options);
  const errors: Diagnostic[] = [];
  const hints: Diagnostic[] = [];
  const states: SubgraphState[] = [];

  // 1. Each subgraph on its own.
  for (const input of subgraphs) {
    const prepared = prepareSubgraph(input);
    errors.push(...prepared.errors);
    hints.push(...prepared.hints);
    if (prepared.state) states.push(prepared.state);
    // The cap bounds the work too: no point checking more subgraphs once it is reached.
    if (errors.length >= maxErrors) break;
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, maxErrors), hints };

  // 2. Fed 1 subgraphs: what Fed 1 shared implicitly becomes @shareable.
  addFed1Shareable(states);

  // 3. Group by type, check what merging needs, merge, check the result.
  const graphEnum = graphEnumValue([...states].map((s) => s.name).sort());
  const state = createSupergraphState(states, graphEnum);
  const context = createSupergraphContext(state);
  // Pre-merge problems (a kind mismatch, an extension without base) do not stop merging: the
  // mergers skip what does not fit, and Apollo reports what merging finds on top of them.
  for (const rule of PRE_MERGE_RULES) rule(context);
  // The schema definition merges first, as in Apollo (its description hint comes first).
  const schemaDescription = mergeDescriptionOf(
    context,
    'schema',
    state.subgraphs.flatMap((s) =>
      s.schemaDescription
        ? [[s.name, s.schemaDescription.text, s.schemaDescription.node] as const]
        : [],
    ),
    'The schema definition',
  );
  const composed = collectComposedDirectives(context);
  const usage: FeatureUsage = { uses: new Set(), composed: composed.byName, graphEnum };
  const directiveNames = resolveDirectiveNames(context);
  const definitions = renameAppliedDirectives(
    buildSupergraphDefinitions(context, usage),
    directiveNames,
  );
  for (const rule of POST_MERGE_RULES) rule(context);
  hints.push(...context.hints);
  if (context.errors.length > 0) {
    return { ok: false, errors: context.errors.slice(0, maxErrors), hints };
  }

  const minor = Math.max(0, ...state.subgraphs.map((s) => s.minor));
  const roots: MergedSupergraph['roots'] = {
    query: 'Query',
    ...(schemaDescription === undefined ? {} : { description: schemaDescription }),
  };
  if (state.types.has('Mutation')) roots.mutation = 'Mutation';
  if (state.types.has('Subscription')) roots.subscription = 'Subscription';
  return {
    ok: true,
    hints,
    merged: {
      definitions,
      federationVersion: `2.${minor}`,
      uses: usage.uses,
      composedDirectives: composed.features,
      graphs: state.subgraphs.map((s) => ({
        enumValue: graphEnum.get(s.name) ?? s.name,
        name: s.name,
        url: s.url,
      })),
      roots,
      state,
      directiveNames,
    },
  };
}

/**
 * Composes subgraphs into a supergraph, as `@apollo/composition`'s `composeServices` does: the
 * same supergraph and the same error codes. Never throws for invalid input: problems come back
 * as diagnostics with their subgraph(s) and source locations.
 *
 * @example
 * const result = composeSubgraphs([{ name: 'products', url: 'http://products', sdl }]);
 * if (result.ok) console.log(result.supergraphSdl);
 */
export function composeSubgraphs(
  subgraphs: readonly SubgraphInput[],
  options: ComposeOptions = {},
): CompositionResult {
  const maxErrors = maxErrorsOf(options);
  const result = mergeSubgraphs(subgraphs, options);
  if (!result.ok) return result;
  const document = toSupergraphDocument(result.merged);
  // The @inaccessible rules run on the merged supergraph (their errors are composition errors).
  const api = checkApiSchema(document, result.merged.state);
  if (!api.result.ok) {
    return { ok: false, errors: api.errors.slice(0, maxErrors), hints: result.hints };
  }
  const apiSchema = api.result.schema;
  if (options.runSatisfiability !== false) {
    const errors = validateSatisfiability(document);
    if (errors.length > 0) {
      return { ok: false, errors: errors.slice(0, maxErrors), hints: result.hints };
    }
  }
  return { ok: true, supergraphSdl: printSupergraphSdl(document), hints: result.hints, apiSchema };
}

/** The `maxErrors` option: a cap on the errors any composition returns (default 100, at least 1). */
function maxErrorsOf(options: ComposeOptions): number {
  return Math.max(1, options.maxErrors ?? 100);
}

/** The supergraph document: the printer's preamble (schema, link/join/spec definitions), then the merged types. */
export function toSupergraphDocument(merged: MergedSupergraph): DocumentNode {
  const preamble = supergraphPreamble(
    {
      federationVersion: merged.federationVersion,
      uses: merged.uses,
      composedDirectives: merged.composedDirectives,
      directiveNames: merged.directiveNames,
    },
    merged.graphs,
    merged.roots,
  );
  return { kind: Kind.DOCUMENT, definitions: [...preamble, ...merged.definitions] };
}
