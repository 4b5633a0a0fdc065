import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import type { Args } from './data.js';

/** The seed's migration graph: a Channel interface with WebChannel and EmailChannel. */
interface Channel {
  readonly id: string;
  readonly kind: 'WebChannel' | 'EmailChannel';
  readonly name: string;
  readonly webHook?: string;
  readonly emailAddress?: string;
}

export const CHANNELS: readonly Channel[] = [
  { id: 'c1', kind: 'WebChannel', name: 'Deploys', webHook: 'https://hooks.example.com/deploys' },
  { id: 'c2', kind: 'EmailChannel', name: 'Billing', emailAddress: 'billing@example.com' },
  { id: 'c3', kind: 'WebChannel', name: 'Alerts', webHook: 'https://hooks.example.com/alerts' },
];
export const channelById = (id: string) => CHANNELS.find((c) => c.id === id);

/**
 * The seed's Channel service (Federation 2.3 form): an entity interface owned by the channel
 * subgraph, whose implementations get their specific fields from the web and email subgraphs.
 * `channel(id)` expands into one `_entities` fetch per implementing subgraph.
 */
export const seedChannels = defineScenario({
  name: 'seed-channels',
  description:
    'Channel @key interface; WebChannel.webHook from web, EmailChannel.emailAddress from email.',
  subgraphs: [
    {
      name: 'channel',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          channel(id: ID!): Channel
          channels: [Channel!]!
        }
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
      `,
      resolvers: {
        Query: {
          channel: (_: unknown, { id }: Args) => channelById(id as string),
          channels: () => CHANNELS,
        },
        Channel: {
          __resolveType: (c: Channel) => c.kind,
          __resolveReference: (ref: { id: string }) => channelById(ref.id),
        },
        WebChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
        EmailChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
      },
    },
    {
      name: 'web',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type WebChannel @key(fields: "id") {
          id: ID!
          webHook: String!
        }
      `,
      resolvers: {
        WebChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
      },
    },
    {
      name: 'email',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type EmailChannel @key(fields: "id") {
          id: ID!
          emailAddress: String!
        }
      `,
      resolvers: {
        EmailChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        channel(id: ID!): Channel
        channels: [Channel!]!
      }
      interface Channel {
        id: ID!
        name: String!
      }
      type WebChannel implements Channel {
        id: ID!
        name: String!
        webHook: String!
      }
      type EmailChannel implements Channel {
        id: ID!
        name: String!
        emailAddress: String!
      }
    `,
    resolvers: {
      Query: {
        channel: (_: unknown, { id }: Args) => channelById(id as string),
        channels: () => CHANNELS,
      },
      Channel: { __resolveType: (c: Channel) => c.kind },
    },
  },
  operations: [
    {
      name: "the seed's FindChannel",
      operationName: 'FindChannel',
      query:
        'query FindChannel($id: ID!) { channel(id: $id) { id ... on EmailChannel { emailAddress } ... on WebChannel { webHook } } }',
      variables: { id: 'c2' },
    },
    {
      name: 'FindChannel on a web channel',
      operationName: 'FindChannel',
      query:
        'query FindChannel($id: ID!) { channel(id: $id) { id name ... on EmailChannel { emailAddress } ... on WebChannel { webHook } } }',
      variables: { id: 'c3' },
    },
    {
      name: 'every channel with __typename',
      query:
        '{ channels { __typename id name ... on WebChannel { webHook } ... on EmailChannel { emailAddress } } }',
    },
    {
      name: 'unknown channel',
      query: '{ channel(id: "zz") { id ... on WebChannel { webHook } } }',
    },
  ],
});
