import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, type Product } from './data.js';

// The warehouse cannot count furniture: its stock fields throw for those items.
const count = (p: { upc: string }) => {
  const product = PRODUCTS.find((x) => x.upc === p.upc)!;
  if (product.kind === 'Furniture') throw new Error(`cannot count ${product.upc}`);
  return product.weight;
};
const locations = (p: { upc: string }) => (p.upc === 'p3' ? ['A1', null, 'C3'] : ['A1']);

/** Errors and nulls inside lists: per-item errors, null items in nullable and non-null lists. */
export const errorsInLists = defineScenario({
  name: 'errors-in-lists',
  description:
    'List items whose fields (in another subgraph) throw or are null, at several depths.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          shelves: [[Product]!]!
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
        }
      `,
      resolvers: {
        Query: { shelves: () => [PRODUCTS.slice(0, 2), [PRODUCTS[2], null], [PRODUCTS[3]]] },
      },
    },
    {
      name: 'warehouse',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Product @key(fields: "upc") {
          upc: ID!
          stock: Int
          stockStrict: Int!
          locations: [String]!
          locationsStrict: [String!]
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: { upc: string }) => ref,
          stock: count,
          stockStrict: count,
          locations,
          locationsStrict: locations,
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        shelves: [[Product]!]!
      }
      type Product {
        upc: ID!
        name: String!
        stock: Int
        stockStrict: Int!
        locations: [String]!
        locationsStrict: [String!]
      }
    `,
    resolvers: {
      Query: { shelves: () => [PRODUCTS.slice(0, 2), [PRODUCTS[2], null], [PRODUCTS[3]]] },
      Product: {
        stock: (p: Product) => count(p),
        stockStrict: (p: Product) => count(p),
        locations: (p: Product) => locations(p),
        locationsStrict: (p: Product) => locations(p),
      },
    },
  },
  operations: [
    {
      name: 'nullable field throws per item in a list of lists',
      query: '{ shelves { upc stock } }',
    },
    { name: 'non-null field throws: items become null', query: '{ shelves { name stockStrict } }' },
    { name: 'null inside a nullable-item list', query: '{ shelves { upc locations } }' },
    {
      name: 'null inside a non-null-item list nulls the list',
      query: '{ shelves { upc locationsStrict } }',
    },
  ],
});
