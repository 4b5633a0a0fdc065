import { buildQueryGraph, type Diagnostic, readSupergraph } from '@orrery/core';
import type { DocumentNode } from 'graphql';
import { SatisfiabilityValidator } from './validator.js';

/** Options of {@link validateSatisfiability}. */
export interface SatisfiabilityOptions {
  /**
   * Upper bound on subgraph paths explored (MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED past it): a
   * guard against supergraphs built to make the check explode. Default: 1,000,000.
   */
  readonly maxValidationSubgraphPaths?: number;
  /** Stop after this many SATISFIABILITY_ERRORs. Default: 100. */
  readonly maxErrors?: number;
}

const DEFAULT_MAX_PATHS = 1_000_000;

/**
 * Checks that every query valid against the supergraph's API schema can be resolved through the
 * subgraphs; returns SATISFIABILITY_ERROR diagnostics (empty when satisfiable). A supergraph
 * that cannot be read gives its INVALID_FEDERATION_SUPERGRAPH diagnostics instead.
 *
 * @example
 * const errors = validateSatisfiability(supergraphSdl);
 * for (const e of errors) console.log(e.code, e.message);
 */
export function validateSatisfiability(
  supergraph: string | DocumentNode,
  options: SatisfiabilityOptions = {},
): Diagnostic[] {
  const read = readSupergraph(supergraph);
  if (!read.ok) return [...read.errors];
  const graph = buildQueryGraph(read.supergraph);
  return new SatisfiabilityValidator(graph, {
    maxValidationSubgraphPaths: options.maxValidationSubgraphPaths ?? DEFAULT_MAX_PATHS,
    maxErrors: options.maxErrors ?? 100,
  }).validate();
}
