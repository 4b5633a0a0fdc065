import { graphql } from '@orrery/internal-testing';
import { defineScenario } from '../scenario.js';
import {
  productByUpc,
  PRODUCTS,
  REVIEWS,
  reviewsBy,
  reviewsOf,
  userById,
  USERS,
  type Args,
  type Review,
} from './data.js';

/**
 * Federation 1 subgraphs (no `@link`): `extend type` with `@external` keys, `extend type Query`,
 * `@provides` and `@requires` in their Fed 1 forms. Composition upgrades them to Fed 2.
 */
export const fed1Basic = defineScenario({
  name: 'fed1-basic',
  description: 'Three Fed 1 subgraphs in the classic accounts/products/reviews shape.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        extend type Query {
          me: User
          users: [User]
        }
        type User @key(fields: "id") {
          id: ID!
          name: String
          username: String
        }
      `,
      resolvers: {
        Query: { me: () => USERS[0], users: () => USERS },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'products',
      typeDefs: graphql`
        extend type Query {
          topProducts(first: Int = 5): [Product]
        }
        type Product @key(fields: "upc") {
          upc: String!
          name: String
          price: Int
          weight: Int
        }
      `,
      resolvers: {
        Query: { topProducts: (_: unknown, { first }: Args) => PRODUCTS.slice(0, first as number) },
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
    {
      name: 'inventory',
      typeDefs: graphql`
        extend type Product @key(fields: "upc") {
          upc: String! @external
          weight: Int @external
          price: Int @external
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({
            ...ref,
            inStock: productByUpc(ref.upc)?.inStock,
          }),
          shippingEstimate: (p: { price: number; weight: number }) =>
            p.price > 100 ? 0 : Math.floor(p.weight / 2),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        extend type Query {
          reviews: [Review]
        }
        type Review @key(fields: "id") {
          id: ID!
          body: String
          author: User @provides(fields: "username")
          product: Product
        }
        extend type User @key(fields: "id") {
          id: ID! @external
          username: String @external
          reviews: [Review]
        }
        extend type Product @key(fields: "upc") {
          upc: String! @external
          reviews: [Review]
        }
      `,
      resolvers: {
        Query: { reviews: () => REVIEWS },
        Review: {
          __resolveReference: (ref: { id: string }) => REVIEWS.find((r) => r.id === ref.id),
          author: (r: Review) => ({
            __typename: 'User',
            id: r.authorId,
            username: userById(r.authorId)?.username,
          }),
          product: (r: Review) => ({ __typename: 'Product', upc: r.upc }),
        },
        User: { reviews: (u: { id: string }) => reviewsBy(u.id) },
        Product: { reviews: (p: { upc: string }) => reviewsOf(p.upc) },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        me: User
        users: [User]
        topProducts(first: Int = 5): [Product]
        reviews: [Review]
      }
      type User {
        id: ID!
        name: String
        username: String
        reviews: [Review]
      }
      type Product {
        upc: String!
        name: String
        price: Int
        weight: Int
        inStock: Boolean
        shippingEstimate: Int
        reviews: [Review]
      }
      type Review {
        id: ID!
        body: String
        author: User
        product: Product
      }
    `,
    resolvers: {
      Query: {
        me: () => USERS[0],
        users: () => USERS,
        topProducts: (_: unknown, { first }: Args) => PRODUCTS.slice(0, first as number),
        reviews: () => REVIEWS,
      },
      User: { reviews: (u: { id: string }) => reviewsBy(u.id) },
      Product: {
        shippingEstimate: (p: { price: number; weight: number }) =>
          p.price > 100 ? 0 : Math.floor(p.weight / 2),
        reviews: (p: { upc: string }) => reviewsOf(p.upc),
      },
      Review: {
        author: (r: Review) => userById(r.authorId),
        product: (r: Review) => productByUpc(r.upc),
      },
    },
  },
  operations: [
    {
      name: 'the classic deep query',
      query:
        '{ me { name reviews { body product { name price inStock shippingEstimate reviews { author { username name } } } } } }',
    },
    {
      name: 'top products with inventory',
      query: '{ topProducts(first: 3) { upc inStock shippingEstimate } }',
    },
    { name: 'provided username without accounts', query: '{ reviews { id author { username } } }' },
  ],
});
