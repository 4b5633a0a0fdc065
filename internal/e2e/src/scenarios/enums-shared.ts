import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, type Args, type User } from './data.js';

const permissions = (role: string) =>
  role === 'ADMIN' ? ['READ', 'WRITE', 'DELETE'] : role === 'MEMBER' ? ['READ', 'WRITE'] : ['READ'];

/** An enum defined identically in two subgraphs, as input (argument) and output. */
export const enumsShared = defineScenario({
  name: 'enums-shared',
  description: 'Role is defined in accounts and permissions; used as an argument and as a result.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        enum Role {
          ADMIN
          MEMBER
          GUEST
        }
        type Query {
          usersByRole(role: Role!): [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
          role: Role!
        }
      `,
      resolvers: {
        Query: {
          usersByRole: (_: unknown, { role }: Args) => USERS.filter((u) => u.role === role),
        },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'permissions',
      typeDefs: graphql`
        ${fed2(['@key'])}
        enum Role {
          ADMIN
          MEMBER
          GUEST
        }
        enum Permission {
          READ
          WRITE
          DELETE
        }
        type Query {
          rolesWith(permission: Permission!): [Role!]!
        }
        type User @key(fields: "id") {
          id: ID!
          permissions: [Permission!]!
          canDo(permission: Permission!): Boolean!
        }
      `,
      resolvers: {
        Query: {
          rolesWith: (_: unknown, { permission }: Args) =>
            ['ADMIN', 'MEMBER', 'GUEST'].filter((r) =>
              permissions(r).includes(permission as string),
            ),
        },
        User: {
          __resolveReference: (ref: { id: string }) => userById(ref.id),
          permissions: (u: User) => permissions(u.role),
          canDo: (u: User, { permission }: Args) =>
            permissions(u.role).includes(permission as string),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      enum Role {
        ADMIN
        MEMBER
        GUEST
      }
      enum Permission {
        READ
        WRITE
        DELETE
      }
      type Query {
        usersByRole(role: Role!): [User!]!
        rolesWith(permission: Permission!): [Role!]!
      }
      type User {
        id: ID!
        name: String!
        role: Role!
        permissions: [Permission!]!
        canDo(permission: Permission!): Boolean!
      }
    `,
    resolvers: {
      Query: {
        usersByRole: (_: unknown, { role }: Args) => USERS.filter((u) => u.role === role),
        rolesWith: (_: unknown, { permission }: Args) =>
          ['ADMIN', 'MEMBER', 'GUEST'].filter((r) => permissions(r).includes(permission as string)),
      },
      User: {
        permissions: (u: User) => permissions(u.role),
        canDo: (u: User, { permission }: Args) =>
          permissions(u.role).includes(permission as string),
      },
    },
  },
  operations: [
    {
      name: 'enum literal argument',
      query: '{ usersByRole(role: MEMBER) { name role permissions } }',
    },
    {
      name: 'enum variables at the root and in an entity fetch',
      query:
        'query ($role: Role!, $p: Permission!) { usersByRole(role: $role) { name canDo(permission: $p) } rolesWith(permission: $p) }',
      variables: { role: 'ADMIN', p: 'DELETE' },
    },
    { name: 'invalid enum value is a request error', query: '{ usersByRole(role: OWNER) { id } }' },
  ],
});
