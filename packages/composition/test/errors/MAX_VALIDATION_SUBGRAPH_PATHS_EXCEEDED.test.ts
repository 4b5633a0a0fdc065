import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { validateSatisfiability } from '../../src/satisfiability/index.js';
import { fed2 } from './harness.js';

// A shareable entity resolvable in three subgraphs: several subgraph paths at every step.
const subgraphs = ['a', 'b', 'c'].map((name) => ({
  name,
  url: `http://${name}`,
  sdl: fed2(
    `type Query { t: T @shareable } type T @key(fields: "id") { id: ID! v: Int @shareable }`,
    ['@key', '@shareable'],
  ),
}));

describe('MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED', () => {
  const composed = composeSubgraphs(subgraphs, { runSatisfiability: false });
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraph = composed.supergraphSdl;

  it('is reported when the satisfiability search exceeds its path budget', () => {
    const apollo = composeServices(
      subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
      { maxValidationSubgraphPaths: 2 },
    );
    expect((apollo.errors ?? []).map((e) => e.extensions['code'])).toContain(
      'MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED',
    );
    const ours = validateSatisfiability(supergraph, { maxValidationSubgraphPaths: 2 });
    expect(ours.map((d) => d.code)).toContain('MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED');
  });

  it('is not reported within the default budget', () => {
    expect(validateSatisfiability(supergraph)).toEqual([]);
  });
});
