import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { PRODUCTS, productByUpc, USERS, userById, type Args } from './data.js';

// Wishlists know each product's name and the owner's username (denormalised copies).
const WISHLISTS = USERS.map((u, i) => ({
  id: `w${i}`,
  ownerId: u.id,
  upcs: PRODUCTS.filter((_, j) => (i + j) % 2 === 0).map((p) => p.upc),
}));
const wishlist = (w: (typeof WISHLISTS)[number]) => ({
  id: w.id,
  owner: { id: w.ownerId, username: userById(w.ownerId)!.username },
  items: w.upcs.map((upc) => ({ upc, name: productByUpc(upc)!.name })),
});

/**
 * `@provides` with nested and multiple selections on a list field, plus a provided field
 * reached through an argument-bearing root field.
 */
export const providesNested = defineScenario({
  name: 'provides-nested',
  description: 'A subgraph providing fields of two entity types, one of them in a list.',
  subgraphs: [
    {
      name: 'wishlists',
      typeDefs: graphql`
        ${fed2(['@key', '@external', '@provides'])}
        type Query {
          wishlist(id: ID!): Wishlist
        }
        type Wishlist @key(fields: "id") {
          id: ID!
          owner: User! @provides(fields: "username")
          items: [Product!]! @provides(fields: "name")
        }
        type User @key(fields: "id") {
          id: ID!
          username: String! @external
        }
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @external
        }
      `,
      resolvers: {
        Query: {
          wishlist: (_: unknown, { id }: Args) => {
            const w = WISHLISTS.find((x) => x.id === id);
            return w && wishlist(w);
          },
        },
      },
    },
    {
      name: 'accounts',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type User @key(fields: "id") {
          id: ID!
          username: String! @shareable
          email: String!
        }
      `,
      resolvers: { User: { __resolveReference: (ref: { id: string }) => userById(ref.id) } },
    },
    {
      name: 'catalog',
      typeDefs: graphql`
        ${fed2(['@key', '@shareable'])}
        type Product @key(fields: "upc") {
          upc: ID!
          name: String! @shareable
          price: Int!
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
        wishlist(id: ID!): Wishlist
      }
      type Wishlist {
        id: ID!
        owner: User!
        items: [Product!]!
      }
      type User {
        id: ID!
        username: String!
        email: String!
      }
      type Product {
        upc: ID!
        name: String!
        price: Int!
      }
    `,
    resolvers: {
      Query: {
        wishlist: (_: unknown, { id }: Args) => {
          const w = WISHLISTS.find((x) => x.id === id);
          return w && { id: w.id, owner: userById(w.ownerId), items: w.upcs.map(productByUpc) };
        },
      },
    },
  },
  operations: [
    {
      name: 'only provided fields',
      query: '{ wishlist(id: "w1") { owner { username } items { name } } }',
    },
    {
      name: 'provided and owner-only fields',
      query: '{ wishlist(id: "w0") { id owner { username email } items { upc name price } } }',
    },
    { name: 'unknown wishlist', query: '{ wishlist(id: "nope") { items { name } } }' },
  ],
});
