import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, reviewsBy, type Args, type User } from './data.js';

const avatar = (u: { id: string }, { size }: Args) =>
  `https://img.example.com/${u.id}?s=${String(size)}`;

/** Aliases: the same field with different arguments, aliased entity fields, aliased keys. */
export const aliases = defineScenario({
  name: 'aliases',
  description: 'Aliases on root fields, on entity fields in other subgraphs, and on key fields.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          user(id: ID!): User
          users: [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
        }
      `,
      resolvers: {
        Query: { user: (_: unknown, { id }: Args) => userById(id as string), users: () => USERS },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'media',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          avatar(size: Int = 64): String!
          reviewCount: Int!
        }
      `,
      resolvers: {
        User: {
          __resolveReference: (ref: { id: string }) => ref,
          avatar,
          reviewCount: (u: User) => reviewsBy(u.id).length,
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        user(id: ID!): User
        users: [User!]!
      }
      type User {
        id: ID!
        name: String!
        avatar(size: Int = 64): String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: { user: (_: unknown, { id }: Args) => userById(id as string), users: () => USERS },
      User: { avatar, reviewCount: (u: User) => reviewsBy(u.id).length },
    },
  },
  operations: [
    {
      name: 'same root field twice under aliases',
      query: '{ ada: user(id: "u1") { name } alan: user(id: "u2") { name } }',
    },
    {
      name: 'same entity field with different arguments',
      query: '{ users { name small: avatar(size: 16) large: avatar(size: 256) avatar } }',
    },
    {
      name: 'aliased key field and aliased __typename',
      query: '{ users { key: id kind: __typename count: reviewCount } }',
    },
    {
      name: 'alias named like another field',
      query: '{ users { name: id id: name reviewCount: avatar(size: 1) } }',
    },
  ],
});
