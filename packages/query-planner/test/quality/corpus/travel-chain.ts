import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.3', ['@key', '@requires', '@external', '@shareable']);

/**
 * A trip planner where every answer lives one subgraph further: trips -> legs -> flights ->
 * airports -> weather, with a `@requires` in the middle and lists at every level, so plans are
 * long sequences.
 */
export const travelChain: CorpusSupergraph = {
  name: 'travel-chain',
  about: 'deep chains of entity fetches, lists at every level, @requires mid-chain',
  subgraphs: [
    {
      name: 'trips',
      sdl: `${LINK}
        type Query { trips(owner: ID!): [Trip!]! }
        type Trip @key(fields: "id") { id: ID! title: String legs: [Leg!]! }
        type Leg @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'legs',
      sdl: `${LINK}
        type Leg @key(fields: "id") { id: ID! order: Int flight: Flight }
        type Flight @key(fields: "number date") { number: String! date: String! }`,
    },
    {
      name: 'flights',
      sdl: `${LINK}
        type Flight @key(fields: "number date") {
          number: String!
          date: String!
          carrier: String
          from: Airport
          to: Airport
          distanceKm: Int
        }
        type Airport @key(fields: "iata") { iata: ID! }`,
    },
    {
      name: 'airports',
      sdl: `${LINK}
        type Airport @key(fields: "iata") { iata: ID! city: String lat: Float lon: Float }`,
    },
    {
      name: 'weather',
      sdl: `${LINK}
        type Airport @key(fields: "iata") {
          iata: ID!
          lat: Float @external
          lon: Float @external
          forecast: String @requires(fields: "lat lon")
        }`,
    },
    {
      name: 'emissions',
      sdl: `${LINK}
        type Flight @key(fields: "number date") {
          number: String!
          date: String!
          distanceKm: Int @external
          co2Kg: Int @requires(fields: "distanceKm")
        }`,
    },
  ],
  operations: [
    { name: 'two-levels', query: 'query T($o: ID!) { trips(owner: $o) { title legs { order } } }' },
    {
      name: 'three-levels',
      query: 'query T($o: ID!) { trips(owner: $o) { legs { flight { carrier } } } }',
    },
    {
      name: 'four-levels',
      query: 'query T($o: ID!) { trips(owner: $o) { legs { flight { to { city } } } } }',
    },
    {
      name: 'requires-at-the-end',
      query: 'query T($o: ID!) { trips(owner: $o) { legs { flight { to { forecast } } } } }',
    },
    {
      name: 'requires-on-composite-key',
      query: 'query T($o: ID!) { trips(owner: $o) { legs { flight { co2Kg } } } }',
    },
    {
      name: 'both-ends-of-a-flight',
      query:
        'query T($o: ID!) { trips(owner: $o) { legs { flight { from { city forecast } to { city forecast } } } } }',
    },
    {
      name: 'everything',
      query:
        'query All($o: ID!) { trips(owner: $o) { id title legs { id order flight { number carrier distanceKm co2Kg from { iata city lat lon forecast } } } } }',
    },
    {
      name: 'aliased-branches',
      query:
        'query A($o: ID!, $p: ID!) { mine: trips(owner: $o) { legs { flight { carrier } } } theirs: trips(owner: $p) { title } }',
    },
  ],
};
