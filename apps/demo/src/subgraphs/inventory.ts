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

/** `v1` plus one more Product field the inventory service resolves itself. */
const withField = (field: string, resolve: (p: { upc: string }) => string) => ({
  typeDefs: `${FED2}
        type Product @key(fields: "upc") {
          upc: ID!
          price: Int @external
          weight: Int @external
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
          ${field}: String
        }`,
  resolvers: { Product: { ...resolvers.Product, [field]: resolve } },
});

/**
 * Inventory: `v1`; `with-name` adds a `Product.name` of its own (the label on the warehouse
 * shelf), which composes with products `v1` but conflicts with products `v2`'s `name`: the
 * concurrent-changes scenario's Team B; `with-shelf` is Team B's change once the teams talked.
 * `broken` starts resolving `weight` itself but forgets that products owns it
 * (neither `@external` nor `@shareable`): a valid subgraph on its own, so the registry records
 * it, but one that does not compose (INVALID_FIELD_SHARING), as the failed-publish scenario needs.
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
          shippingEstimate: Int @requires(fields: "price")
        }`,
      resolvers,
    },
    'with-name': withField('name', (p) => `Shelf label ${p.upc}`),
    'with-shelf': withField('shelf', (p) => `Aisle ${p.upc}`),
  },
};
