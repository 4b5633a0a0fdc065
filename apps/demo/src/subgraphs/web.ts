import { FED2, type DemoSubgraph } from './types.js';

export const web: DemoSubgraph = {
  name: 'web',
  port: 4012,
  initial: 'v1',
  versions: {
    v1: {
      typeDefs: `${FED2}
        interface Channel {
          id: ID!
        }
        type WebChannel implements Channel @key(fields: "id") {
          id: ID!
          webHook: String!
        }`,
      resolvers: {
        WebChannel: {
          __resolveReference: (ref: { id: string }) => ref,
          webHook: (ref: { id: string }) => `https://hooks.example.com/${ref.id}`,
        },
      },
    },
  },
};
