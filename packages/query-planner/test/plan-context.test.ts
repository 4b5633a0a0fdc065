import { describe, expect, it } from 'vitest';
import {
  type FetchNode,
  type PlanNode,
  type QueryPlan,
  queryPlanSerializer,
} from '../src/index.js';
import { FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable @external @context @fromContext');

/** The rewrites of every fetch that has some (the printed plan never shows them). */
function contextRewrites(plan: QueryPlan): unknown[] {
  const out: unknown[] = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') {
      const fetch: FetchNode = node;
      if (fetch.contextRewrites)
        out.push({ variables: fetch.variableUsages, rewrites: fetch.contextRewrites });
    } else if (node.kind === 'Flatten') walk(node.node);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(walk);
  };
  walk(plan.node?.kind === 'Subscription' ? undefined : plan.node);
  return out;
}

// join__Graph lists subgraphs by name: `a`'s context variables are `contextualArgument_1_<i>`.
const shop = fixture([
  {
    name: 'b',
    sdl: `${H} type Query { ping: Int } type U @key(fields: "id") { id: ID! other: Int }`,
  },
  {
    name: 'a',
    sdl: `${H} type Query { t: T! ts: [T!]! }
      type T @key(fields: "id") @context(name: "ctx") {
        id: ID! prop: String! u: U! us: [U!]! w: W
      }
      type W { u: U! }
      type U @key(fields: "id") {
        id: ID!
        f1(x: Int, a: String @fromContext(field: "$ctx { prop }")): Int!
        f2(b: ID @fromContext(field: "$ctx { id }")): Int!
      }`,
  },
]);

describe('@fromContext', () => {
  it('passes the context value as a variable read through contextRewrites', () => {
    // Apollo's text differs only in the order of the two parallel fetches.
    const plan = shop.check('query Q { t { u { other f1(x: 1) } } }');
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              t {
                __typename
                prop
                u {
                  __typename
                  id
                }
              }
            }
          },
          Parallel {
            Flatten(path: "t.u") {
              Fetch(service: "b") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    other
                  }
                }
              },
            },
            Flatten(path: "t.u") {
              Fetch(service: "a") {
                {
                  ... on U {
                    __typename
                    id
                  }
                } =>
                {
                  ... on U {
                    f1(x: 1, a: $contextualArgument_1_0)
                  }
                }
              },
            },
          },
        },
      }
    `);
    expect(contextRewrites(plan)).toMatchInlineSnapshot(`
      [
        {
          "rewrites": [
            {
              "kind": "KeyRenamer",
              "path": [
                "..",
                "... on T",
                "prop",
              ],
              "renameKeyTo": "contextualArgument_1_0",
            },
          ],
          "variables": [
            "contextualArgument_1_0",
          ],
        },
      ]
    `);
  });

  it('counts field levels, not list levels, up to the setter; variables in schema order', () => {
    const plan = shop.same('{ ts { w { u { f2 f1 } } } }');
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              ts {
                __typename
                id
                prop
                w {
                  u {
                    __typename
                    id
                  }
                }
              }
            }
          },
          Flatten(path: "ts.@.w.u") {
            Fetch(service: "a") {
              {
                ... on U {
                  __typename
                  id
                }
              } =>
              {
                ... on U {
                  f2(b: $contextualArgument_1_1)
                  f1(a: $contextualArgument_1_0)
                }
              }
            },
          },
        },
      }
    `);
    expect(contextRewrites(plan)).toMatchInlineSnapshot(`
      [
        {
          "rewrites": [
            {
              "kind": "KeyRenamer",
              "path": [
                "..",
                "..",
                "... on T",
                "prop",
              ],
              "renameKeyTo": "contextualArgument_1_0",
            },
            {
              "kind": "KeyRenamer",
              "path": [
                "..",
                "..",
                "... on T",
                "id",
              ],
              "renameKeyTo": "contextualArgument_1_1",
            },
          ],
          "variables": [
            "contextualArgument_1_1",
            "contextualArgument_1_0",
          ],
        },
      ]
    `);
  });

  it('fetches a context value the setter subgraph lacks before the contextual fetch', () => {
    const split = fixture([
      {
        name: 'a',
        sdl: `${H} type Query { t: T! }
          type T @key(fields: "id") @context(name: "ctx") { id: ID! u: U! prop: String! @external }
          type U @key(fields: "id") { id: ID! field(a: String @fromContext(field: "$ctx { prop }")): Int! }`,
      },
      { name: 'b', sdl: `${H} type T @key(fields: "id") { id: ID! prop: String! @shareable }` },
    ]);
    expect(split.same('{ t { u { field } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              t {
                __typename
                id
                u {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "t") {
            Fetch(service: "b") {
              {
                ... on T {
                  __typename
                  id
                }
              } =>
              {
                ... on T {
                  prop
                }
              }
            },
          },
          Flatten(path: "t.u") {
            Fetch(service: "a") {
              {
                ... on U {
                  __typename
                  id
                }
              } =>
              {
                ... on U {
                  field(a: $contextualArgument_1_0)
                }
              }
            },
          },
        },
      }
    `);
  });
});
