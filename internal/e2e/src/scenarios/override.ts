import { graphql } from '@orrery/internal-testing';
import { defineScenario, fed2, type Scenario } from '../scenario.js';
import { PRODUCTS, productByUpc, type Product } from './data.js';

// The legacy subgraph still resolves the fields it gave away, with stale values: an answer with
// "stale" proves the gateway routed to the wrong subgraph.
const stale = () => -1;

/**
 * `@override`: pricing took `price` over from legacy (`inStock` is shareable in both).
 * - No label: the new owner always serves it; legacy's copy returns stale values.
 * - `percent(0)`: the label is never active, legacy still serves it; pricing's copy is stale.
 * - `percent(100)`: mid-migration both owners serve correct values, so the answer must not
 *   depend on which one the gateway picks. `@apollo/gateway` never activates labels (its
 *   planner gets no override conditions; progressive override is a Router feature), so this
 *   variant checks that a labelled supergraph plans and serves consistently, not the routing.
 */
function overrideScenario(variant: 'plain' | 'percent-100' | 'percent-0'): Scenario {
  const label =
    variant === 'plain' ? '' : `, label: "percent(${variant === 'percent-100' ? 100 : 0})"`;
  const newOwnerServes = variant !== 'percent-0';
  // Legacy's price is ten times the catalog's so the answer shows which owner served it.
  const legacyPrice = (p: Product) =>
    variant === 'plain' ? stale() : variant === 'percent-0' ? p.price * 10 : p.price;
  const pricingPrice = (p: Product) => (variant === 'percent-0' ? stale() : p.price);
  return defineScenario({
    name: `override-${variant}`,
    description: `price moved from legacy to pricing with @override(from: "legacy"${label}).`,
    subgraphs: [
      {
        name: 'legacy',
        typeDefs: graphql`
          ${fed2(['@key', '@shareable'])}
          type Query {
            products: [Product!]!
          }
          type Product @key(fields: "upc") {
            upc: ID!
            name: String!
            price: Int!
            inStock: Boolean! @shareable
          }
        `,
        resolvers: {
          Query: { products: () => PRODUCTS },
          Product: {
            __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
            price: legacyPrice,
          },
        },
      },
      {
        name: 'pricing',
        typeDefs: graphql`
          ${fed2(['@key', '@override', '@shareable'], '2.7')}
          type Query { cheapest: Product! }
          type Product @key(fields: "upc") {
            upc: ID!
            price: Int! @override(from: "legacy"${label})
            inStock: Boolean! @shareable
          }
        `,
        resolvers: {
          Query: { cheapest: () => productByUpc('p1') },
          Product: {
            __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc),
            price: pricingPrice,
          },
        },
      },
    ],
    monolith: {
      typeDefs: graphql`
        type Query {
          products: [Product!]!
          cheapest: Product!
        }
        type Product {
          upc: ID!
          name: String!
          price: Int!
          inStock: Boolean!
        }
      `,
      resolvers: {
        Query: { products: () => PRODUCTS, cheapest: () => productByUpc('p1') },
        Product: { price: (p: Product) => (newOwnerServes ? p.price : p.price * 10) },
      },
    },
    operations: [
      { name: 'overridden field from the legacy root', query: '{ products { name price } }' },
      {
        name: 'overridden field from the new root',
        query: '{ cheapest { upc price name inStock } }',
      },
    ],
  });
}

export const overridePlain = overrideScenario('plain');
export const overridePercent100 = overrideScenario('percent-100');
export const overridePercent0 = overrideScenario('percent-0');
