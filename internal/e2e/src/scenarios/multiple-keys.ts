import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, reviewsOf, type Product, type Review } from './data.js';

const bySku = (sku: string) => PRODUCTS.find((p) => p.sku === sku);
const byUpc = (upc: string) => PRODUCTS.find((p) => p.upc === upc);

/**
 * Two keys on one entity: inventory knows products only by `sku`, reviews only by `upc`; the
 * catalog knows both, so reaching inventory from reviews goes through the catalog.
 */
export const multipleKeys = defineScenario({
  name: 'multiple-keys',
  description: 'Product has @key(upc) and @key(sku); each extending subgraph knows one of them.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
        }
        type Product @key(fields: "upc") @key(fields: "sku") {
          upc: ID!
          sku: String!
          name: String!
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS },
        Product: {
          __resolveReference: (ref: { upc?: string; sku?: string }) =>
            ref.upc !== undefined ? byUpc(ref.upc) : bySku(ref.sku!),
        },
      },
    },
    {
      name: 'inventory',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          lowStock: [Product!]!
        }
        type Product @key(fields: "sku") {
          sku: String!
          inStock: Boolean!
        }
      `,
      resolvers: {
        Query: { lowStock: () => PRODUCTS.filter((p) => !p.inStock).map((p) => ({ sku: p.sku })) },
        Product: {
          __resolveReference: (ref: { sku: string }) => ref,
          inStock: (p: { sku: string }) => bySku(p.sku)!.inStock,
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          reviews: [Review!]!
        }
        type Review {
          id: ID!
          body: String!
          product: Product!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          reviews: [Review!]!
        }
      `,
      resolvers: {
        Query: { reviews: () => reviewsOf('p1').concat(reviewsOf('p2')) },
        Review: { product: (r: Review) => ({ upc: r.upc }) },
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
        products: [Product!]!
        lowStock: [Product!]!
        reviews: [Review!]!
      }
      type Product {
        upc: ID!
        sku: String!
        name: String!
        inStock: Boolean!
        reviews: [Review!]!
      }
      type Review {
        id: ID!
        body: String!
        product: Product!
      }
    `,
    resolvers: {
      Query: {
        products: () => PRODUCTS,
        lowStock: () => PRODUCTS.filter((p) => !p.inStock),
        reviews: () => reviewsOf('p1').concat(reviewsOf('p2')),
      },
      Product: { reviews: (p: Product) => reviewsOf(p.upc) },
      Review: { product: (r: Review) => byUpc(r.upc) },
    },
  },
  operations: [
    { name: 'catalog to inventory by sku', query: '{ products { name inStock } }' },
    {
      name: 'inventory to reviews through the catalog (sku -> upc)',
      query: '{ lowStock { sku name reviews { body } } }',
    },
    {
      name: 'reviews to inventory through the catalog (upc -> sku)',
      query: '{ reviews { body product { upc inStock sku } } }',
    },
  ],
});
