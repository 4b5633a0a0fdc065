import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, type Args, type Product } from './data.js';

const estimate = (p: { price: number; weight: number }, zone: string) =>
  (p.price > 100 ? 0 : p.weight * 2) + (zone === 'FAR' ? 10 : 0);

/** `@requires` of two fields, with an argument on the requiring field. */
export const requiresBasic = defineScenario({
  name: 'requires-basic',
  description: 'shippingEstimate(zone) needs price and weight from another subgraph.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
          product(upc: ID!): Product
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
          weight: Int!
        }
      `,
      resolvers: {
        Query: {
          products: () => PRODUCTS,
          product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
        },
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
    {
      name: 'shipping',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@requires'])}
        enum Zone {
          NEAR
          FAR
        }
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int! @external
          weight: Int! @external
          shippingEstimate(zone: Zone = NEAR): Int! @requires(fields: "price weight")
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: Product) => ref,
          shippingEstimate: (p: Product, { zone }: Args) => estimate(p, zone as string),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      enum Zone {
        NEAR
        FAR
      }
      type Query {
        products: [Product!]!
        product(upc: ID!): Product
      }
      type Product {
        upc: ID!
        name: String!
        price: Int!
        weight: Int!
        shippingEstimate(zone: Zone = NEAR): Int!
      }
    `,
    resolvers: {
      Query: {
        products: () => PRODUCTS,
        product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
      },
      Product: { shippingEstimate: (p: Product, { zone }: Args) => estimate(p, zone as string) },
    },
  },
  operations: [
    {
      name: 'required fields not selected by the client',
      query: '{ products { name shippingEstimate } }',
    },
    {
      name: 'required fields also selected, argument from a variable',
      query:
        'query ($zone: Zone) { product(upc: "p4") { price weight far: shippingEstimate(zone: $zone) near: shippingEstimate } }',
      variables: { zone: 'FAR' },
    },
  ],
});
