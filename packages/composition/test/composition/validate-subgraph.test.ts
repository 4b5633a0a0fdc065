import { describe, expect, it } from 'vitest';
import { validateSubgraph } from '../../src/index.js';

describe('validateSubgraph', () => {
  it('accepts a valid Fed 2 subgraph', () => {
    const result = validateSubgraph({
      name: 'a',
      url: 'http://a',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query { t: T } type T @key(fields: "id") { id: ID! }`,
    });
    expect(result.ok).toBe(true);
  });

  it('reports per-subgraph problems with the source name and location', () => {
    const result = validateSubgraph({
      name: 'a',
      url: 'http://a',
      source: 'a.graphql',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { t: T }
type T @key(fields: "nope") { id: ID! }`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      code: 'KEY_INVALID_FIELDS',
      subgraphs: ['a'],
      locations: [{ source: 'a.graphql', line: 3, column: 8 }],
    });
  });

  it('reports unparsable SDL as INVALID_GRAPHQL', () => {
    const result = validateSubgraph({ name: 'a', url: 'http://a', sdl: 'type Query {' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['INVALID_GRAPHQL']);
  });
});
