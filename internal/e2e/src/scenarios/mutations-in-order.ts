import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import type { Args } from './data.js';

// Mutations record what they saw: each returns the log as it was when it ran, so any
// reordering or parallel execution shows up in the answer.
let log: string[] = [];
let balance = 0;
const reset = () => {
  log = [];
  balance = 100;
};
reset();

const step = (name: string, change: (b: number) => number) => {
  balance = change(balance);
  log.push(name);
  return { step: log.length, seen: [...log], balance };
};

/**
 * Root mutation fields owned by two subgraphs, interleaved: the gateway must run them one
 * after another in document order (GraphQL's serial execution), as the monolith does.
 */
export const mutationsInOrder = defineScenario({
  name: 'mutations-in-order',
  description: 'Interleaved mutations of two subgraphs; each result shows the log it observed.',
  reset,
  subgraphs: [
    {
      name: 'ledger',
      typeDefs: graphql`
        ${fed2(['@shareable'])}
        type Query {
          ledgerBalance: Int!
        }
        type Mutation {
          deposit(amount: Int!): Entry!
          withdraw(amount: Int!): Entry!
        }
        type Entry @shareable {
          step: Int!
          seen: [String!]!
          balance: Int!
        }
      `,
      resolvers: {
        Query: { ledgerBalance: () => balance },
        Mutation: {
          deposit: (_: unknown, { amount }: Args) =>
            step(`deposit ${String(amount)}`, (b) => b + (amount as number)),
          withdraw: (_: unknown, { amount }: Args) =>
            step(`withdraw ${String(amount)}`, (b) => b - (amount as number)),
        },
      },
    },
    {
      name: 'interest',
      typeDefs: graphql`
        ${fed2(['@shareable'])}
        type Mutation {
          applyInterest(percent: Int!): Entry!
        }
        type Entry @shareable {
          step: Int!
          seen: [String!]!
          balance: Int!
        }
      `,
      resolvers: {
        Mutation: {
          applyInterest: (_: unknown, { percent }: Args) =>
            step(`interest ${String(percent)}`, (b) =>
              Math.round(b * (1 + (percent as number) / 100)),
            ),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        ledgerBalance: Int!
      }
      type Mutation {
        deposit(amount: Int!): Entry!
        withdraw(amount: Int!): Entry!
        applyInterest(percent: Int!): Entry!
      }
      type Entry {
        step: Int!
        seen: [String!]!
        balance: Int!
      }
    `,
    resolvers: {
      Query: { ledgerBalance: () => balance },
      Mutation: {
        deposit: (_: unknown, { amount }: Args) =>
          step(`deposit ${String(amount)}`, (b) => b + (amount as number)),
        withdraw: (_: unknown, { amount }: Args) =>
          step(`withdraw ${String(amount)}`, (b) => b - (amount as number)),
        applyInterest: (_: unknown, { percent }: Args) =>
          step(`interest ${String(percent)}`, (b) =>
            Math.round(b * (1 + (percent as number) / 100)),
          ),
      },
    },
  },
  operations: [
    {
      name: 'interleaved across subgraphs',
      query: graphql`
        mutation {
          a: deposit(amount: 50) {
            step
            seen
            balance
          }
          b: applyInterest(percent: 10) {
            step
            seen
            balance
          }
          c: withdraw(amount: 5) {
            step
            seen
            balance
          }
          d: applyInterest(percent: 100) {
            step
            balance
          }
          e: deposit(amount: 1) {
            step
            seen
            balance
          }
        }
      `,
    },
    {
      name: 'same subgraph twice in a row, then the other',
      query:
        'mutation ($x: Int!) { w: withdraw(amount: $x) { balance } d: deposit(amount: $x) { balance } i: applyInterest(percent: 50) { seen balance } }',
      variables: { x: 20 },
    },
    { name: 'query after a reset', query: '{ ledgerBalance }' },
  ],
});
