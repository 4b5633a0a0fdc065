import { composeServices } from '@apollo/composition';
import {
  ROUTER_SUPPORTED_SUPERGRAPH_FEATURES,
  Supergraph,
  errorCauses,
} from '@apollo/federation-internals';
import type { Diagnostic, ErrorCode } from '@orrery/core';
import { parse, type GraphQLError } from 'graphql';
import { expect } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';

export interface TestSubgraph {
  readonly name: string;
  readonly sdl: string;
}

/** Prefixes an SDL with a federation 2 `@link` importing the given directives. */
export function fed2(sdl: string, imports: readonly string[] = [], version = '2.3'): string {
  const list = imports.map((i) => `"${i}"`).join(', ');
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: [${list}])\n${sdl}`;
}

function ours(subgraphs: readonly TestSubgraph[]): readonly Diagnostic[] {
  const result = composeSubgraphs(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
    { runSatisfiability: false },
  );
  return result.ok ? [] : result.errors;
}

function apolloCodes(subgraphs: readonly TestSubgraph[]): string[] {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  return (result.errors ?? []).map((e) => String(e.extensions['code']));
}

/**
 * Expects both Orrery and `@apollo/composition` to raise `code` on these subgraphs, and our
 * diagnostics for it to name subgraphs and (when the SDL has them) carry locations.
 */
export function expectCode(code: ErrorCode, subgraphs: readonly TestSubgraph[]): Diagnostic[] {
  expect(apolloCodes(subgraphs)).toContain(code);
  const diagnostics = ours(subgraphs);
  const matching = diagnostics.filter((d) => d.code === code);
  expect(
    matching.length,
    diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'),
  ).toBeGreaterThan(0);
  for (const d of matching) {
    if (code !== 'NO_QUERIES') {
      expect(d.subgraphs.length).toBeGreaterThan(0);
      expect(d.locations.length).toBeGreaterThan(0);
    }
  }
  return matching;
}

/** Expects neither implementation to raise `code` (and ours to compose without errors). */
export function expectNoCode(code: ErrorCode, subgraphs: readonly TestSubgraph[]): void {
  expect(apolloCodes(subgraphs)).not.toContain(code);
  expect(ours(subgraphs).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
}

/**
 * The codes `@apollo/federation-internals` raises when loading a supergraph as a router does
 * (`Supergraph.build` with the router's supported features); empty when it loads.
 */
export function apolloSupergraphCodes(supergraphSdl: string): string[] {
  try {
    Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES });
    return [];
  } catch (error) {
    const causes = errorCauses(error as Error) ?? [error as GraphQLError];
    return causes.map((e) => String(e.extensions['code']));
  }
}

/** A supergraph composed by `@apollo/composition` from these subgraphs (which must compose). */
export function apolloSupergraph(subgraphs: readonly TestSubgraph[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}
