import { FED2, type DemoSubgraph } from './types.js';

/**
 * The seeds' `Channel` entity interface. The channel service owns the interface and knows every
 * implementation by key (Federation 2 wants a subgraph that puts `@key` on an interface to define
 * all its implementations); the web and email services contribute each implementation's fields.
 */
export const CHANNELS = [
  { id: 'web-1', kind: 'WebChannel', name: 'Status page' },
  { id: 'web-2', kind: 'WebChannel', name: 'Deploy hooks' },
  { id: 'email-1', kind: 'EmailChannel', name: 'Ops mailing list' },
  { id: 'email-2', kind: 'EmailChannel', name: 'Customer digest' },
] as const;

type Channel = (typeof CHANNELS)[number];
const byId = (id: string): Channel | undefined => CHANNELS.find((c) => c.id === id);

export const channel: DemoSubgraph = {
  name: 'channel',
  port: 4011,
  initial: 'v1',
  versions: {
    v1: {
      typeDefs: `${FED2}
        interface Channel @key(fields: "id") {
          id: ID!
          name: String!
        }
        type WebChannel implements Channel @key(fields: "id") {
          id: ID!
          name: String!
        }
        type EmailChannel implements Channel @key(fields: "id") {
          id: ID!
          name: String!
        }
        type Query {
          channels: [Channel!]!
          channel(id: ID!): Channel
        }`,
      resolvers: {
        Query: {
          channels: () => CHANNELS,
          channel: (_: unknown, { id }: { id: string }) => byId(id) ?? null,
        },
        Channel: {
          __resolveType: (c: Channel) => c.kind,
          __resolveReference: (ref: { id: string }) => byId(ref.id),
        },
        WebChannel: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
        EmailChannel: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
      },
    },
  },
};
