import { describe, expect, it } from 'vitest';
import { applyContract, toApiSchema } from '../../src/index.js';
import { apolloSupergraph, apolloSupergraphCodes, fed2 } from './harness.js';

// Composition only links features it knows, so the code comes from reading a supergraph given as
// input (what a gateway does), as Apollo's `Supergraph.build` raises it.
const supergraph = apolloSupergraph([
  {
    name: 'a',
    sdl: fed2(`type Query { x: Int @authenticated }`, ['@key', '@authenticated'], '2.9'),
  },
]);
const BOOTSTRAP = '@link(url: "https://specs.apollo.dev/link/v1.0")';

function codesOf(result: { ok: boolean; errors?: readonly { code: string }[] }): string[] {
  return result.ok ? [] : (result.errors ?? []).map((e) => e.code);
}

describe('UNSUPPORTED_LINKED_FEATURE', () => {
  it('is reported for an unknown feature linked for SECURITY', () => {
    const sdl = supergraph.replace(
      BOOTSTRAP,
      `${BOOTSTRAP}\n  @link(url: "https://example.com/secret/v1.0", for: SECURITY)`,
    );
    expect(apolloSupergraphCodes(sdl)).toEqual(['UNSUPPORTED_LINKED_FEATURE']);
    const result = toApiSchema(sdl);
    expect(codesOf(result)).toEqual(['UNSUPPORTED_LINKED_FEATURE']);
    expect(result.ok ? '' : result.errors[0]!.message).toContain('https://example.com/secret/v1.0');
    expect(codesOf(applyContract(sdl, { excludeTags: ['x'] }))).toEqual([
      'UNSUPPORTED_LINKED_FEATURE',
    ]);
  });

  it('is reported for a known feature at an unknown version linked for SECURITY', () => {
    const sdl = supergraph.replace(
      BOOTSTRAP,
      `${BOOTSTRAP}\n  @link(url: "https://specs.apollo.dev/policy/v0.9", for: SECURITY)`,
    );
    expect(apolloSupergraphCodes(sdl)).toEqual(['UNSUPPORTED_LINKED_FEATURE']);
    expect(codesOf(toApiSchema(sdl))).toEqual(['UNSUPPORTED_LINKED_FEATURE']);
  });

  it('is not reported for the features composition links (here authenticated, for SECURITY)', () => {
    expect(supergraph).toContain('for: SECURITY');
    expect(apolloSupergraphCodes(supergraph)).toEqual([]);
    expect(codesOf(toApiSchema(supergraph))).toEqual([]);
  });

  it('is not reported for an unknown feature linked without a purpose', () => {
    const sdl = supergraph.replace(
      BOOTSTRAP,
      `${BOOTSTRAP}\n  @link(url: "https://example.com/other/v1.0")`,
    );
    expect(apolloSupergraphCodes(sdl)).toEqual([]);
    expect(codesOf(toApiSchema(sdl))).toEqual([]);
  });
});
