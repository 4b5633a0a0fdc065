import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  createQueryPlanner,
  planStats,
  printQueryPlan,
  type QueryPlan,
  queryPlanSerializer,
} from '../src/index.js';
import { compose, FED, operations } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable');

const supergraph = compose([
  {
    name: 'a',
    sdl: `${H} type Query { t: T ts: [T] }
      type T @key(fields: "id") { id: ID! name: String u: U }
      type U @key(fields: "id") { id: ID! }`,
  },
  {
    name: 'b',
    sdl: `${H} type T @key(fields: "id") { id: ID! other: Int }
      type U @key(fields: "id") { id: ID! deep: String }`,
  },
]);
const orrery = createQueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } });
const apolloSupergraph = Supergraph.build(supergraph, { supportedFeatures: null });
const apollo = new QueryPlanner(apolloSupergraph, { incrementalDelivery: { enableDefer: true } });

/** Orrery's plan with defer on, checked against Apollo's (same text, or no worse when `same` is off). */
function plan(query: string, same = true): QueryPlan {
  const result = orrery.plan(query);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const theirs = apollo.buildQueryPlan(
    operationFromDocument(apolloSupergraph.apiSchema(), parse(query)),
  );
  if (same) {
    expect(printQueryPlan(result.plan)).toBe(prettyFormatQueryPlan(theirs));
    expect(operations(result.plan)).toEqual(operations(theirs));
    expect(JSON.parse(JSON.stringify(result.plan))).toEqual(
      JSON.parse(
        JSON.stringify(theirs, (k, v: unknown) => (k === 'operationDocumentNode' ? undefined : v)),
      ),
    );
  } else {
    const ours = planStats(result.plan);
    const stats = planStats(theirs as unknown as QueryPlan);
    expect(ours.fetches).toBeLessThanOrEqual(stats.fetches);
    expect(ours.sequentialDepth).toBeLessThanOrEqual(stats.sequentialDepth);
  }
  return result.plan;
}

describe('@defer with incrementalDelivery.enableDefer', () => {
  it('defers a field of another subgraph after the fetch that gives the key', () => {
    expect(plan('{ t { name ... @defer { other } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              t {
                name
              }
            }:
            Fetch(service: "a", id: 0) {
              {
                t {
                  __typename
                  name
                  id
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "t") {
              {
                other
              }:
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
                      other
                    }
                  }
                },
              }
            },
          ]
        },
      }
    `);
  });

  it('fetches deferred fields of the current subgraph by a fetch of their own, with a label', () => {
    // Apollo's text differs only in the order of the two parallel fetches of the chunk.
    expect(plan('query Q { t { ... @defer(label: "x") { name other } } }', false))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
            Fetch(service: "a", id: 0) {
              {
                t {
                  __typename
                  id
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "t", label: "x") {
              {
                name
                other
              }:
              Parallel {
                Flatten(path: "t") {
                  Fetch(service: "a") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        name
                      }
                    }
                  },
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
                        other
                      }
                    }
                  },
                },
              }
            },
          ]
        },
      }
    `);
  });

  it('continues below a deferred field in the chunk', () => {
    expect(plan('{ ts { id ... @defer { u { deep } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              ts {
                id
              }
            }:
            Fetch(service: "a", id: 0) {
              {
                ts {
                  __typename
                  id
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "ts") {
              {
                u {
                  deep
                }
              }:
              Sequence {
                Flatten(path: "ts.@") {
                  Fetch(service: "a") {
                    {
                      ... on T {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on T {
                        u {
                          __typename
                          id
                        }
                      }
                    }
                  },
                },
                Flatten(path: "ts.@.u") {
                  Fetch(service: "b") {
                    {
                      ... on U {
                        __typename
                        id
                      }
                    } =>
                    {
                      ... on U {
                        deep
                      }
                    }
                  },
                },
              }
            },
          ]
        },
      }
    `);
  });

  it('plans @defer as if absent when the option is off (the default)', () => {
    const off = createQueryPlanner(supergraph).plan('{ t { id ... @defer { name } } }');
    expect(off.ok && off.plan).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "a") {
          {
            t {
              id
              name
            }
          }
        },
      }
    `);
  });
});
