import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, reviewsOf, type Args, type Product } from './data.js';

const page = (list: readonly Product[], { first, after }: Args) => {
  const start =
    after === null || after === undefined ? 0 : list.findIndex((p) => p.upc === after) + 1;
  return list.slice(start, start + (first as number));
};
const topReviews = (p: { upc: string }, { min, ids }: Args) =>
  reviewsOf(p.upc).filter(
    (r) => r.rating >= (min as number) && (ids == null || (ids as string[]).includes(r.id)),
  );

/** Variables of many shapes, with operation defaults, used at the root and in entity fetches. */
export const variables = defineScenario({
  name: 'variables',
  description:
    'Scalar, list, nullable and defaulted variables, some only used in a second subgraph.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products(first: Int!, after: ID): [Product!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
        }
      `,
      resolvers: { Query: { products: (_: unknown, args: Args) => page(PRODUCTS, args) } },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Review {
          id: ID!
          rating: Int!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          reviews(min: Int! = 1, ids: [ID!]): [Review!]!
        }
      `,
      resolvers: {
        Product: { __resolveReference: (ref: { upc: string }) => ref, reviews: topReviews },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products(first: Int!, after: ID): [Product!]!
      }
      type Product {
        upc: ID!
        name: String!
        reviews(min: Int! = 1, ids: [ID!]): [Review!]!
      }
      type Review {
        id: ID!
        rating: Int!
      }
    `,
    resolvers: {
      Query: { products: (_: unknown, args: Args) => page(PRODUCTS, args) },
      Product: { reviews: (p: Product, args: Args) => topReviews(p, args) },
    },
  },
  operations: [
    {
      name: 'variables used only by the entity fetch',
      query:
        'query ($min: Int!, $ids: [ID!]) { products(first: 4) { upc reviews(min: $min, ids: $ids) { id } } }',
      variables: { min: 3, ids: ['r1', 'r3', 'r4'] },
    },
    {
      name: 'operation defaults and an explicit null',
      query:
        'query ($first: Int! = 2, $after: ID = "p1", $min: Int! = 5) { products(first: $first, after: $after) { name reviews(min: $min) { rating } } }',
      variables: { after: null },
    },
    {
      name: 'defaults used when the variable is absent',
      query:
        'query ($first: Int! = 2, $after: ID = "p1") { products(first: $first, after: $after) { name } }',
    },
    {
      name: 'a list variable given a single value',
      query: 'query ($ids: [ID!]) { products(first: 1) { reviews(ids: $ids) { id } } }',
      variables: { ids: 'r2' },
    },
    {
      name: 'missing required variable is a request error',
      query: 'query ($first: Int!) { products(first: $first) { upc } }',
    },
  ],
});
