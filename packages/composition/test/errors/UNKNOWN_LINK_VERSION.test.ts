import { describe, expect, it } from 'vitest';
import { toApiSchema } from '../../src/index.js';
import { apolloSupergraph, apolloSupergraphCodes, expectCode, expectNoCode } from './harness.js';

const query = 'type Query { x: Int }';

describe('UNKNOWN_LINK_VERSION', () => {
  it('is reported for a link spec version that does not exist', () => {
    expectCode('UNKNOWN_LINK_VERSION', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/link/v1.9") @link(url: "https://specs.apollo.dev/tag/v0.3", import: ["@tag"])\n${query}`,
      },
    ]);
  });

  it('is not reported for link v1.0', () => {
    expectNoCode('UNKNOWN_LINK_VERSION', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n${query}`,
      },
    ]);
  });

  it('is reported for a supergraph given as input that links an unknown link version', () => {
    const sdl = apolloSupergraph([{ name: 'a', sdl: query }]).replace('link/v1.0")', 'link/v1.9")');
    expect(apolloSupergraphCodes(sdl)).toEqual(['UNKNOWN_LINK_VERSION']);
    const result = toApiSchema(sdl);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['UNKNOWN_LINK_VERSION']);
  });
});
