import { createDiagnostic, type Diagnostic, type ErrorCode } from '@orrery/core';
import type { ASTNode } from 'graphql';
import { locationsOf } from './locations.js';
import type { SubgraphState } from './state.js';

/** Reports a problem of one subgraph: the code, the message (without the `[name]` prefix) and the nodes to locate. */
export type SubgraphReporter = (
  code: ErrorCode,
  message: string,
  nodes: readonly (ASTNode | undefined)[],
) => void;

/** What a subgraph rule gets: the subgraph's state and a way to report. */
export interface SubgraphValidationContext {
  readonly subgraph: SubgraphState;
  readonly report: SubgraphReporter;
}

/** A subgraph validation rule: checks one invariant over the state, reporting through the context. */
export type SubgraphRule = (context: SubgraphValidationContext) => void;

/**
 * A reporter that turns problems into diagnostics named after the subgraph, with its source name
 * on every location, and messages prefixed `[subgraph]` as Apollo prints them.
 */
export function createSubgraphReporter(
  name: string,
  source: string,
  sink: Diagnostic[],
): SubgraphReporter {
  return (code, message, nodes) => {
    sink.push(
      createDiagnostic(code, `[${name}] ${message}`, {
        subgraphs: [name],
        locations: locationsOf(source, nodes),
      }),
    );
  };
}
