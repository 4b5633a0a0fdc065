import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.3', ['@key', '@shareable']);

/** Banking: mutations spread over subgraphs, whose top-level fields must run in order. */
export const ledger: CorpusSupergraph = {
  name: 'ledger',
  about: 'mutations across subgraphs (order kept), mutation results needing entity fetches',
  subgraphs: [
    {
      name: 'accounts',
      sdl: `${LINK}
        type Query { account(iban: ID!): Account }
        type Mutation { openAccount(holder: ID!): Account freeze(iban: ID!): Account }
        type Account @key(fields: "iban") { iban: ID! holder: Holder frozen: Boolean }
        type Holder @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'payments',
      sdl: `${LINK}
        type Mutation { transfer(from: ID!, to: ID!, cents: Int!): Transfer }
        type Transfer { id: ID! cents: Int! from: Account to: Account }
        type Account @key(fields: "iban") { iban: ID! balanceCents: Int }`,
    },
    {
      name: 'people',
      sdl: `${LINK}
        type Mutation { renameHolder(id: ID!, name: String!): Holder }
        type Holder @key(fields: "id") { id: ID! name: String kycPassed: Boolean }`,
    },
  ],
  operations: [
    {
      name: 'single-mutation',
      query: 'mutation Open($h: ID!) { openAccount(holder: $h) { iban } }',
    },
    {
      name: 'mutation-result-entity',
      query:
        'mutation Open($h: ID!) { openAccount(holder: $h) { iban balanceCents holder { name } } }',
    },
    {
      name: 'three-subgraphs-in-order',
      query:
        'mutation Flow($a: ID!, $b: ID!, $h: ID!) { transfer(from: $a, to: $b, cents: 100) { id } renameHolder(id: $h, name: "x") { name } freeze(iban: $a) { frozen } }',
    },
    {
      name: 'same-subgraph-twice-around-another',
      query:
        'mutation M($a: ID!, $h: ID!) { openAccount(holder: $h) { iban } transfer(from: $a, to: $a, cents: 1) { cents } freeze(iban: $a) { frozen } }',
    },
    {
      name: 'transfer-with-details',
      query:
        'mutation T($a: ID!, $b: ID!) { transfer(from: $a, to: $b, cents: 5) { from { balanceCents frozen holder { kycPassed } } to { balanceCents } } }',
    },
    {
      name: 'query-across-all',
      query:
        'query A($i: ID!) { account(iban: $i) { balanceCents frozen holder { name kycPassed } } }',
    },
  ],
};
