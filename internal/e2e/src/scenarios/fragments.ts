import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { productByUpc, PRODUCTS, reviewsOf, userById, type Product, type Review } from './data.js';

/** Named fragments, nested fragments, fragments on interfaces, inline fragments without types. */
export const fragments = defineScenario({
  name: 'fragments',
  description: 'Fragment spreads at several levels, across subgraph boundaries.',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          products: [Product!]!
        }
        interface Node {
          id: ID!
        }
        type Product implements Node @key(fields: "id") {
          id: ID!
          name: String!
          price: Int!
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS.map((p) => ({ ...p, id: p.upc })) },
        Product: {
          __resolveReference: (ref: { id: string }) => ({ ...productByUpc(ref.id), id: ref.id }),
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Review {
          id: ID!
          body: String!
          author: User!
        }
        type User @key(fields: "id", resolvable: false) {
          id: ID!
        }
        type Product @key(fields: "id") {
          id: ID!
          reviews: [Review!]!
        }
      `,
      resolvers: {
        Review: { author: (r: Review) => ({ id: r.authorId }) },
        Product: {
          __resolveReference: (ref: { id: string }) => ref,
          reviews: (p: { id: string }) => reviewsOf(p.id),
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
  ],
  monolith: {
    typeDefs: graphql`
      type Query {
        products: [Product!]!
      }
      interface Node {
        id: ID!
      }
      type Product implements Node {
        id: ID!
        name: String!
        price: Int!
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
      }
    `,
    resolvers: {
      Query: { products: () => PRODUCTS.map((p) => ({ ...p, id: p.upc })) },
      Product: { reviews: (p: Product & { id: string }) => reviewsOf(p.id) },
      Review: { author: (r: Review) => userById(r.authorId) },
    },
  },
  operations: [
    {
      name: 'named fragments, nested, spread twice',
      query: graphql`
        query {
          products {
            ...P
          }
        }
        fragment P on Product {
          name
          ...R
          reviews {
            id
          }
        }
        fragment R on Product {
          reviews {
            body
            author {
              ...U
            }
          }
        }
        fragment U on User {
          name
          id
        }
      `,
    },
    {
      name: 'fragment on an interface the type implements',
      query:
        '{ products { ... on Node { id } ...N } } fragment N on Node { ... on Product { price } }',
    },
    {
      name: 'inline fragments without a type condition',
      query: '{ products { ... { name ... { reviews { ... { author { name } } } } } } }',
    },
  ],
});
