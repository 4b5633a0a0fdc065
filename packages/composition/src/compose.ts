import type { Diagnostic } from '@orrery/core';
import { Kind, type DefinitionNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { toApiSchema } from './api-schema/index.js';
import { graphEnumValue, printSupergraphSdl, supergraphPreamble } from './print/index.js';
import { validateSatisfiability } from './satisfiability/index.js';
import type { SubgraphState } from './subgraph/state.js';
import { addFed1Shareable } from './subgraph/upgrade-fed1.js';
import { prepareSubgraph } from './subgraph/validate-subgraph.js';
import { buildSupergraphDefinitions } from './supergraph/build-supergraph.js';
import { createSupergraphContext } from './supergraph/context.js';
import type { FeatureUsage } from './supergraph/merge/applied-directives.js';
import { createSupergraphState } from './supergraph/state.js';
import { POST_MERGE_RULES, PRE_MERGE_RULES } from './supergraph/validate-supergraph.js';
import type { ComposeOptions, CompositionResult, SubgraphInput } from './types.js';

/** What merging produced, before printing: the type definitions and what the preamble needs. */
export interface MergedSupergraph {
  /** Type definitions with their `@join__*` metadata (no schema definition, no spec definitions). */
  readonly definitions: readonly DefinitionNode[];
  readonly federationVersion: string;
  readonly uses: FeatureUsage['uses'];
  readonly graphs: readonly { enumValue: string; name: string; url: string }[];
  readonly roots: { query: string; mutation?: string; subscription?: string };
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
  const maxErrors = options.maxErrors ?? 100;
  const errors: Diagnostic[] = [];
  const hints: Diagnostic[] = [];
  const states: SubgraphState[] = [];

  // 1. Each subgraph on its own.
  for (const input of subgraphs) {
    const prepared = prepareSubgraph(input);
    errors.push(...prepared.errors);
    hints.push(...prepared.hints);
    if (prepared.state) states.push(prepared.state);
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, maxErrors), hints };

  // 2. Fed 1 subgraphs: what Fed 1 shared implicitly becomes @shareable.
  addFed1Shareable(states);

  // 3. Group by type, check what merging needs, merge, check the result.
  const graphEnum = graphEnumValue([...states].map((s) => s.name).sort());
  const state = createSupergraphState(states, graphEnum);
  const context = createSupergraphContext(state);
  for (const rule of PRE_MERGE_RULES) rule(context);
  if (context.errors.length > 0) {
    return {
      ok: false,
      errors: context.errors.slice(0, maxErrors),
      hints: [...hints, ...context.hints],
    };
  }
  const usage: FeatureUsage = { uses: new Set() };
  const definitions = buildSupergraphDefinitions(context, usage);
  for (const rule of POST_MERGE_RULES) rule(context);
  hints.push(...context.hints);
  if (context.errors.length > 0) {
    return { ok: false, errors: context.errors.slice(0, maxErrors), hints };
  }

  const minor = Math.max(0, ...state.subgraphs.map((s) => s.minor));
  const roots: MergedSupergraph['roots'] = { query: 'Query' };
  if (state.types.has('Mutation')) roots.mutation = 'Mutation';
  if (state.types.has('Subscription')) roots.subscription = 'Subscription';
  return {
    ok: true,
    hints,
    merged: {
      definitions,
      federationVersion: `2.${minor}`,
      uses: usage.uses,
      graphs: state.subgraphs.map((s) => ({
        enumValue: graphEnum.get(s.name) ?? s.name,
        name: s.name,
        url: s.url,
      })),
      roots,
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
  const result = mergeSubgraphs(subgraphs, options);
  if (!result.ok) return result;
  const document = toSupergraphDocument(result.merged);
  const supergraphSdl = printSupergraphSdl(document);
  if (options.runSatisfiability !== false) {
    const errors = validateSatisfiability(document);
    if (errors.length > 0) return { ok: false, errors, hints: result.hints };
  }
  let apiSchema: GraphQLSchema | undefined;
  return {
    ok: true,
    supergraphSdl,
    hints: result.hints,
    get apiSchema(): GraphQLSchema {
      if (!apiSchema) {
        const api = toApiSchema(document);
        if (!api.ok) throw new Error(api.errors.map((e) => e.message).join('\n'));
        apiSchema = api.schema;
      }
      return apiSchema;
    },
  };
}

/** The supergraph document: the printer's preamble (schema, link/join/spec definitions), then the merged types. */
export function toSupergraphDocument(merged: MergedSupergraph): DocumentNode {
  const preamble = supergraphPreamble(
    { federationVersion: merged.federationVersion, uses: merged.uses, composedDirectives: [] },
    merged.graphs,
    merged.roots,
  );
  return { kind: Kind.DOCUMENT, definitions: [...preamble, ...merged.definitions] };
}
