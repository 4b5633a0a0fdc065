import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { USERS, userById, reviewsBy, type User } from './data.js';

/** `@skip`/`@include` with literals and variables on root fields, entity fields and fragments. */
export const skipInclude = defineScenario({
  name: 'skip-include',
  description: 'Conditions that remove whole subgraph fetches, or only some fields of them.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          users: [User!]!
          me: User
        }
        type User @key(fields: "id") {
          id: ID!
          name: String!
          email: String!
        }
      `,
      resolvers: {
        Query: { users: () => USERS, me: () => USERS[0] },
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
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
      resolvers: {
        User: { reviewCount: (u: User) => reviewsBy(u.id).length },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        users: [User!]!
        me: User
      }
      type User {
        id: ID!
        name: String!
        email: String!
        reviewCount: Int!
      }
    `,
    resolvers: {
      Query: { users: () => USERS, me: () => USERS[0] },
      User: { reviewCount: (u: User) => reviewsBy(u.id).length },
    },
  },
  operations: [
    ...(
      [
        [true, false],
        [false, true],
        [true, true],
        [false, false],
      ] as const
    ).map(([a, b]) => ({
      name: `variables a=${a} b=${b}`,
      query: graphql`
        query ($a: Boolean!, $b: Boolean!) {
          users {
            name @include(if: $a)
            reviewCount @skip(if: $b)
            ... on User @include(if: $b) {
              email
              reviewCount
            }
            ...F @skip(if: $a)
          }
          me @include(if: $a) {
            reviewCount
          }
        }
        fragment F on User {
          id
        }
      `,
      variables: { a, b },
    })),
    {
      name: 'literal conditions, skip and include on the same field',
      query:
        '{ users { id @skip(if: true) name @include(if: false) email @skip(if: false) @include(if: true) reviewCount @include(if: true) } }',
    },
  ],
});
