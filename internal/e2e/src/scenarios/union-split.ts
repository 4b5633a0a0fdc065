import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, reviewsBy, USERS, userById, productByUpc, type Args } from './data.js';

type Hit =
  | { readonly kind: 'User'; readonly id: string }
  | { readonly kind: 'Product'; readonly upc: string };

const search = (term: string): Hit[] => [
  ...USERS.filter((u) => u.name.includes(term)).map((u) => ({ kind: 'User' as const, id: u.id })),
  ...PRODUCTS.filter((p) => p.name.includes(term)).map((p) => ({
    kind: 'Product' as const,
    upc: p.upc,
  })),
];

/** A union in a search subgraph whose members are entities owned by other subgraphs. */
export const unionSplit = defineScenario({
  name: 'union-split',
  description:
    'union SearchResult = User | Product in search; members resolved by accounts and catalog.',
  subgraphs: [
    {
      name: 'search',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          search(term: String!): [SearchResult!]!
        }
        union SearchResult = User | Product
        type User @key(fields: "id") {
          id: ID!
        }
        type Product @key(fields: "upc") {
          upc: ID!
        }
      `,
      resolvers: {
        Query: { search: (_: unknown, { term }: Args) => search(term as string) },
        SearchResult: { __resolveType: (hit: Hit) => hit.kind },
      },
    },
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          name: String!
          reviewCount: Int!
        }
      `,
      resolvers: {
        User: {
          __resolveReference: (ref: { id: string }) => userById(ref.id),
          reviewCount: (u: { id: string }) => reviewsBy(u.id).length,
        },
      },
    },
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
        }
      `,
      resolvers: {
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        search(term: String!): [SearchResult!]!
      }
      union SearchResult = User | Product
      type User {
        id: ID!
        name: String!
        reviewCount: Int!
      }
      type Product {
        upc: ID!
        name: String!
        price: Int!
      }
    `,
    resolvers: {
      Query: {
        search: (_: unknown, { term }: Args) =>
          search(term as string).map((hit) =>
            hit.kind === 'User'
              ? { ...userById(hit.id), kind: 'User' }
              : { ...productByUpc(hit.upc), kind: 'Product' },
          ),
      },
      SearchResult: { __resolveType: (hit: Hit) => hit.kind },
      User: { reviewCount: (u: { id: string }) => reviewsBy(u.id).length },
    },
  },
  operations: [
    {
      name: 'both members with fields from their owners',
      query:
        '{ search(term: "n") { __typename ... on User { name reviewCount } ... on Product { name price } } }',
    },
    { name: 'only __typename', query: '{ search(term: "a") { __typename } }' },
    {
      name: 'a fragment on one member only',
      query: '{ search(term: "e") { ... on Product { upc price } } }',
    },
  ],
});
