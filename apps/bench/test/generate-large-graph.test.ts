import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateLargeGraph } from '../src/generate-large-graph.mjs';

// The generator only (cheap); the benchmark itself never runs in the test suite.
describe('generateLargeGraph', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const sdl = (seed: number) =>
      generateLargeGraph({ seed, subgraphs: 10 }).subgraphs.map((s) => s.sdl);
    expect(sdl(1)).toEqual(sdl(1));
    expect(sdl(1)).not.toEqual(sdl(2));
  });

  it('has about 5,000 types over 100 subgraphs by default', () => {
    const { stats } = generateLargeGraph();
    expect(stats.subgraphs).toBe(100);
    expect(stats.types).toBeGreaterThan(4_500);
    expect(stats.types).toBeLessThan(5_500);
  });

  it('uses every directive the benchmark is meant to exercise', () => {
    const all = generateLargeGraph()
      .subgraphs.map((s) => s.sdl)
      .join('\n');
    for (const directive of [
      '@key(',
      'resolvable: false',
      '@requires(',
      '@provides(',
      '@shareable',
      '@override(',
      '@external',
    ]) {
      expect(all).toContain(directive);
    }
  });

  // Apollo takes about 1.5 s per graph on an idle core; a busy shared machine needs more.
  it('composes cleanly with @apollo/composition (a reduced graph, same shapes)', () => {
    for (const seed of [3, 11]) {
      const { subgraphs } = generateLargeGraph({ seed, subgraphs: 8 });
      const result = composeServices(
        subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
      );
      expect(
        result.errors?.map((e) => `${String(e.extensions['code'])}: ${e.message}`) ?? [],
      ).toEqual([]);
    }
  }, 60_000);
});
