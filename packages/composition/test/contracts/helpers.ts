import { lexicographicSortSchema, printSchema } from 'graphql';
import { expect } from 'vitest';
import { applyContract, type ContractOptions } from '../../src/index.js';
import { FED2_HEADER, apolloApiSchema, apolloCompose } from '../api-schema/apollo-oracle.js';

/** Composes one Fed 2 subgraph (the header imports `@tag`, `@inaccessible`, ...) with Apollo. */
export function supergraphOf(...bodies: string[]): string {
  return apolloCompose(bodies.map((body, i) => ({ name: `s${i}`, sdl: FED2_HEADER + body })))
    .supergraphSdl;
}

/**
 * Applies a contract and returns its printed (sorted) API schema. Also checks that Apollo reads
 * the contract supergraph and derives the very same API schema from it: what a gateway serving
 * the contract variant would expose.
 */
export function contractApi(supergraph: string, options: ContractOptions): string {
  const result = applyContract(supergraph, options);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  const sdl = printSchema(lexicographicSortSchema(result.apiSchema));
  expect(apolloApiSchema(result.supergraphSdl)).toEqual({ sdl });
  return sdl;
}

/** The error codes of a contract that must fail. */
export function contractErrors(supergraph: string, options: ContractOptions): string[] {
  const result = applyContract(supergraph, options);
  expect(result.ok).toBe(false);
  return result.ok ? [] : [...new Set(result.errors.map((e) => e.code))];
}
