import { FED2, type DemoSubgraph } from './types.js';

export const PRODUCTS = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Chair', price: 54, weight: 50 },
  { upc: '4', name: 'Lamp', price: 35, weight: 8 },
  { upc: '5', name: 'Shelf', price: 149, weight: 120 },
].map((p) => ({ ...p, nameLowercase: p.name.toLowerCase() }));

const byUpc = (upc: string) => PRODUCTS.find((p) => p.upc === upc);

const resolvers = {
  Query: {
    topProducts: (_: unknown, { first }: { first?: number }) => PRODUCTS.slice(0, first ?? 5),
    product: (_: unknown, { upc }: { upc: string }) => byUpc(upc) ?? null,
  },
  Product: { __resolveReference: (ref: { upc: string }) => byUpc(ref.upc) },
};

/** `v1` with a new `description` field, tagged for a staged release (or not tagged: GA). */
const withDescription = (tag: 'alpha' | 'beta' | undefined) => ({
  typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          nameLowercase: String!
          price: Int
          weight: Int
          description: String${tag ? ` @tag(name: "${tag}")` : ''}
        }
        type Query {
          topProducts(first: Int = 5): [Product]
          product(upc: ID!): Product
        }`,
  resolvers: {
    ...resolvers,
    Product: {
      ...resolvers.Product,
      description: (p: { name: string; weight: number }) => `${p.name}, ${p.weight} kg`,
    },
  },
});

/**
 * Seed 001's Products service: `v1` has `nameLowercase`; `v2` adds `name` and deprecates
 * `nameLowercase` (step 1 of the `@requires` migration). Seed 004's staged release adds
 * `description` tagged `alpha`, then `beta`, then untagged (`description-alpha`, `-beta`, `-ga`).
 */
export const products: DemoSubgraph = {
  name: 'products',
  port: 4014,
  initial: 'v1',
  versions: {
    v1: {
      typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          nameLowercase: String!
          price: Int
          weight: Int
        }
        type Query {
          topProducts(first: Int = 5): [Product]
          product(upc: ID!): Product
        }`,
      resolvers,
    },
    v2: {
      typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          nameLowercase: String! @deprecated(reason: "Use name")
          name: String!
          price: Int
          weight: Int
        }
        type Query {
          topProducts(first: Int = 5): [Product]
          product(upc: ID!): Product
        }`,
      resolvers,
    },
    'description-alpha': withDescription('alpha'),
    'description-beta': withDescription('beta'),
    'description-ga': withDescription(undefined),
  },
};
