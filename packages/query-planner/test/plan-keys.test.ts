import { describe, expect, it } from 'vitest';
import { queryPlanSerializer } from '../src/index.js';
import { FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable @external @provides @requires');

// carts knows items by `sku` only; pricing by `gtin` only; catalog maps one to the other.
const shop = fixture([
  {
    name: 'catalog',
    sdl: `${H} type Query { item(sku: String!): Item }
      type Item @key(fields: "sku") @key(fields: "gtin") {
        sku: String! gtin: String! title: String! @shareable category: String massGrams: Int
      }`,
  },
  {
    name: 'pricing',
    sdl: `${H} type Item @key(fields: "gtin") {
        gtin: String! massGrams: Int @external listPrice: Int
        shippingCost: Int @requires(fields: "massGrams")
      }`,
  },
  {
    name: 'carts',
    sdl: `${H} type Query { cart(id: ID!): Cart }
      type Cart { id: ID! lines: [CartLine!]! }
      type CartLine { qty: Int! item: Item! @provides(fields: "title") }
      type Item @key(fields: "sku") { sku: String! title: String! @external }`,
  },
]);

describe('keys the current subgraph cannot select (multi-step key resolution)', () => {
  it('fetches the key from a subgraph that has it, then jumps', () => {
    expect(
      shop.same('query Prices($id: ID!) { cart(id: $id) { lines { item { title listPrice } } } }'),
    ).toMatchInlineSnapshot(`
        QueryPlan {
          Sequence {
            Fetch(service: "carts") {
              {
                cart(id: $id) {
                  lines {
                    item {
                      __typename
                      sku
                      title
                    }
                  }
                }
              }
            },
            Flatten(path: "cart.lines.@.item") {
              Fetch(service: "catalog") {
                {
                  ... on Item {
                    __typename
                    sku
                  }
                } =>
                {
                  ... on Item {
                    gtin
                  }
                }
              },
            },
            Flatten(path: "cart.lines.@.item") {
              Fetch(service: "pricing") {
                {
                  ... on Item {
                    __typename
                    gtin
                  }
                } =>
                {
                  ... on Item {
                    listPrice
                  }
                }
              },
            },
          },
        }
      `);
  });

  it('puts the key first in the intermediate fetch, with client fields of that subgraph', () => {
    expect(shop.same('{ cart(id: 1) { lines { item { category listPrice } } } }'))
      .toMatchInlineSnapshot(`
        QueryPlan {
          Sequence {
            Fetch(service: "carts") {
              {
                cart(id: 1) {
                  lines {
                    item {
                      __typename
                      sku
                    }
                  }
                }
              }
            },
            Flatten(path: "cart.lines.@.item") {
              Fetch(service: "catalog") {
                {
                  ... on Item {
                    __typename
                    sku
                  }
                } =>
                {
                  ... on Item {
                    gtin
                    category
                  }
                }
              },
            },
            Flatten(path: "cart.lines.@.item") {
              Fetch(service: "pricing") {
                {
                  ... on Item {
                    __typename
                    gtin
                  }
                } =>
                {
                  ... on Item {
                    listPrice
                  }
                }
              },
            },
          },
        }
      `);
  });

  it('fetches the key and the @requires fields together', () => {
    expect(shop.same('{ cart(id: 1) { lines { item { shippingCost } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "carts") {
            {
              cart(id: 1) {
                lines {
                  item {
                    __typename
                    sku
                  }
                }
              }
            }
          },
          Flatten(path: "cart.lines.@.item") {
            Fetch(service: "catalog") {
              {
                ... on Item {
                  __typename
                  sku
                }
              } =>
              {
                ... on Item {
                  gtin
                  massGrams
                }
              }
            },
          },
          Flatten(path: "cart.lines.@.item") {
            Fetch(service: "pricing") {
              {
                ... on Item {
                  __typename
                  gtin
                  massGrams
                }
              } =>
              {
                ... on Item {
                  shippingCost
                }
              }
            },
          },
        },
      }
    `);
  });
});
