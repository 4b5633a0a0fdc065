import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, type Args, type User } from './data.js';

/**
 * `@inaccessible`: a field, an argument, an enum value and a whole type exist in the subgraphs
 * (and are used internally as keys and @requires inputs) but not in the API schema. Clients
 * cannot see them in introspection nor query them; the monolith simply lacks them.
 */
export const inaccessible = defineScenario({
  name: 'inaccessible',
  description: 'Inaccessible field, argument, enum value and type: invisible and unqueryable.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key', '@inaccessible'])}
        type Query {
          users(role: Role, includeDeleted: Boolean @inaccessible): [User!]!
          audit: AuditLog @inaccessible
        }
        enum Role {
          ADMIN
          MEMBER
          GUEST @inaccessible
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
          orgId: ID! @inaccessible
          role: Role
        }
        type AuditLog @inaccessible {
          entries: [String!]!
        }
      `,
      resolvers: {
        Query: {
          users: (_: unknown, { role }: Args) =>
            USERS.filter((u) => role === undefined || u.role === role),
          audit: () => ({ entries: ['x'] }),
        },
        User: {
          __resolveReference: (ref: { id: string }) => userById(ref.id),
          // GUEST is not in the API: the gateway nulls such values (the monolith never had them).
          role: (u: User) => (u.role === 'GUEST' ? null : u.role),
        },
      },
    },
    {
      name: 'orgs',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@requires', '@inaccessible'])}
        type User @key(fields: "id") {
          id: ID!
          orgId: ID! @external
          orgName: String! @requires(fields: "orgId")
        }
      `,
      resolvers: {
        User: {
          __resolveReference: (ref: User) => ref,
          orgName: (u: User) => (u.orgId === 'o1' ? 'Analytical Engines Ltd' : 'Navy'),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        users(role: Role): [User!]!
      }
      enum Role {
        ADMIN
        MEMBER
      }
      type User {
        id: ID!
        name: String!
        role: Role
        orgName: String!
      }
    `,
    resolvers: {
      Query: {
        users: (_: unknown, { role }: Args) =>
          USERS.filter((u) => role === undefined || u.role === role),
      },
      User: {
        role: (u: User) => (u.role === 'GUEST' ? null : u.role),
        orgName: (u: User) => (u.orgId === 'o1' ? 'Analytical Engines Ltd' : 'Navy'),
      },
    },
  },
  operations: [
    {
      name: 'accessible fields, one requiring an inaccessible field',
      query: '{ users { name role orgName } }',
    },
    { name: 'accessible enum value as argument', query: '{ users(role: MEMBER) { id } }' },
    { name: 'inaccessible field cannot be queried', query: '{ users { id orgId } }' },
    {
      name: 'inaccessible argument cannot be passed',
      query: '{ users(includeDeleted: true) { id } }',
    },
    { name: 'inaccessible enum value cannot be passed', query: '{ users(role: GUEST) { id } }' },
    { name: 'inaccessible root field and type', query: '{ audit { entries } }' },
    {
      name: 'introspection does not show the inaccessible type',
      query:
        '{ a: __type(name: "AuditLog") { name } r: __type(name: "Role") { enumValues { name } } u: __type(name: "User") { fields { name } } }',
    },
  ],
});
