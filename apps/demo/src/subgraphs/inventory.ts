import { FED2, type DemoSubgraph } from './types.js';

const IN_STOCK = new Set(['1', '3', '4']);

const resolvers = {
  Product: {
    __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
    inStock: (p: { upc: string }) => IN_STOCK.has(p.upc),
    shippingEstimate: (p: { price?: number; weight?: number }) => {
      // Free for expensive items, otherwise by weight (needs both fields it @requires).
      if (p.price === undefined || p.weight === undefined)
        throw new Error('price and weight are required');
      return p.price > 1000 ? 0 : Math.round(p.weight * 0.5);
    },
  },
};

/**
 * Inventory: `v1`; `broken` forgets to mark `weight` as `@external`, a composition error
 * (REQUIRES_FIELDS_MISSING_EXTERNAL-like) the failed-publish scenario sends to the registry.
 */
export const inventory: DemoSubgraph = {
  name: 'inventory',
  port: 4017,
  initial: 'v1',
  versions: {
    v1: {
      typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int @external
          weight: Int @external
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
        }`,
      resolvers,
    },
    broken: {
      typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int @external
          weight: Int
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
        }`,
      resolvers,
    },
  },
};
