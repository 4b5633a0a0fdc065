import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.8', ['@key', '@context', '@fromContext', '@shareable']);

/**
 * Contextual arguments: a marketplace's currency and locale flow from the `Market` that sets the
 * context down to `Listing` fields resolved in the same subgraph through `_entities`.
 */
export const shopContext: CorpusSupergraph = {
  name: 'shop-context',
  about: '@context / @fromContext',
  subgraphs: [
    {
      name: 'markets',
      sdl: `${LINK}
        type Query { markets: [Market!]! market(code: ID!): Market }
        type Market @key(fields: "code") @context(name: "market") {
          code: ID!
          currency: String!
          locale: String!
          listings: [Listing!]!
        }
        type Listing @key(fields: "id") {
          id: ID!
          price(currency: String @fromContext(field: "$market { currency }")): Int
          blurb(locale: String @fromContext(field: "$market { locale }")): String
        }`,
    },
    {
      name: 'listings',
      sdl: `${LINK}
        type Listing @key(fields: "id") { id: ID! headline: String seller: Seller }
        type Seller @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'sellers',
      sdl: `${LINK}
        type Seller @key(fields: "id") { id: ID! displayName: String rating: Float }`,
    },
  ],
  operations: [
    { name: 'one-contextual-field', query: '{ markets { listings { price } } }' },
    {
      name: 'two-contexts-one-fetch',
      query: 'query Both($c: ID!) { market(code: $c) { listings { price blurb } } }',
    },
    {
      name: 'context-and-other-subgraph',
      query: '{ markets { code listings { headline price } } }',
    },
    {
      name: 'context-then-chain',
      query: '{ markets { listings { blurb seller { displayName rating } } } }',
    },
    {
      name: 'no-contextual-field',
      query: '{ markets { currency listings { id headline } } }',
    },
    {
      name: 'context-with-fragment',
      query:
        'fragment L on Listing { price headline } query Frag { markets { locale listings { ...L } } }',
    },
  ],
};
