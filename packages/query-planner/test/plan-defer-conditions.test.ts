import { describe, expect, it } from 'vitest';
import { createQueryPlanner, planStats, queryPlanSerializer } from '../src/index.js';
import { operations } from './harness.js';
import { orrery, plan, supergraph } from './plan-defer-fixture.js';

expect.addSnapshotSerializer(queryPlanSerializer);

describe('@defer(if:) and labels', () => {
  it('plans both cases of `if: $variable` under a Condition', () => {
    expect(plan('query Q($v: Boolean) { t { name ... @defer(if: $v, label: "L") { other } } }'))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Condition(if: $v) {
          Then {
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
                Deferred(depends: [0], path: "t", label: "L") {
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
            }
          } Else {
            Sequence {
              Fetch(service: "a") {
                {
                  t {
                    __typename
                    id
                    name
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
                      other
                    }
                  }
                },
              },
            }
          }
        },
      }
    `);
  });

  it('plans every combination of two variables, fetch names numbered across branches', () => {
    const query =
      'query Q($v: Boolean!, $w: Boolean!) { t { name ... @defer(if: $v) { other } u { ... @defer(if: $w) { deep } } } }';
    const result = plan(query);
    // Same text and operations as Apollo (checked by `plan`); the shape, briefly:
    const root = result.node;
    expect(root?.kind === 'Condition' && root.condition).toBe('v');
    expect(planStats(result)).toMatchInlineSnapshot(`
      {
        "fetches": 12,
        "fetchesBySubgraph": {
          "a": 4,
          "b": 8,
        },
        "sequentialDepth": 2,
      }
    `);
    expect(operations(result).filter((o) => o.startsWith('query Q__a__'))).toMatchInlineSnapshot(`
      [
        "query Q__a__0{t{__typename name id u{__typename id}}}",
        "query Q__a__3{t{__typename name id u{__typename id}}}",
        "query Q__a__6{t{__typename id name u{__typename id}}}",
        "query Q__a__9{t{__typename id name u{__typename id}}}",
      ]
    `);
  });

  it('plans `if: false` as if the directive were absent, `if: true` as without `if`', () => {
    expect(plan('{ t { name ... @defer(if: false) { other } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              t {
                __typename
                id
                name
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
                  other
                }
              }
            },
          },
        },
      }
    `);
    expect(plan('{ t { name ... @defer(if: true, label: "y") { other } } }'))
      .toMatchInlineSnapshot(`
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
            Deferred(depends: [0], path: "t", label: "y") {
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

  it('refuses more `if:` variables than maxFetches allows branches', () => {
    const small = createQueryPlanner(supergraph, {
      incrementalDelivery: { enableDefer: true },
      limits: { maxFetches: 4 },
    });
    const result = small.plan(
      'query ($a: Boolean!, $b: Boolean!, $c: Boolean!) { t { ... @defer(if: $a) { name } ... @defer(if: $b) { other } u { ... @defer(if: $c) { deep } } } }',
    );
    expect(result.ok ? 'planned' : result.errors.map((e) => e.code)).toEqual([
      'ERR_PLAN_TOO_MANY_FETCHES',
    ]);
  });
});

describe('@defer: fields the parent fetch selects anyway', () => {
  it('selects deferred key fields and __typename with the parent fetch', () => {
    expect(plan('{ t { ... @defer { id } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
            Fetch(service: "a") {
              {
                t {
                  id
                }
              }
            }
          }, [
            Deferred(depends: [], path: "t") {
              {
                id
              }:
            },
          ]
        },
      }
    `);
    expect(plan('{ t { ... @defer { id __typename other } } }')).toMatchInlineSnapshot(`
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
            Deferred(depends: [0], path: "t") {
              {
                __typename
                id
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

  it('plans @defer in a subscription as if absent (Apollo refuses it there)', () => {
    const result = orrery.plan('subscription { s { id ... @defer { other } } }');
    expect(result.ok && result.plan).toMatchInlineSnapshot(`
      QueryPlan {
        Subscription {
          Primary: {
            Fetch(service: "a") {
              {
                s {
                  __typename
                  id
                }
              }
            }
          },
          Rest: {
            Sequence {
              Flatten(path: "s") {
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
          }
        },
      }
    `);
  });
});
