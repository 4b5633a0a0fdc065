import type { DemoSubgraph, SubgraphVersion } from './types.js';

export const REVIEWS = [
  { id: 'r1', upc: '1', authorId: '1', body: 'Sturdy and handsome.' },
  { id: 'r2', upc: '1', authorId: '2', body: 'Wobbles a little.' },
  { id: 'r3', upc: '2', authorId: '3', body: 'Comfortable for naps.' },
  { id: 'r4', upc: '3', authorId: '1', body: 'Fine for the price.' },
  { id: 'r5', upc: '4', authorId: '2', body: 'Bright enough to read by.' },
];

interface ProductSource {
  upc: string;
  nameLowercase?: string;
  name?: string;
}

/** How a version's resolver reads the product name the gateway sends in the representation. */
type NameReader = (product: ProductSource) => string;

/** v1 reads only `nameLowercase`: planned with `@requires(fields: "name")` it would fail. */
const lowercaseOnly: NameReader = (p) => {
  if (p.nameLowercase === undefined)
    throw new Error('reviews v1 needs nameLowercase in the representation');
  return p.nameLowercase;
};
/** v2 and v3 accept either field: the "double read" of seed 001's step 2. */
const either: NameReader = (p) => {
  const name = p.name?.toLowerCase() ?? p.nameLowercase;
  if (name === undefined)
    throw new Error('reviews needs name or nameLowercase in the representation');
  return name;
};
/** v4 reads only `name`. */
const nameOnly: NameReader = (p) => {
  if (p.name === undefined) throw new Error('reviews v4 needs name in the representation');
  return p.name.toLowerCase();
};

/**
 * Written in Federation 1 syntax (no `@link`, `extend type`, `@external` keys), as the seed
 * shows it and as many subgraphs in the wild still are: composition upgrades it.
 */
const typeDefs = (requires: 'nameLowercase' | 'name'): string => `
  extend type Product @key(fields: "upc") {
    upc: ID! @external
    nameLowercase: String! @external
    ${requires === 'name' ? 'name: String! @external' : ''}
    reviews: [Review]! @requires(fields: "${requires}")
  }
  extend type User @key(fields: "id") {
    id: ID! @external
    reviews: [Review]!
  }
  type Review @key(fields: "id") {
    id: ID!
    body: String!
    "A one-line summary naming the product, built from the field the subgraph @requires."
    headline: String!
    author: User
    product: Product
  }
`;

const version = (requires: 'nameLowercase' | 'name', read: NameReader): SubgraphVersion => ({
  typeDefs: typeDefs(requires),
  resolvers: {
    Product: {
      reviews: (product: ProductSource) => {
        const name = read(product);
        return REVIEWS.filter((r) => r.upc === product.upc).map((r) => ({
          ...r,
          productName: name,
        }));
      },
    },
    User: {
      reviews: (user: { id: string }) => REVIEWS.filter((r) => r.authorId === user.id),
    },
    Review: {
      __resolveReference: (ref: { id: string }) => REVIEWS.find((r) => r.id === ref.id),
      headline: (r: { body: string; productName?: string }) =>
        r.productName ? `${r.productName}: ${r.body}` : r.body,
      author: (r: { authorId: string }) => ({ __typename: 'User', id: r.authorId }),
      product: (r: { upc: string }) => ({ __typename: 'Product', upc: r.upc }),
    },
  },
});

/**
 * Seed 001's Reviews service and the four steps of its `@requires` migration: `v1` requires
 * and reads `nameLowercase`; `v2` still requires it but reads either; `v3` requires `name` and
 * reads either; `v4` reads only `name`.
 */
export const reviews: DemoSubgraph = {
  name: 'reviews',
  port: 4015,
  initial: 'v1',
  versions: {
    v1: version('nameLowercase', lowercaseOnly),
    v2: version('nameLowercase', either),
    v3: version('name', either),
    v4: version('name', nameOnly),
  },
};
