import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergeSubgraphs } from '../../src/compose.js';
import { expectSameSupergraph } from './harness.js';

const hintCodes = (sdl: string) => {
  const apollo = composeServices([{ name: 'a', url: 'http://a', typeDefs: parse(sdl) }]);
  const ours = mergeSubgraphs([{ name: 'a', url: 'http://a', sdl }], { runSatisfiability: false });
  return {
    apollo: (apollo.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
    ours: ours.hints.map((h) => `${h.code}: ${h.message}`),
  };
};

describe('IMPLICITLY_UPGRADED_FEDERATION_VERSION', () => {
  it('is hinted when a spec linked on its own needs a newer federation version', () => {
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", import: ["@authenticated"])
type Query { t: T }
type T @key(fields: "id") @authenticated { id: ID! f: Int }`;
    const { apollo, ours } = hintCodes(sdl);
    expect(apollo.filter((h) => h.startsWith('IMPLICITLY'))).toHaveLength(1);
    expect(ours.filter((h) => h.startsWith('IMPLICITLY'))).toEqual(
      apollo.filter((h) => h.startsWith('IMPLICITLY')),
    );
    expectSameSupergraph([{ name: 'a', sdl }]);
  });

  it('is not hinted when the federation link is recent enough', () => {
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost"])
type Query { a: Int @cost(weight: 2) }`;
    const { apollo, ours } = hintCodes(sdl);
    expect(apollo.filter((h) => h.startsWith('IMPLICITLY'))).toEqual([]);
    expect(ours.filter((h) => h.startsWith('IMPLICITLY'))).toEqual([]);
  });
});
