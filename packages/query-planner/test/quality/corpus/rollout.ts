import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.7', ['@key', '@override', '@shareable']);

/**
 * Fields mid-migration between subgraphs: a finished `@override`, and progressive overrides with
 * `label`s (planned with every label off, which is the default for both planners).
 */
export const rollout: CorpusSupergraph = {
  name: 'rollout',
  about: '@override, progressive @override(label:)',
  subgraphs: [
    {
      name: 'legacy',
      sdl: `${LINK}
        type Query { orders(last: Int): [Order!]! order(id: ID!): Order }
        type Order @key(fields: "id") {
          id: ID!
          placedAt: String
          status: String
          total: Int
          courier: Courier
        }
        type Courier @key(fields: "code") { code: ID! }`,
    },
    {
      name: 'orders-v2',
      sdl: `${LINK}
        type Order @key(fields: "id") {
          id: ID!
          status: String @override(from: "legacy")
          total: Int @override(from: "legacy", label: "percent(25)")
          notes: [String!]
        }`,
    },
    {
      name: 'couriers',
      sdl: `${LINK}
        type Courier @key(fields: "code") {
          code: ID!
          name: String
          eta: Int @override(from: "tracking", label: "percent(10)")
        }`,
    },
    {
      name: 'tracking',
      sdl: `${LINK}
        type Courier @key(fields: "code") { code: ID! eta: Int lastPing: String }`,
    },
  ],
  operations: [
    { name: 'overridden-field', query: '{ orders { id status } }' },
    { name: 'labelled-field-stays', query: '{ orders { total placedAt } }' },
    { name: 'mix-of-both', query: 'query Mix { orders(last: 5) { status total notes } }' },
    {
      name: 'labelled-field-other-subgraph',
      query: 'query Eta($id: ID!) { order(id: $id) { courier { name eta } } }',
    },
    { name: 'three-subgraphs', query: '{ orders { notes courier { eta lastPing name } } }' },
    {
      name: 'aliases-of-overridden',
      query: '{ a: orders { s: status } b: orders { t: total } }',
    },
    {
      name: 'skip-around-override',
      query: 'query S($x: Boolean!) { orders { status @skip(if: $x) notes @include(if: $x) } }',
    },
  ],
};
