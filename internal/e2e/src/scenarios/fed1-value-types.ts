import { graphql } from '@orrery/internal-testing';
import { defineScenario } from '../scenario.js';
import { PRODUCTS, productByUpc, type Product } from './data.js';

const money = (amount: number) => ({ amount, currency: 'EUR' });
const PROMOS = [{ code: 'SPRING', upc: 'p1', discount: 2 }];

/**
 * Federation 1 value types: `Money` and the `Currency` enum are defined identically in two
 * subgraphs (Fed 1 needs no `@shareable`; composition adds it), plus a Fed 1 root field
 * defined with `type Query` in one subgraph and `extend type Query` in the other.
 */
export const fed1ValueTypes = defineScenario({
  name: 'fed1-value-types',
  description: 'Identical value types and enums in two Fed 1 subgraphs, resolved by either.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        type Query {
          products: [Product!]!
        }
        enum Currency {
          EUR
          USD
        }
        type Money {
          amount: Int!
          currency: Currency!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
          price: Money!
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS },
        Product: {
          __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
          price: (p: Product) => money(p.price),
        },
      },
    },
    {
      name: 'promotions',
      typeDefs: graphql`
        extend type Query {
          promotions: [Promotion!]!
        }
        enum Currency {
          EUR
          USD
        }
        type Money {
          amount: Int!
          currency: Currency!
        }
        type Promotion {
          code: String!
          discount: Money!
          product: Product!
        }
        extend type Product @key(fields: "upc") {
          upc: ID! @external
        }
      `,
      resolvers: {
        Query: { promotions: () => PROMOS },
        Promotion: {
          discount: (p: { discount: number }) => money(p.discount),
          product: (p: { upc: string }) => ({ upc: p.upc }),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products: [Product!]!
        promotions: [Promotion!]!
      }
      enum Currency {
        EUR
        USD
      }
      type Money {
        amount: Int!
        currency: Currency!
      }
      type Product {
        upc: ID!
        name: String!
        price: Money!
      }
      type Promotion {
        code: String!
        discount: Money!
        product: Product!
      }
    `,
    resolvers: {
      Query: { products: () => PRODUCTS, promotions: () => PROMOS },
      Product: { price: (p: Product) => money(p.price) },
      Promotion: {
        discount: (p: { discount: number }) => money(p.discount),
        product: (p: { upc: string }) => productByUpc(p.upc),
      },
    },
  },
  operations: [
    {
      name: 'value type from both subgraphs in one answer',
      query:
        '{ promotions { code discount { amount currency } product { name price { amount currency } } } }',
    },
    { name: 'root fields of both subgraphs', query: '{ products { upc } promotions { code } }' },
  ],
});
