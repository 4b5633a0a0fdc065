import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, reviewsOf, type Args, type Product } from './data.js';

// A product whose rating service fails: every field resolving it throws.
const broken = (p: { upc: string }) => p.upc === 'p2';
const fail = (field: string) => {
  throw new Error(`${field} unavailable`);
};

/**
 * Resolvers that throw, in root fields and in entity fields, nullable and non-null: errors keep
 * their client paths and a null in a non-null position bubbles to the nearest nullable parent.
 */
export const errorsNonNullBubbling = defineScenario({
  name: 'errors-non-null-bubbling',
  description:
    'Throwing resolvers at the root and inside entity fetches, nullable and non-null, in lists.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
          maybeProducts: [Product]
          product(upc: ID!): Product
          failing: String
          failingNonNull: String!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int
        }
      `,
      resolvers: {
        Query: {
          products: () => PRODUCTS,
          maybeProducts: () => PRODUCTS,
          product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
          failing: () => fail('failing'),
          failingNonNull: () => fail('failingNonNull'),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
          price: (p: Product) => (broken(p) ? fail('price') : p.price),
        },
      },
    },
    {
      name: 'ratings',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Product @key(fields: "upc") {
          upc: ID!
          score: Float
          strictScore: Float!
          histogram: [Int]
          strictHistogram: [Int!]
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string }) => ref,
          score: (p: { upc: string }) => (broken(p) ? fail('score') : average(p.upc)),
          strictScore: (p: { upc: string }) => (broken(p) ? fail('strictScore') : average(p.upc)),
          histogram: (p: { upc: string }) => histogram(p.upc),
          strictHistogram: (p: { upc: string }) => histogram(p.upc),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products: [Product!]!
        maybeProducts: [Product]
        product(upc: ID!): Product
        failing: String
        failingNonNull: String!
      }
      type Product {
        upc: ID!
        name: String!
        price: Int
        score: Float
        strictScore: Float!
        histogram: [Int]
        strictHistogram: [Int!]
      }
    `,
    resolvers: {
      Query: {
        products: () => PRODUCTS,
        maybeProducts: () => PRODUCTS,
        product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
        failing: () => fail('failing'),
        failingNonNull: () => fail('failingNonNull'),
      },
      Product: {
        price: (p: Product) => (broken(p) ? fail('price') : p.price),
        score: (p: Product) => (broken(p) ? fail('score') : average(p.upc)),
        strictScore: (p: Product) => (broken(p) ? fail('strictScore') : average(p.upc)),
        histogram: (p: Product) => histogram(p.upc),
        strictHistogram: (p: Product) => histogram(p.upc),
      },
    },
  },
  operations: [
    { name: 'nullable root field throws', query: '{ failing product(upc: "p1") { name } }' },
    {
      name: 'non-null root field throws: data is null',
      query: '{ failingNonNull product(upc: "p1") { name } }',
    },
    {
      name: 'nullable field in a list throws (owning subgraph)',
      query: '{ products { upc price } }',
    },
    {
      name: 'nullable entity field throws (other subgraph)',
      query: '{ products { upc name score } }',
    },
    {
      name: 'non-null entity field throws: bubbles through [Product!]! to data',
      query: '{ products { upc strictScore } }',
    },
    {
      name: 'non-null entity field throws: nullable list items become null',
      query: '{ maybeProducts { upc strictScore } }',
    },
    {
      name: 'non-null entity field throws under a nullable root field',
      query:
        '{ ok: product(upc: "p1") { strictScore } bad: product(upc: "p2") { name strictScore } }',
    },
    {
      name: 'null items in lists, nullable and non-null',
      query: '{ products { upc histogram } }',
    },
    {
      name: 'null item in a [Int!] list nulls the list',
      query: '{ products { upc strictHistogram } }',
    },
  ],
});

// Never null: a second error inside a subtree that is nulled anyway is reported or not depending
// on execution order (graphql-js stops at the first), which the spec leaves open.
function average(upc: string): number {
  const reviews = reviewsOf(upc);
  if (reviews.length === 0) return 0;
  return reviews.reduce((sum, r) => sum + r.rating, 0) / reviews.length;
}

/** Counts of ratings 1..5, with null where no review gave that rating at all for p1. */
function histogram(upc: string): (number | null)[] {
  const reviews = reviewsOf(upc);
  return [1, 2, 3, 4, 5].map((rating) => {
    const n = reviews.filter((r) => r.rating === rating).length;
    return n === 0 && upc === 'p1' ? null : n;
  });
}
