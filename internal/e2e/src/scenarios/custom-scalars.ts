import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import type { Args } from './data.js';

const NOTES = [
  {
    id: 'n1',
    createdAt: '2019-07-03T10:00:00Z',
    meta: { tags: ['a', 'b'], pinned: true, weight: 1.5 },
  },
  { id: 'n2', createdAt: '2020-01-01T00:00:00Z', meta: null },
];
const since = (_: unknown, { after }: Args) => NOTES.filter((n) => n.createdAt > String(after));
const annotate = (n: { id: string }, { extra }: Args) => ({ id: n.id, extra: extra ?? null });

/**
 * Custom scalars pass through the gateway untouched: JSON objects as results, as arguments
 * (literal and variable) and as entity-field arguments in another subgraph.
 */
export const customScalars = defineScenario({
  name: 'custom-scalars',
  description: 'DateTime and JSON scalars defined in two subgraphs, in results and arguments.',
  subgraphs: [
    {
      name: 'notes',
      typeDefs: graphql`
        ${fed2(['@key'])}
        scalar DateTime
        scalar JSON
        type Query {
          notes(after: DateTime!): [Note!]!
        }
        type Note @key(fields: "id") {
          id: ID!
          createdAt: DateTime!
          meta: JSON
        }
      `,
      resolvers: { Query: { notes: since } },
    },
    {
      name: 'annotations',
      typeDefs: graphql`
        ${fed2(['@key'])}
        scalar JSON
        type Note @key(fields: "id") {
          id: ID!
          annotate(extra: JSON): JSON!
        }
      `,
      resolvers: { Note: { annotate } },
    },
  ],
  monolith: {
    typeDefs: graphql`
      scalar DateTime
      scalar JSON
      type Query {
        notes(after: DateTime!): [Note!]!
      }
      type Note {
        id: ID!
        createdAt: DateTime!
        meta: JSON
        annotate(extra: JSON): JSON!
      }
    `,
    resolvers: { Query: { notes: since }, Note: { annotate } },
  },
  operations: [
    {
      name: 'scalar results, object-valued JSON',
      query: '{ notes(after: "2000-01-01") { id createdAt meta } }',
    },
    {
      name: 'JSON argument from a variable, in an entity fetch',
      query: 'query ($x: JSON) { notes(after: "2019-01-01T00:00:00Z") { annotate(extra: $x) } }',
      variables: { x: { nested: { list: [1, 'two', null, true] } } },
    },
  ],
});
