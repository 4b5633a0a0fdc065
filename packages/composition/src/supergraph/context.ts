import { createDiagnostic, type Diagnostic, type ErrorCode } from '@orrery/core';
import type { ASTNode } from 'graphql';
import { locationsOf } from '../subgraph/locations.js';
import type { SupergraphState } from './state.js';

/** Where a problem is: the subgraph and the nodes in it. */
export type Site = readonly [subgraph: string, node: ASTNode | undefined];

/** What merge steps and supergraph rules get: the state, and ways to report errors and hints. */
export interface SupergraphContext {
  readonly state: SupergraphState;
  report(code: ErrorCode, message: string, sites: readonly Site[]): void;
  hint(code: ErrorCode, message: string, sites: readonly Site[]): void;
  readonly errors: Diagnostic[];
  readonly hints: Diagnostic[];
}

export function createSupergraphContext(state: SupergraphState): SupergraphContext {
  const errors: Diagnostic[] = [];
  const hints: Diagnostic[] = [];
  const build = (code: ErrorCode, message: string, sites: readonly Site[], asHint = false) => {
    const subgraphs = [...new Set(sites.map(([s]) => s))];
    const locations = sites.flatMap(([s, node]) =>
      locationsOf(state.byName.get(s)?.source ?? s, [node]),
    );
    return createDiagnostic(code, message, { subgraphs, locations, asHint });
  };
  return {
    state,
    errors,
    hints,
    report: (code, message, sites) => errors.push(build(code, message, sites)),
    hint: (code, message, sites) => hints.push(build(code, message, sites, true)),
  };
}

/** "subgraph "a"" / "subgraphs "a" and "b"" / "subgraphs "a", "b" and "c"", as Apollo words it. */
export function subgraphList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return `subgraph ${quoted[0] ?? ''}`;
  return `subgraphs ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
