import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, reviewsBy, type User } from './data.js';

/**
 * Introspection through the gateway answers from the API schema, alone or mixed with data
 * fields; `__typename` works everywhere. Federation internals (`_entities`, `_service`,
 * `join__*`) must not show.
 */
export const introspection = defineScenario({
  name: 'introspection',
  description: 'Introspection-only and mixed operations; no federation internals visible.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          users: [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
        }
      `,
      resolvers: { Query: { users: () => USERS } },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          reviewCount: Int!
        }
      `,
      resolvers: { User: { reviewCount: (u: User) => reviewsBy(u.id).length } },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        users: [User!]!
      }
      type User {
        id: ID!
        name: String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: { users: () => USERS },
      User: { reviewCount: (u: User) => reviewsBy(u.id).length },
    },
  },
  operations: [
    {
      name: 'root fields and types by introspection',
      query: '{ __schema { queryType { name fields { name } } mutationType { name } } }',
    },
    {
      name: 'federation internals are not there',
      query:
        '{ e: __type(name: "_Entity") { name } s: __type(name: "_Service") { name } a: __type(name: "_Any") { name } }',
    },
    {
      name: 'introspection mixed with data',
      query:
        '{ __type(name: "User") { fields { name type { kind ofType { name } } } } users { __typename name reviewCount } }',
    },
    {
      name: '_entities cannot be called',
      query: '{ _entities(representations: [{ __typename: "User", id: "u1" }]) { __typename } }',
    },
    { name: '_service cannot be called', query: '{ _service { sdl } }' },
  ],
});
