import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, type User } from './data.js';

// u2's profile service is down: resolving the entity itself throws; u3 has no profile at all.
const profileOf = (id: string) => {
  if (id === 'u2') throw new Error('profile store unavailable');
  if (id === 'u3') return null;
  return { id, bio: `Bio of ${id}`, followers: id.length * 10 };
};

/**
 * Entity resolution failures: `__resolveReference` throwing or returning null. The monolith
 * models the same as a nullable `profile` object field whose resolver throws or returns null.
 */
export const errorsEntities = defineScenario({
  name: 'errors-entities',
  description: 'Entities that cannot be resolved (throw or null) in lists and single fields.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          users: [User!]!
          user(id: ID!): User
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
          profile: Profile
        }
        type Profile @key(fields: "id") {
          id: ID!
        }
      `,
      resolvers: {
        Query: { users: () => USERS, user: (_: unknown, { id }: { id: string }) => userById(id) },
        User: { profile: (u: User) => ({ id: u.id }) },
      },
    },
    {
      name: 'profiles',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Profile @key(fields: "id") {
          id: ID!
          bio: String
          followers: Int!
        }
      `,
      resolvers: {
        // Async, so one failing reference fails its own _entities item, not the whole list.
        Profile: { __resolveReference: async (ref: { id: string }) => profileOf(ref.id) },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        users: [User!]!
        user(id: ID!): User
      }
      type User {
        id: ID!
        name: String!
        profile: Profile
      }
      type Profile {
        id: ID!
        bio: String
        followers: Int!
      }
    `,
    resolvers: {
      Query: { users: () => USERS, user: (_: unknown, { id }: { id: string }) => userById(id) },
      User: { profile: (u: User) => profileOf(u.id) },
    },
  },
  operations: [
    {
      name: 'fields of entities that fail or are missing',
      query: '{ users { name profile { bio followers } } }',
    },
    {
      name: 'a single failing entity, a non-null field bubbles',
      query: '{ user(id: "u2") { name profile { bio followers } } }',
    },
    {
      name: 'a single failing entity, nullable fields only',
      query: '{ user(id: "u2") { name profile { bio } } }',
    },
    { name: 'a single missing entity', query: '{ user(id: "u3") { id profile { followers } } }' },
  ],
});
