import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, reviewsOf, type Args, type Product } from './data.js';

const typeOf = (p: Product) => p.kind;

/**
 * A value interface in the catalog whose implementations are entities extended elsewhere:
 * queries through the interface with type conditions reach fields of other subgraphs.
 */
export const interfaceSplit = defineScenario({
  name: 'interface-split',
  description:
    'interface Product (catalog) with Book and Furniture, extended by reviews and shipping.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
          product(upc: ID!): Product
        }
        interface Product {
          upc: ID!
          name: String!
          price: Int!
        }
        type Book implements Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
          pages: Int!
        }
        type Furniture implements Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Int!
          material: String!
        }
      `,
      resolvers: {
        Query: {
          products: () => PRODUCTS,
          product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
        },
        Product: { __resolveType: typeOf },
        Book: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
        Furniture: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Book @key(fields: "upc") {
          upc: ID!
          reviewCount: Int!
        }
        type Furniture @key(fields: "upc") {
          upc: ID!
          reviewCount: Int!
        }
      `,
      resolvers: {
        Book: {
          __resolveReference: (ref: { upc: string }) => ref,
          reviewCount: (p: { upc: string }) => reviewsOf(p.upc).length,
        },
        Furniture: {
          __resolveReference: (ref: { upc: string }) => ref,
          reviewCount: (p: { upc: string }) => reviewsOf(p.upc).length,
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products: [Product!]!
        product(upc: ID!): Product
      }
      interface Product {
        upc: ID!
        name: String!
        price: Int!
      }
      type Book implements Product {
        upc: ID!
        name: String!
        price: Int!
        pages: Int!
        reviewCount: Int!
      }
      type Furniture implements Product {
        upc: ID!
        name: String!
        price: Int!
        material: String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: {
        products: () => PRODUCTS,
        product: (_: unknown, { upc }: Args) => productByUpc(upc as string),
      },
      Product: { __resolveType: typeOf },
      Book: { reviewCount: (p: Product) => reviewsOf(p.upc).length },
      Furniture: { reviewCount: (p: Product) => reviewsOf(p.upc).length },
    },
  },
  operations: [
    { name: 'interface fields only', query: '{ products { __typename upc name price } }' },
    {
      name: 'type conditions reaching another subgraph',
      query:
        '{ products { name ... on Book { pages reviewCount } ... on Furniture { material reviewCount } } }',
    },
    {
      name: 'type condition on one implementation only',
      query: '{ products { upc ... on Furniture { reviewCount } } }',
    },
    {
      name: 'single abstract root field',
      query: '{ product(upc: "p3") { __typename ... on Book { reviewCount } } }',
    },
  ],
});
