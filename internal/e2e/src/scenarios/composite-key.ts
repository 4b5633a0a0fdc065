import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import type { Args } from './data.js';

interface Variant {
  readonly sku: string;
  readonly color: string;
  readonly org: { readonly id: string };
  readonly label: string;
  readonly stock: number;
}

const VARIANTS: readonly Variant[] = [
  { sku: 'TS', color: 'red', org: { id: 'o1' }, label: 'Red tee', stock: 4 },
  { sku: 'TS', color: 'blue', org: { id: 'o1' }, label: 'Blue tee', stock: 0 },
  { sku: 'TS', color: 'red', org: { id: 'o2' }, label: 'Red tee (outlet)', stock: 9 },
];
const find = (ref: { sku: string; color: string; org: { id: string } }) =>
  VARIANTS.find((v) => v.sku === ref.sku && v.color === ref.color && v.org.id === ref.org.id);

/** A composite key with a nested object (`sku color org { id }`): representations nest. */
export const compositeKey = defineScenario({
  name: 'composite-key',
  description: 'An entity keyed by two scalars and a nested object, resolved in a second subgraph.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Query {
          variants(sku: String!): [Variant!]!
        }
        type Org @shareable {
          id: ID!
        }
        type Variant @key(fields: "sku color org { id }") {
          sku: String!
          color: String!
          org: Org!
          label: String!
        }
      `,
      resolvers: {
        Query: { variants: (_: unknown, { sku }: Args) => VARIANTS.filter((v) => v.sku === sku) },
        Variant: { __resolveReference: find },
      },
    },
    {
      name: 'stock',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Org @shareable {
          id: ID!
        }
        type Variant @key(fields: "sku color org { id }") {
          sku: String!
          color: String!
          org: Org!
          stock: Int!
        }
      `,
      resolvers: {
        Variant: {
          __resolveReference: find,
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        variants(sku: String!): [Variant!]!
      }
      type Org {
        id: ID!
      }
      type Variant {
        sku: String!
        color: String!
        org: Org!
        label: String!
        stock: Int!
      }
    `,
    resolvers: {
      Query: { variants: (_: unknown, { sku }: Args) => VARIANTS.filter((v) => v.sku === sku) },
    },
  },
  operations: [
    { name: 'fields from both subgraphs', query: '{ variants(sku: "TS") { label stock } }' },
    {
      name: 'key fields and nested key object',
      query: '{ variants(sku: "TS") { sku color org { id } stock } }',
    },
    { name: 'no match', query: '{ variants(sku: "none") { stock } }' },
  ],
});
