import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import {
  productByUpc,
  PRODUCTS,
  reviewsBy,
  reviewsOf,
  userById,
  USERS,
  type Args,
  type Review,
} from './data.js';

/** A single `@key(fields: "id")` entity extended by a second subgraph, in both directions. */
export const entityBasicKey = defineScenario({
  name: 'entity-basic-key',
  description: 'Users and products owned by one subgraph each; reviews extends both by their keys.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          me: User
          user(id: ID!): User
          users: [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
          username: String!
        }
      `,
      resolvers: {
        Query: {
          me: () => USERS[0],
          user: (_: unknown, { id }: Args) => userById(id as string),
          users: () => USERS,
        },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'products',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          topProducts(first: Int = 5): [Product!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
        }
      `,
      resolvers: {
        Query: { topProducts: (_: unknown, { first }: Args) => PRODUCTS.slice(0, first as number) },
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Review {
          id: ID!
          body: String!
          rating: Int!
          author: User!
          product: Product!
        }
        type User @key(fields: "id") {
          id: ID!
          reviews: [Review!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          reviews: [Review!]!
        }
      `,
      resolvers: {
        Review: {
          author: (r: Review) => ({ id: r.authorId }),
          product: (r: Review) => ({ upc: r.upc }),
        },
        User: {
          __resolveReference: (ref: { id: string }) => ref,
          reviews: (u: { id: string }) => reviewsBy(u.id),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => ref,
          reviews: (p: { upc: string }) => reviewsOf(p.upc),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        me: User
        user(id: ID!): User
        users: [User!]!
        topProducts(first: Int = 5): [Product!]!
      }
      type User {
        id: ID!
        name: String!
        username: String!
        reviews: [Review!]!
      }
      type Product {
        upc: ID!
        name: String!
        price: Int!
        reviews: [Review!]!
      }
      type Review {
        id: ID!
        body: String!
        rating: Int!
        author: User!
        product: Product!
      }
    `,
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: Args) => userById(id as string),
        users: () => USERS,
        topProducts: (_: unknown, { first }: Args) => PRODUCTS.slice(0, first as number),
      },
      User: { reviews: (u: { id: string }) => reviewsBy(u.id) },
      Product: { reviews: (p: { upc: string }) => reviewsOf(p.upc) },
      Review: {
        author: (r: Review) => userById(r.authorId),
        product: (r: Review) => productByUpc(r.upc),
      },
    },
  },
  operations: [
    { name: 'root field of one subgraph', query: '{ me { id name username } }' },
    {
      name: 'entity fields from a second subgraph',
      query: '{ me { name reviews { body rating } } }',
    },
    {
      name: 'three hops: users -> reviews -> products -> reviews -> users',
      query:
        '{ users { name reviews { body product { name price reviews { author { username } } } } } }',
    },
    {
      name: 'argument default and explicit argument',
      query: '{ a: topProducts { upc } b: topProducts(first: 2) { name reviews { id } } }',
    },
    {
      name: 'entity not found yields null',
      query: '{ user(id: "nope") { id name reviews { id } } }',
    },
    {
      name: 'root __typename and entity __typename',
      query: '{ __typename me { __typename reviews { __typename } } }',
    },
  ],
});
