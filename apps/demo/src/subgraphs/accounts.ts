import { FED2, type DemoSubgraph } from './types.js';

export const USERS = [
  { id: '1', name: 'Ada Lovelace', username: 'ada' },
  { id: '2', name: 'Alan Turing', username: 'alan' },
  { id: '3', name: 'Grace Hopper', username: 'grace' },
];

const byId = (id: string) => USERS.find((u) => u.id === id);
const resolvers = {
  Query: {
    me: () => USERS[0],
    user: (_: unknown, { id }: { id: string }) => byId(id) ?? null,
  },
  User: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
};
const typeDefs = (userFields: string) => `${FED2}
  type User @key(fields: "id") {
    id: ID!
    name: String
    ${userFields}
  }
  type Query {
    me: User
    user(id: ID!): User
  }`;

/**
 * Accounts: `v1`; `without-username` removes `User.username` (a breaking change that checks
 * catch while clients still use it); `v1-with-nickname` adds a field (a safe change), used by
 * the concurrent-changes scenario.
 */
export const accounts: DemoSubgraph = {
  name: 'accounts',
  port: 4016,
  initial: 'v1',
  versions: {
    v1: { typeDefs: typeDefs('username: String'), resolvers },
    'without-username': { typeDefs: typeDefs(''), resolvers },
    'with-nickname': {
      typeDefs: typeDefs('username: String\n    nickname: String'),
      resolvers: {
        ...resolvers,
        User: {
          ...resolvers.User,
          nickname: (u: { username: string }) => u.username.toUpperCase(),
        },
      },
    },
  },
};
