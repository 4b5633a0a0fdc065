import type { ComposeOptions, CompositionResult, SubgraphInput } from './types.js';

/**
 * Composes subgraphs into a supergraph. (Being built: see the composition issue.)
 */
export function composeSubgraphs(
  _subgraphs: readonly SubgraphInput[],
  _options: ComposeOptions = {},
): CompositionResult {
  throw new Error('composeSubgraphs: not implemented yet');
}
