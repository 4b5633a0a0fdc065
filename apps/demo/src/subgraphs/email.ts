import { FED2, type DemoSubgraph } from './types.js';

const resolvers = {
  EmailChannel: {
    __resolveReference: (ref: { id: string }) => ref,
    emailAddress: (ref: { id: string }) => `${ref.id}@lists.example.com`,
  },
};

/**
 * Seed 001's example: `v1` has `EmailChannel implements Channel`; `without-implements` keeps the
 * type but drops it from the interface; `v2` removes the type altogether (the service keeps a
 * health field so it still has a schema).
 */
export const email: DemoSubgraph = {
  name: 'email',
  port: 4013,
  initial: 'v1',
  versions: {
    v1: {
      typeDefs: `${FED2}
        interface Channel {
          id: ID!
        }
        type EmailChannel implements Channel @key(fields: "id") {
          id: ID!
          emailAddress: String!
        }`,
      resolvers,
    },
    'without-implements': {
      typeDefs: `${FED2}
        type EmailChannel @key(fields: "id") {
          id: ID!
          emailAddress: String!
        }`,
      resolvers,
    },
    v2: {
      typeDefs: `${FED2}
        type Query {
          emailServiceHealthy: Boolean!
        }`,
      resolvers: { Query: { emailServiceHealthy: () => true } },
    },
  },
};
