import type { SubgraphInput, SubgraphValidationResult } from '../types.js';

/** Validates one subgraph on its own. (Being built: see the composition issue.) */
export function validateSubgraph(_subgraph: SubgraphInput): SubgraphValidationResult {
  throw new Error('validateSubgraph: not implemented yet');
}
