import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { userById, USERS } from './data.js';

// 120 events whose actors repeat: entity fetches must batch and (may) deduplicate, and every
// position must still get its own copy of the answer.
const EVENTS = Array.from({ length: 120 }, (_, i) => ({
  id: `e${i}`,
  actorId: USERS[(i * 7) % USERS.length]!.id,
  targetId: i % 5 === 0 ? null : USERS[i % USERS.length]!.id,
}));

/** Many references to few entities, some null, in one list: batching and fan-out back. */
export const dedupBatching = defineScenario({
  name: 'dedup-batching',
  description: 'A long list repeating the same entities (and nulls) resolved by another subgraph.',
  subgraphs: [
    {
      name: 'activity',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          events: [Event!]!
        }
        type Event {
          id: ID!
          actor: User!
          target: User
        }
        type User @key(fields: "id") {
          id: ID!
        }
      `,
      resolvers: {
        Query: { events: () => EVENTS },
        Event: {
          actor: (e: { actorId: string }) => ({ id: e.actorId }),
          target: (e: { targetId: string | null }) =>
            e.targetId === null ? null : { id: e.targetId },
        },
      },
    },
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          name: String!
          username: String!
        }
      `,
      resolvers: { User: { __resolveReference: (ref: { id: string }) => userById(ref.id) } },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        events: [Event!]!
      }
      type Event {
        id: ID!
        actor: User!
        target: User
      }
      type User {
        id: ID!
        name: String!
        username: String!
      }
    `,
    resolvers: {
      Query: { events: () => EVENTS },
      Event: {
        actor: (e: { actorId: string }) => userById(e.actorId),
        target: (e: { targetId: string | null }) =>
          e.targetId === null ? null : userById(e.targetId),
      },
    },
  },
  operations: [
    {
      name: 'repeated actors and targets',
      query: '{ events { id actor { name } target { username name } } }',
    },
    {
      name: 'aliased twice over the same entities',
      query: '{ events { a: actor { name } b: actor { username } } }',
    },
  ],
});
