import { describe, expect, it } from 'vitest';
import { applyContract } from '../../src/index.js';
import { contractApi, supergraphOf } from './helpers.js';

/**
 * A graph released in stages: new work is tagged `alpha`, then `beta`, then untagged (GA). The
 * alpha variant serves everything, beta excludes `alpha`, GA excludes `alpha` and `beta`.
 */
const supergraph = supergraphOf(
  `
  type Query {
    products: [Product]
    recommendations: [Product] @tag(name: "beta")
    assistant(prompt: String!): Answer @tag(name: "alpha")
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String
    sustainability: Score @tag(name: "beta")
    price(currency: Currency = USD, experimentalRounding: Boolean @tag(name: "alpha")): Int
  }
  type Score @tag(name: "beta") { value: Int }
  type Answer @tag(name: "alpha") { text: String }
  enum Currency { USD EUR CRYPTO @tag(name: "alpha") }
`,
  `
  type Product @key(fields: "id") { id: ID! reviews: [String] @tag(name: "beta") }
`,
);

const VARIANTS = {
  alpha: {},
  beta: { excludeTags: ['alpha'] },
  ga: { excludeTags: ['alpha', 'beta'] },
} as const;

describe('staged release: alpha, beta and GA contracts', () => {
  it('alpha serves everything', () => {
    const api = contractApi(supergraph, VARIANTS.alpha);
    for (const name of [
      'assistant',
      'recommendations',
      'sustainability',
      'reviews',
      'experimentalRounding',
      'CRYPTO',
    ]) {
      expect(api).toContain(name);
    }
  });

  it('beta hides alpha work and keeps beta work', () => {
    const api = contractApi(supergraph, VARIANTS.beta);
    for (const name of ['assistant', 'Answer', 'experimentalRounding', 'CRYPTO']) {
      expect(api).not.toContain(name);
    }
    for (const name of ['recommendations', 'sustainability', 'type Score', 'reviews']) {
      expect(api).toContain(name);
    }
  });

  it('GA hides alpha and beta work', () => {
    const api = contractApi(supergraph, VARIANTS.ga);
    expect(api).toBe(`enum Currency {
  EUR
  USD
}

type Product {
  id: ID!
  name: String
  price(currency: Currency = USD): Int
}

type Query {
  products: [Product]
}`);
  });

  it('each variant is a strict subset of the previous one', () => {
    const fields = (options: (typeof VARIANTS)[keyof typeof VARIANTS]) => {
      const result = applyContract(supergraph, options);
      if (!result.ok) throw new Error('contract failed');
      return new Set(
        Object.values(result.apiSchema.getTypeMap())
          .filter((t) => !t.name.startsWith('__') && 'getFields' in t)
          .flatMap((t) =>
            Object.keys((t as { getFields(): object }).getFields()).map((f) => `${t.name}.${f}`),
          ),
      );
    };
    const [alpha, beta, ga] = [fields(VARIANTS.alpha), fields(VARIANTS.beta), fields(VARIANTS.ga)];
    expect([...beta].every((f) => alpha.has(f))).toBe(true);
    expect([...ga].every((f) => beta.has(f))).toBe(true);
    expect(beta.size).toBeLessThan(alpha.size);
    expect(ga.size).toBeLessThan(beta.size);
  });
});
