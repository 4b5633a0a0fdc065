import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { REVIEWS, userById, productByUpc } from './data.js';

// A feed mixing value objects (Notice) with entities of two other subgraphs.
const FEED = [
  { kind: 'Notice', text: 'Welcome' },
  { kind: 'Review', id: 'r1' },
  { kind: 'Notice', text: 'Sale on chairs' },
  { kind: 'Review', id: 'r4' },
];
const reviewById = (id: string) => REVIEWS.find((r) => r.id === id)!;

/** A union mixing a value type with an entity whose fields lead into two more subgraphs. */
export const unionValueMembers = defineScenario({
  name: 'union-value-members',
  description:
    'union FeedItem = Notice | Review; Review extended by reviews, then accounts and catalog.',
  subgraphs: [
    {
      name: 'feed',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          feed: [FeedItem!]!
        }
        union FeedItem = Notice | Review
        type Notice {
          text: String!
        }
        type Review @key(fields: "id") {
          id: ID!
        }
      `,
      resolvers: {
        Query: { feed: () => FEED },
        FeedItem: { __resolveType: (item: { kind: string }) => item.kind },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Review @key(fields: "id") {
          id: ID!
          body: String!
          author: User!
          product: Product!
        }
        type User @key(fields: "id") {
          id: ID!
        }
        type Product @key(fields: "upc") {
          upc: ID!
        }
      `,
      resolvers: {
        Review: {
          __resolveReference: (ref: { id: string }) => reviewById(ref.id),
          author: (r: { authorId: string }) => ({ id: r.authorId }),
          product: (r: { upc: string }) => ({ upc: r.upc }),
        },
      },
    },
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type User @key(fields: "id") {
          id: ID!
          name: String!
        }
      `,
      resolvers: { User: { __resolveReference: (ref: { id: string }) => userById(ref.id) } },
    },
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Product @key(fields: "upc") {
          upc: ID!
          name: String!
        }
      `,
      resolvers: {
        Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
      },
    },
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        feed: [FeedItem!]!
      }
      union FeedItem = Notice | Review
      type Notice {
        text: String!
      }
      type Review {
        id: ID!
        body: String!
        author: User!
        product: Product!
      }
      type User {
        id: ID!
        name: String!
      }
      type Product {
        upc: ID!
        name: String!
      }
    `,
    resolvers: {
      Query: {
        feed: () =>
          FEED.map((f) => (f.kind === 'Review' ? { ...reviewById(f.id!), kind: 'Review' } : f)),
      },
      FeedItem: { __resolveType: (item: { kind: string }) => item.kind },
      Review: {
        author: (r: { authorId: string }) => userById(r.authorId),
        product: (r: { upc: string }) => productByUpc(r.upc),
      },
    },
  },
  operations: [
    {
      name: 'both members, entity fields three subgraphs deep',
      query:
        '{ feed { __typename ... on Notice { text } ... on Review { body author { name } product { name } } } }',
    },
    { name: 'value member only', query: '{ feed { ... on Notice { text } } }' },
  ],
});
