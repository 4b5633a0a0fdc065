import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, reviewsBy, type User } from './data.js';

const DOCUMENT = graphql`
  query Names {
    users {
      name
    }
  }
  query Counts {
    users {
      reviewCount
    }
    first: users {
      id
    }
    limit: __typename
  }
  fragment Unused on User {
    id
  }
`;

/** Documents with several operations: `operationName` picks one; missing or unknown is an error. */
export const operationName = defineScenario({
  name: 'operation-name',
  description: 'Multi-operation documents selected by operationName.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          users: [User!]!
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
        }
      `,
      resolvers: { Query: { users: () => USERS } },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          reviewCount: Int!
        }
      `,
      resolvers: { User: { reviewCount: (u: User) => reviewsBy(u.id).length } },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        users: [User!]!
      }
      type User {
        id: ID!
        name: String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: { users: () => USERS },
      User: { reviewCount: (u: User) => reviewsBy(u.id).length },
    },
  },
  operations: [
    { name: 'first operation by name', query: DOCUMENT, operationName: 'Names' },
    { name: 'second operation by name (entity fetch)', query: DOCUMENT, operationName: 'Counts' },
    { name: 'no operation name for several operations', query: DOCUMENT },
    { name: 'unknown operation name', query: DOCUMENT, operationName: 'Nope' },
  ],
});
