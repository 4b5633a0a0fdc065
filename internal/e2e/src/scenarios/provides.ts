import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { REVIEWS, userById, type Review } from './data.js';

/**
 * `@provides`: reviews can return the author's username itself; other author fields still come
 * from accounts. The reviews subgraph serves the value the monolith serves (same data).
 */
export const provides = defineScenario({
  name: 'provides',
  description: 'A provided external field on a list of entities, mixed with non-provided fields.',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type User @key(fields: "id") {
          id: ID!
          name: String!
          username: String! @shareable
        }
      `,
      resolvers: {
        User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@provides'])}
        type Query {
          reviews: [Review!]!
        }
        type Review {
          id: ID!
          body: String!
          author: User! @provides(fields: "username")
        }
        type User @key(fields: "id") {
          id: ID!
          username: String! @external
        }
      `,
      resolvers: {
        Query: { reviews: () => REVIEWS },
        Review: {
          author: (r: Review) => ({ id: r.authorId, username: userById(r.authorId)!.username }),
        },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        reviews: [Review!]!
      }
      type Review {
        id: ID!
        body: String!
        author: User!
      }
      type User {
        id: ID!
        name: String!
        username: String!
      }
    `,
    resolvers: {
      Query: { reviews: () => REVIEWS },
      Review: { author: (r: Review) => userById(r.authorId) },
    },
  },
  operations: [
    { name: 'provided field only', query: '{ reviews { body author { username } } }' },
    {
      name: 'provided and non-provided fields',
      query: '{ reviews { id author { id name username } } }',
    },
  ],
});
