import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, reviewsBy, type Args, type User } from './data.js';

/**
 * `@shareable` root fields and entity fields: `user(id)` and `User.name` are resolvable by two
 * subgraphs that agree on the data; the answer must not depend on which one is chosen.
 */
export const shareableRootFields = defineScenario({
  name: 'shareable-root-fields',
  description: 'A root field and entity fields served identically by two subgraphs.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Query {
          user(id: ID!): User @shareable
        }
        type User @key(fields: "id") {
          id: ID!
          name: String! @shareable
          email: String!
        }
      `,
      resolvers: {
        Query: { user: (_: unknown, { id }: Args) => userById(id as string) },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'directory',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Query {
          user(id: ID!): User @shareable
          everyone: [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String! @shareable
          reviewCount: Int!
        }
      `,
      resolvers: {
        Query: {
          user: (_: unknown, { id }: Args) => userById(id as string),
          everyone: () => USERS,
        },
        User: {
          __resolveReference: (ref: { id: string }) => userById(ref.id),
          reviewCount: (u: User) => reviewsBy(u.id).length,
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        user(id: ID!): User
        everyone: [User!]!
      }
      type User {
        id: ID!
        name: String!
        email: String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: { user: (_: unknown, { id }: Args) => userById(id as string), everyone: () => USERS },
      User: { reviewCount: (u: User) => reviewsBy(u.id).length },
    },
  },
  operations: [
    {
      name: 'shareable root field with fields of both',
      query: '{ user(id: "u1") { name email reviewCount } }',
    },
    { name: 'shareable field from either side', query: '{ everyone { name email } }' },
    { name: 'unknown user', query: '{ user(id: "x") { name email } }' },
  ],
});
