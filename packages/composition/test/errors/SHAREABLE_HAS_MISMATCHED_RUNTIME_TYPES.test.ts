import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { fed2, type TestSubgraph } from './harness.js';

// Raised by the satisfiability phase, so these cases compose with the check on.
function codes(subgraphs: readonly TestSubgraph[]) {
  const ours = composeSubgraphs(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
  );
  const apollo = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  return {
    ours: ours.ok ? [] : ours.errors.map((d) => d.code),
    apollo: (apollo.errors ?? []).map((e) => String(e.extensions['code'])),
  };
}

const sub = (members: string) =>
  fed2(
    `type Query { u: U @shareable } union U = ${members} type A @shareable { x: Int } type B @shareable { y: Int }`,
    ['@shareable'],
  );

describe('SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES', () => {
  it('is reported when a shareable field has no runtime type in common across subgraphs', () => {
    const { ours, apollo } = codes([
      { name: 'a', sdl: sub('A') },
      { name: 'b', sdl: sub('B') },
    ]);
    expect(apollo).toContain('SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES');
    expect(ours).toContain('SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES');
  });

  it('is not reported when the runtime types agree', () => {
    const { ours, apollo } = codes([
      { name: 'a', sdl: sub('A | B') },
      { name: 'b', sdl: sub('A | B') },
    ]);
    expect(apollo).toEqual([]);
    expect(ours).toEqual([]);
  });
});
