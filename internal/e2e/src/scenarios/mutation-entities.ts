import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2 } from '../scenario.js';
import { userById, type Args } from './data.js';

interface Order {
  readonly id: string;
  readonly buyerId: string;
  readonly upcs: readonly string[];
}
let orders: Order[] = [];
const reset = () => {
  orders = [];
};
const place = (buyerId: string, upcs: readonly string[]): Order => {
  const order = { id: `o${orders.length + 1}`, buyerId, upcs };
  orders.push(order);
  return order;
};
const countOf = (buyerId: string) => orders.filter((o) => o.buyerId === buyerId).length;

/**
 * A mutation whose result is an entity extended by other subgraphs: the follow-up entity
 * fetches run after the mutation and see its effect (the new order count).
 */
export const mutationEntities = defineScenario({
  name: 'mutation-entities',
  description: 'placeOrder returns an Order whose buyer fields come from two other subgraphs.',
  reset,
  subgraphs: [
    {
      name: 'orders',
      typeDefs: graphql`
        ${fed2(['@key'])}
        type Query {
          orderCount: Int!
        }
        type Mutation {
          placeOrder(buyer: ID!, upcs: [ID!]!): Order!
        }
        type Order @key(fields: "id") {
          id: ID!
          buyer: User!
          itemCount: Int!
        }
        type User @key(fields: "id") {
          id: ID!
          orderCount: Int!
        }
      `,
      resolvers: {
        Query: { orderCount: () => orders.length },
        Mutation: {
          placeOrder: (_: unknown, { buyer, upcs }: Args) =>
            place(buyer as string, upcs as string[]),
        },
        Order: {
          buyer: (o: Order) => ({ id: o.buyerId }),
          itemCount: (o: Order) => o.upcs.length,
        },
        User: {
          __resolveReference: (ref: { id: string }) => ref,
          orderCount: (u: { id: string }) => countOf(u.id),
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
        orderCount: Int!
      }
      type Mutation {
        placeOrder(buyer: ID!, upcs: [ID!]!): Order!
      }
      type Order {
        id: ID!
        buyer: User!
        itemCount: Int!
      }
      type User {
        id: ID!
        name: String!
        orderCount: Int!
      }
    `,
    resolvers: {
      Query: { orderCount: () => orders.length },
      Mutation: {
        placeOrder: (_: unknown, { buyer, upcs }: Args) => place(buyer as string, upcs as string[]),
      },
      Order: { buyer: (o: Order) => userById(o.buyerId), itemCount: (o: Order) => o.upcs.length },
      User: { orderCount: (u: { id: string }) => countOf(u.id) },
    },
  },
  operations: [
    {
      name: 'two mutations, entity fields after each',
      query: graphql`
        mutation {
          first: placeOrder(buyer: "u1", upcs: ["p1"]) {
            id
            itemCount
            buyer {
              name
              orderCount
            }
          }
          second: placeOrder(buyer: "u1", upcs: ["p2", "p3"]) {
            id
            buyer {
              orderCount
              name
            }
          }
        }
      `,
    },
  ],
});
