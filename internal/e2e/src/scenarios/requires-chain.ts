import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, type Product } from './data.js';

const tax = (price: number) => Math.round(price * 0.2);
const total = (price: number, taxValue: number) => price + taxValue;
const label = (totalValue: number, name: string) => `${name}: ${totalValue}`;

/** A chain of `@requires`: tax needs price, total needs tax, label needs total and name. */
export const requiresChain = defineScenario({
  name: 'requires-chain',
  description: 'Three subgraphs each requiring a field computed by the previous one.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS },
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
    {
      name: 'tax',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@requires'])}
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int! @external
          tax: Int! @requires(fields: "price")
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: Product) => ref,
          tax: (p: Product) => tax(p.price),
        },
      },
    },
    {
      name: 'pricing',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@requires'])}
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int! @external
          tax: Int! @external
          total: Int! @requires(fields: "price tax")
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: Product & { tax: number }) => ref,
          total: (p: Product & { tax: number }) => total(p.price, p.tax),
        },
      },
    },
    {
      name: 'display',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@requires'])}
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @external
          total: Int! @external
          label: String! @requires(fields: "total name")
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: Product & { total: number }) => ref,
          label: (p: Product & { total: number }) => label(p.total, p.name),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products: [Product!]!
      }
      type Product {
        upc: ID!
        name: String!
        price: Int!
        tax: Int!
        total: Int!
        label: String!
      }
    `,
    resolvers: {
      Query: { products: () => PRODUCTS },
      Product: {
        tax: (p: Product) => tax(p.price),
        total: (p: Product) => total(p.price, tax(p.price)),
        label: (p: Product) => label(total(p.price, tax(p.price)), p.name),
      },
    },
  },
  operations: [
    { name: 'the end of the chain only', query: '{ products { label } }' },
    { name: 'every link of the chain', query: '{ products { upc price tax total label } }' },
    { name: 'the middle of the chain', query: '{ products { total } }' },
  ],
});
