import { describe, expect, it } from 'vitest';
import { planStats, queryPlanSerializer } from '../src/index.js';
import { FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @external @requires');

// `total` needs `price` (pricing) and `weight` (shipping): its fetch waits on two branches.
const shop = fixture([
  {
    name: 'catalog',
    sdl: `${H} type Query { items: [Item] other: Other }
      type Item @key(fields: "id") { id: ID! }
      type Other @key(fields: "id") { id: ID! }`,
  },
  { name: 'pricing', sdl: `${H} type Item @key(fields: "id") { id: ID! price: Int }` },
  {
    name: 'shipping',
    sdl: `${H} type Item @key(fields: "id") { id: ID! weight: Int }
      type Other @key(fields: "id") { id: ID! slow: Slow }
      type Slow @key(fields: "id") { id: ID! }`,
  },
  {
    name: 'billing',
    sdl: `${H} type Item @key(fields: "id") {
        id: ID! price: Int @external weight: Int @external
        total: Int @requires(fields: "price weight")
      }
      type Slow @key(fields: "id") { id: ID! deep: Int }`,
  },
]);

describe('fetches that wait on several branches', () => {
  it('is no deeper than Apollo when a @requires reads two subgraphs', () => {
    const plan = shop.check('{ items { total } }');
    expect(planStats(plan).sequentialDepth).toBe(3);
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "catalog") {
            {
              items {
                __typename
                id
              }
            }
          },
          Parallel {
            Flatten(path: "items.@") {
              Fetch(service: "pricing") {
                {
                  ... on Item {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Item {
                    price
                  }
                }
              },
            },
            Flatten(path: "items.@") {
              Fetch(service: "shipping") {
                {
                  ... on Item {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Item {
                    weight
                  }
                }
              },
            },
          },
          Flatten(path: "items.@") {
            Fetch(service: "billing") {
              {
                ... on Item {
                  __typename
                  id
                  price
                  weight
                }
              } =>
              {
                ... on Item {
                  total
                }
              }
            },
          },
        },
      }
    `);
  });

  it('is no deeper than Apollo when an unrelated branch is deeper', () => {
    const plan = shop.check('{ items { total } other { slow { deep } } }');
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "catalog") {
            {
              items {
                __typename
                id
              }
              other {
                __typename
                id
              }
            }
          },
          Parallel {
            Flatten(path: "items.@") {
              Fetch(service: "pricing") {
                {
                  ... on Item {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Item {
                    price
                  }
                }
              },
            },
            Flatten(path: "items.@") {
              Fetch(service: "shipping") {
                {
                  ... on Item {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Item {
                    weight
                  }
                }
              },
            },
            Sequence {
              Flatten(path: "other") {
                Fetch(service: "shipping") {
                  {
                    ... on Other {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on Other {
                      slow {
                        __typename
                        id
                      }
                    }
                  }
                },
              },
              Flatten(path: "other.slow") {
                Fetch(service: "billing") {
                  {
                    ... on Slow {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on Slow {
                      deep
                    }
                  }
                },
              },
            },
          },
          Flatten(path: "items.@") {
            Fetch(service: "billing") {
              {
                ... on Item {
                  __typename
                  id
                  price
                  weight
                }
              } =>
              {
                ... on Item {
                  total
                }
              }
            },
          },
        },
      }
    `);
  });
});
