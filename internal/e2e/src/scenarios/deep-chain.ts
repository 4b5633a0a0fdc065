import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';

// A → B → C → D, each link resolved by the next subgraph; ids encode the path.
const next = (id: string, kind: string) => [`${id}.${kind}1`, `${id}.${kind}2`];

/** Four subgraphs in a chain; each level's children are entities of the next subgraph. */
export const deepChain = defineScenario({
  name: 'deep-chain',
  description: 'Nested lists of entities hopping through four subgraphs (sequential fetches).',
  subgraphs: [
    {
      name: 'alpha',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          roots: [A!]!
        }
        type A @key(fields: "id") {
          id: ID!
          label: String!
        }
      `,
      resolvers: {
        Query: { roots: () => [{ id: 'a1' }, { id: 'a2' }] },
        A: { label: (a: { id: string }) => `A ${a.id}` },
      },
    },
    {
      name: 'beta',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type A @key(fields: "id") {
          id: ID!
          bs: [B!]!
        }
        type B @key(fields: "id") {
          id: ID!
          label: String!
        }
      `,
      resolvers: {
        A: { bs: (a: { id: string }) => next(a.id, 'b').map((id) => ({ id })) },
        B: { label: (b: { id: string }) => `B ${b.id}` },
      },
    },
    {
      name: 'gamma',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type B @key(fields: "id") {
          id: ID!
          cs: [C!]!
        }
        type C @key(fields: "id") {
          id: ID!
          label: String!
        }
      `,
      resolvers: {
        B: { cs: (b: { id: string }) => next(b.id, 'c').map((id) => ({ id })) },
        C: { label: (c: { id: string }) => `C ${c.id}` },
      },
    },
    {
      name: 'delta',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type C @key(fields: "id") {
          id: ID!
          depth: Int!
          root: A!
        }
        type A @key(fields: "id") {
          id: ID!
        }
      `,
      resolvers: {
        C: {
          depth: (c: { id: string }) => c.id.split('.').length,
          root: (c: { id: string }) => ({ id: c.id.split('.')[0] }),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        roots: [A!]!
      }
      type A {
        id: ID!
        label: String!
        bs: [B!]!
      }
      type B {
        id: ID!
        label: String!
        cs: [C!]!
      }
      type C {
        id: ID!
        label: String!
        depth: Int!
        root: A!
      }
    `,
    resolvers: {
      Query: { roots: () => [{ id: 'a1' }, { id: 'a2' }] },
      A: {
        label: (a: { id: string }) => `A ${a.id}`,
        bs: (a: { id: string }) => next(a.id, 'b').map((id) => ({ id })),
      },
      B: {
        label: (b: { id: string }) => `B ${b.id}`,
        cs: (b: { id: string }) => next(b.id, 'c').map((id) => ({ id })),
      },
      C: {
        label: (c: { id: string }) => `C ${c.id}`,
        depth: (c: { id: string }) => c.id.split('.').length,
        root: (c: { id: string }) => ({ id: c.id.split('.')[0] }),
      },
    },
  },
  operations: [
    { name: 'down the chain', query: '{ roots { id bs { id cs { id depth } } } }' },
    {
      name: 'down and back up with labels from every level',
      query: '{ roots { label bs { label cs { label depth root { label bs { id } } } } } }',
    },
  ],
});
