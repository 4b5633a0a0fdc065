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

/** What {@link checkSatisfiability} returns. */
export interface SatisfiabilityResult {
  /**
   * SATISFIABILITY_ERROR, SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES,
   * MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED (or INVALID_FEDERATION_SUPERGRAPH for an unreadable
   * supergraph); empty when satisfiable.
   */
  readonly errors: Diagnostic[];
  /** INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN hints. */
  readonly hints: Diagnostic[];
}

/**
 * Checks that every query valid against the supergraph's API schema can be resolved through the
 * subgraphs; returns the errors (empty when satisfiable) and the hints the walk raises, as
 * `@apollo/composition`'s satisfiability validation does.
 *
 * @example
 * const { errors, hints } = checkSatisfiability(supergraphSdl);
 * for (const h of hints) console.log(h.code, h.message);
 */
export function checkSatisfiability(
  supergraph: string | DocumentNode,
  options: SatisfiabilityOptions = {},
): SatisfiabilityResult {
  const read = readSupergraph(supergraph);
  if (!read.ok) return { errors: [...read.errors], hints: [] };
  const graph = buildQueryGraph(read.supergraph);
  return new SatisfiabilityValidator(graph, {
    maxValidationSubgraphPaths: options.maxValidationSubgraphPaths ?? DEFAULT_MAX_PATHS,
    maxErrors: options.maxErrors ?? 100,
  }).check();
}

/**
 * Checks that every query valid against the supergraph's API schema can be resolved through the
 * subgraphs; returns SATISFIABILITY_ERROR diagnostics (and SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES)
 * (empty when satisfiable). A supergraph that cannot be read gives its
 * INVALID_FEDERATION_SUPERGRAPH diagnostics instead. {@link checkSatisfiability} also returns
 * the hints.
 *
 * @example
 * const errors = validateSatisfiability(supergraphSdl);
 * for (const e of errors) console.log(e.code, e.message);
 */
export function validateSatisfiability(
  supergraph: string | DocumentNode,
  options: SatisfiabilityOptions = {},
): Diagnostic[] {
  return checkSatisfiability(supergraph, options).errors;
}
