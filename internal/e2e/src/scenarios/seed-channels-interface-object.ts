import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { CHANNELS, channelById } from './seed-channels.js';

const subscribers = (id: string) => ({ c1: 12, c2: 3, c3: 0 })[id] ?? 0;

/**
 * The seed's channels with a fourth, `@interfaceObject` subgraph: it adds `subscribers` to
 * every Channel without knowing the implementations; channel owns the interface entity.
 */
export const seedChannelsInterfaceObject = defineScenario({
  name: 'seed-channels-interface-object',
  description:
    'An @interfaceObject subgraph adds fields (and a root field) to the Channel interface.',
  subgraphs: [
    {
      name: 'channel',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          channels: [Channel!]!
        }
        interface Channel @key(fields: "id") {
          id: ID!
          name: String!
        }
        type WebChannel implements Channel @key(fields: "id") {
          id: ID!
          name: String!
          webHook: String!
        }
        type EmailChannel implements Channel @key(fields: "id") {
          id: ID!
          name: String!
          emailAddress: String!
        }
      `,
      resolvers: {
        Query: { channels: () => CHANNELS },
        Channel: {
          __resolveType: (c: { kind: string }) => c.kind,
          __resolveReference: (ref: { id: string }) => channelById(ref.id),
        },
        WebChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
        EmailChannel: { __resolveReference: (ref: { id: string }) => channelById(ref.id) },
      },
    },
    {
      name: 'audience',
      typeDefs: graphql`
        ${fed2(['@key', '@interfaceObject'])}
        type Query {
          busiest: Channel
        }
        type Channel @key(fields: "id") @interfaceObject {
          id: ID!
          subscribers: Int!
        }
      `,
      resolvers: {
        Query: { busiest: () => ({ id: 'c1' }) },
        Channel: {
          __resolveReference: (ref: { id: string }) => ref,
          subscribers: (c: { id: string }) => subscribers(c.id),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        channels: [Channel!]!
        busiest: Channel
      }
      interface Channel {
        id: ID!
        name: String!
        subscribers: Int!
      }
      type WebChannel implements Channel {
        id: ID!
        name: String!
        webHook: String!
        subscribers: Int!
      }
      type EmailChannel implements Channel {
        id: ID!
        name: String!
        emailAddress: String!
        subscribers: Int!
      }
    `,
    resolvers: {
      Query: { channels: () => CHANNELS, busiest: () => channelById('c1') },
      Channel: { __resolveType: (c: { kind: string }) => c.kind },
      WebChannel: { subscribers: (c: { id: string }) => subscribers(c.id) },
      EmailChannel: { subscribers: (c: { id: string }) => subscribers(c.id) },
    },
  },
  operations: [
    {
      name: 'interface-object field on every channel',
      query: '{ channels { id name subscribers } }',
    },
    {
      name: 'root field of the interface-object subgraph needs the concrete type',
      query: '{ busiest { __typename id subscribers name ... on WebChannel { webHook } } }',
    },
    {
      name: 'type conditions and interface-object fields together',
      query:
        '{ channels { ... on EmailChannel { emailAddress subscribers } ... on WebChannel { webHook } } }',
    },
    {
      name: 'interface-object field with a variable-driven @skip',
      query: 'query ($skip: Boolean = false) { channels { id subscribers @skip(if: $skip) } }',
    },
  ],
});
