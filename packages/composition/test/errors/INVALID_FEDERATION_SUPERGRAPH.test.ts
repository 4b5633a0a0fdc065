import { describe, expect, it } from 'vitest';
import { toApiSchema, validateSatisfiability } from '../../src/index.js';
import { apolloSupergraph, apolloSupergraphCodes, fed2 } from './harness.js';

// Raised when a supergraph given as input cannot be read, as Apollo's `Supergraph.build` does.
const supergraph = apolloSupergraph([{ name: 'a', sdl: fed2(`type Query { x: Int }`, ['@key']) }]);

function apiCodes(sdl: string): string[] {
  const result = toApiSchema(sdl);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('INVALID_FEDERATION_SUPERGRAPH', () => {
  it('is reported for a schema that is not a core schema', () => {
    const sdl = 'type Query { x: Int }';
    expect(apolloSupergraphCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
    expect(apiCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
    expect(validateSatisfiability(sdl).map((e) => e.code)).toEqual([
      'INVALID_FEDERATION_SUPERGRAPH',
    ]);
  });

  it('is reported for an unknown join spec version', () => {
    const sdl = supergraph.replace(/join\/v0\.\d/, 'join/v0.9');
    expect(sdl).not.toBe(supergraph);
    expect(apolloSupergraphCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
    expect(apiCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
  });

  it('is reported for an unknown version of the context spec', () => {
    const sdl = supergraph.replace(
      '@link(url: "https://specs.apollo.dev/link/v1.0")',
      '@link(url: "https://specs.apollo.dev/link/v1.0")\n  @link(url: "https://specs.apollo.dev/context/v0.9", for: SECURITY)',
    );
    expect(apolloSupergraphCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
    expect(apiCodes(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
  });

  it('is not reported for a supergraph Apollo composed', () => {
    expect(apolloSupergraphCodes(supergraph)).toEqual([]);
    expect(apiCodes(supergraph)).toEqual([]);
    expect(validateSatisfiability(supergraph)).toEqual([]);
  });
});
