import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/index.js';

const sdl = 'type Query { x: Int }';

describe('INVALID_SUBGRAPH_NAME', () => {
  it('is reported for the reserved name "_"', () => {
    const apollo = composeServices([{ name: '_', url: 'http://x', typeDefs: parse(sdl) }]);
    expect(apollo.errors?.map((e) => e.extensions['code'])).toContain('INVALID_SUBGRAPH_NAME');
    const ours = composeSubgraphs([{ name: '_', url: 'http://x', sdl }], {
      runSatisfiability: false,
    });
    expect(ours.ok ? [] : ours.errors.map((e) => e.code)).toContain('INVALID_SUBGRAPH_NAME');
  });

  it('is not reported for other names', () => {
    const ours = composeSubgraphs([{ name: 'ok', url: 'http://x', sdl }], {
      runSatisfiability: false,
    });
    expect(ours.ok ? [] : ours.errors.map((e) => e.code)).not.toContain('INVALID_SUBGRAPH_NAME');
  });
});
