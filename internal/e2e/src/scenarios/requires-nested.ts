import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';

interface Parcel {
  readonly id: string;
  readonly dimensions: { readonly width: number; readonly height: number; readonly unit: string };
  readonly origin: { readonly country: string; readonly city: string };
}

const PARCELS: readonly Parcel[] = [
  {
    id: 'x1',
    dimensions: { width: 2, height: 3, unit: 'cm' },
    origin: { country: 'UK', city: 'London' },
  },
  {
    id: 'x2',
    dimensions: { width: 10, height: 1, unit: 'in' },
    origin: { country: 'FR', city: 'Lyon' },
  },
];
const area = (p: Pick<Parcel, 'dimensions'>) => p.dimensions.width * p.dimensions.height;
const route = (p: Pick<Parcel, 'origin'>) => `${p.origin.city} (${p.origin.country}) -> hub`;

/** `@requires` with nested selections of value types (`dimensions { width height }`). */
export const requiresNested = defineScenario({
  name: 'requires-nested',
  description: 'Required fields that are objects with sub-selections, from a shareable value type.',
  subgraphs: [
    {
      name: 'parcels',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Query {
          parcels: [Parcel!]!
        }
        type Parcel @key(fields: "id") {
          id: ID!
          dimensions: Dimensions!
          origin: Place!
        }
        type Dimensions @shareable {
          width: Int!
          height: Int!
          unit: String!
        }
        type Place @shareable {
          country: String!
          city: String!
        }
      `,
      resolvers: {
        Query: { parcels: () => PARCELS },
        Parcel: {
          __resolveReference: (ref: { id: string }) => PARCELS.find((p) => p.id === ref.id),
        },
      },
    },
    {
      name: 'logistics',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable', '@external', '@requires'])}
        type Parcel @key(fields: "id") {
          id: ID!
          dimensions: Dimensions! @external
          origin: Place! @external
          area: Int! @requires(fields: "dimensions { width height }")
          route: String! @requires(fields: "origin { country city }")
        }
        type Dimensions @shareable {
          width: Int!
          height: Int!
          unit: String!
        }
        type Place @shareable {
          country: String!
          city: String!
        }
      `,
      resolvers: {
        Parcel: {
          __resolveReference: (ref: Parcel) => ref,
          area: (p: Parcel) => area(p),
          route: (p: Parcel) => route(p),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        parcels: [Parcel!]!
      }
      type Parcel {
        id: ID!
        dimensions: Dimensions!
        origin: Place!
        area: Int!
        route: String!
      }
      type Dimensions {
        width: Int!
        height: Int!
        unit: String!
      }
      type Place {
        country: String!
        city: String!
      }
    `,
    resolvers: {
      Query: { parcels: () => PARCELS },
      Parcel: { area: (p: Parcel) => area(p), route: (p: Parcel) => route(p) },
    },
  },
  operations: [
    { name: 'two nested requirements', query: '{ parcels { id area route } }' },
    {
      name: 'client selects part of the required object',
      query: '{ parcels { dimensions { unit width } area } }',
    },
  ],
});
