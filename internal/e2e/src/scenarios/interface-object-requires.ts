import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';

interface Media {
  readonly id: string;
  readonly kind: 'Movie' | 'Podcast';
  readonly title: string;
  readonly minutes: number;
}
const MEDIA: readonly Media[] = [
  { id: 'm1', kind: 'Movie', title: 'Metropolis', minutes: 153 },
  { id: 'm2', kind: 'Podcast', title: 'Engines', minutes: 42 },
  { id: 'm3', kind: 'Movie', title: 'Sunrise', minutes: 94 },
];
const byId = (id: string) => MEDIA.find((m) => m.id === id);
const slot = (m: { minutes: number }) => (m.minutes > 120 ? 'EVENING' : 'ANYTIME');
const plays = (id: string) => Number(id.slice(1)) * 100;

/**
 * An `@interfaceObject` subgraph with a `@requires` on the interface's field and a root field
 * returning the interface: the gateway must find concrete types and required values.
 */
export const interfaceObjectRequires = defineScenario({
  name: 'interface-object-requires',
  description: 'Media interface (catalog) seen as @interfaceObject by scheduling, with @requires.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          media: [Media!]!
        }
        interface Media @key(fields: "id") {
          id: ID!
          title: String!
          minutes: Int!
        }
        type Movie implements Media @key(fields: "id") {
          id: ID!
          title: String!
          minutes: Int!
        }
        type Podcast implements Media @key(fields: "id") {
          id: ID!
          title: String!
          minutes: Int!
        }
      `,
      resolvers: {
        Query: { media: () => MEDIA },
        Media: {
          __resolveType: (m: Media) => m.kind,
          __resolveReference: (ref: { id: string }) => byId(ref.id),
        },
        Movie: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
        Podcast: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
      },
    },
    {
      name: 'scheduling',
      typeDefs: graphql`
        ${fed2(['@key', '@interfaceObject', '@external', '@requires'])}
        type Query {
          mostPlayed: [Media!]!
        }
        type Media @key(fields: "id") @interfaceObject {
          id: ID!
          minutes: Int! @external
          slot: String! @requires(fields: "minutes")
          plays: Int!
        }
      `,
      resolvers: {
        Query: { mostPlayed: () => [{ id: 'm3' }, { id: 'm1' }] },
        Media: {
          __resolveReference: (ref: { id: string; minutes?: number }) => ref,
          slot: (m: { minutes: number }) => slot(m),
          plays: (m: { id: string }) => plays(m.id),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        media: [Media!]!
        mostPlayed: [Media!]!
      }
      interface Media {
        id: ID!
        title: String!
        minutes: Int!
        slot: String!
        plays: Int!
      }
      type Movie implements Media {
        id: ID!
        title: String!
        minutes: Int!
        slot: String!
        plays: Int!
      }
      type Podcast implements Media {
        id: ID!
        title: String!
        minutes: Int!
        slot: String!
        plays: Int!
      }
    `,
    resolvers: {
      Query: { media: () => MEDIA, mostPlayed: () => [byId('m3'), byId('m1')] },
      Media: { __resolveType: (m: Media) => m.kind },
      Movie: { slot: (m: Media) => slot(m), plays: (m: Media) => plays(m.id) },
      Podcast: { slot: (m: Media) => slot(m), plays: (m: Media) => plays(m.id) },
    },
  },
  operations: [
    { name: 'required field on the interface object', query: '{ media { title slot plays } }' },
    {
      name: 'interface-object root field with concrete types and requires',
      query: '{ mostPlayed { __typename title slot ... on Movie { minutes } } }',
    },
  ],
});
