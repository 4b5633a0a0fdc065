import { composeSubgraphs } from '@orrery/composition';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../src/subgraphs/index.js';

/** Composes the initial versions with some subgraphs swapped for other versions. */
function compose(overrides: Record<string, string> = {}) {
  return composeSubgraphs(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://127.0.0.1:${s.port}/graphql`,
      sdl: s.versions[overrides[s.name] ?? s.initial]!.typeDefs,
    })),
  );
}

const codes = (result: ReturnType<typeof compose>) =>
  result.ok ? [] : result.errors.map((e) => e.code);

describe('demo subgraphs', () => {
  it('compose at their initial versions, Federation 1 reviews included', () => {
    expect(codes(compose())).toEqual([]);
  });

  it('compose at every step of the scenarios', () => {
    const steps: Record<string, string>[] = [
      { email: 'without-implements' },
      { email: 'v2' },
      { products: 'v2' },
      { products: 'v2', reviews: 'v2' },
      { products: 'v2', reviews: 'v3' },
      { products: 'v2', reviews: 'v4' },
      { accounts: 'without-username' },
      { accounts: 'with-nickname' },
      { products: 'description-alpha' },
      { products: 'description-beta' },
      { products: 'description-ga' },
      { inventory: 'with-name' },
      { inventory: 'with-shelf' },
      { products: 'v2', inventory: 'with-shelf' },
    ];
    for (const step of steps)
      expect({ step, codes: codes(compose(step)) }).toEqual({ step, codes: [] });
  });

  it('the broken inventory fails composition, as the failed-publish scenario needs', () => {
    expect(codes(compose({ inventory: 'broken' })).length).toBeGreaterThan(0);
  });

  it("two teams' concurrent changes conflict (products v2 and inventory with-name both add name)", () => {
    expect(codes(compose({ products: 'v2', inventory: 'with-name' }))).toContain(
      'INVALID_FIELD_SHARING',
    );
  });

  it('reviews cannot @requires name before products has it', () => {
    expect(codes(compose({ reviews: 'v3' }))).not.toEqual([]);
  });
});
