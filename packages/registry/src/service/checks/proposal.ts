/**
 * The proposed supergraph: the variant's live subgraphs with the proposed one replacing its
 * namesake (or added), composed by the publish path's own `buildSupergraph`.
 *
 * @module
 */
import type { CheckRequest, Diagnostic } from '@orrery/registry-client';
import { buildSupergraph, printApiSchema, type Built } from '../launch.js';
import type { CheckSnapshot } from './snapshot.js';

/**
 * The routing URL of a subgraph that has never been published and comes without one:
 * composition needs a URL, and nothing routes to a check's supergraph.
 */
export const PLACEHOLDER_URL = 'http://subgraph.invalid/graphql';

export interface Proposal {
  readonly built: Built;
  readonly hints: readonly Diagnostic[];
  /** The proposed API schema, printed as launches store it (success only). */
  readonly apiSchemaSdl?: string;
}

export function composeProposal(snapshot: CheckSnapshot, request: CheckRequest): Proposal {
  const current = snapshot.subgraphs.find((subgraph) => subgraph.name === request.subgraph);
  const proposed = {
    name: request.subgraph,
    url: request.url ?? current?.url ?? PLACEHOLDER_URL,
    sdl: request.sdl,
  };
  const subgraphs = [
    ...snapshot.subgraphs.filter((subgraph) => subgraph.name !== request.subgraph),
    proposed,
  ].sort((a, b) => a.name.localeCompare(b.name));
  const { built, hints } = buildSupergraph(subgraphs);
  return built.ok
    ? { built, hints, apiSchemaSdl: printApiSchema(built.apiSchema) }
    : { built, hints };
}
