import type { Diagnostic } from '@orrery/core';
import type { DocumentNode } from 'graphql';

/** Options of {@link validateSatisfiability}. */
export interface SatisfiabilityOptions {
  /** Upper bound on subgraph paths explored (MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED past it). */
  readonly maxValidationSubgraphPaths?: number;
}

/**
 * Checks that every query valid against the supergraph's API schema can be resolved through the
 * subgraphs; returns SATISFIABILITY_ERROR diagnostics (empty when satisfiable).
 * (Being built: see the composition issue.)
 */
export function validateSatisfiability(
  _supergraph: string | DocumentNode,
  _options: SatisfiabilityOptions = {},
): Diagnostic[] {
  throw new Error('validateSatisfiability: not implemented yet');
}
