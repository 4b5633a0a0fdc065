import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { fed2, type TestSubgraph } from './harness.js';

// Satisfiability runs last and only on graphs that merge cleanly, so these cases compose with
// the check on (the shared harness turns it off to isolate the earlier phases).
function codes(subgraphs: readonly TestSubgraph[]) {
  const inputs = subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl }));
  const ours = composeSubgraphs(inputs);
  const apollo = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, typeDefs: parse(s.sdl) })),
  );
  return {
    ours: ours.ok ? [] : ours.errors,
    apollo: (apollo.errors ?? []).map((e) => String(e.extensions['code'])),
  };
}

const a = fed2(`type Query { a: A } type A @shareable { x: Int }`, ['@shareable']);

describe('SATISFIABILITY_ERROR', () => {
  it('is reported, with the failing query and the subgraphs, when a field cannot be reached', () => {
    // A.y lives only in "b", and nothing can move from "a" to "b" at type A (no @key there).
    const b = fed2(`type A @shareable { x: Int y: Int }`, ['@shareable']);
    const { ours, apollo } = codes([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
    expect(apollo).toContain('SATISFIABILITY_ERROR');
    const errors = ours.filter((d) => d.code === 'SATISFIABILITY_ERROR');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain('cannot be satisfied by the subgraphs');
    expect(errors[0]!.message).toContain('a {');
    expect(errors[0]!.subgraphs.length).toBeGreaterThan(0);
  });

  it('is not reported when every field can be reached', () => {
    const b = fed2(`type A @shareable { x: Int }`, ['@shareable']);
    const { ours, apollo } = codes([
      { name: 'a', sdl: a },
      { name: 'b', sdl: b },
    ]);
    expect(apollo).toEqual([]);
    expect(ours).toEqual([]);
  });
});
