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
    sdl: `${H} type Query { t: T ts: [T] i: I is: [I] u: Un me: T v: V }
      type Subscription { s: T }
      interface I { id: ID! name: String }
      type T implements I @key(fields: "id") { id: ID! name: String u: U }
      type T2 implements I @key(fields: "id") { id: ID! name: String }
      union Un = T | T2
      type V { n: Int t: T }
      type U @key(fields: "id") { id: ID! }`,
  },
  {
    name: 'b',
    sdl: `${H} type Query { b: U }
      type T @key(fields: "id") { id: ID! other: Int }
      type T2 @key(fields: "id") { id: ID! other: Int }
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

describe('@defer on root fields', () => {
  it('fetches deferred root fields by a root fetch of the chunk, merged at the root', () => {
    expect(plan('{ t { id } ... @defer { b { deep } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              t {
                id
              }
            }:
            Fetch(service: "a") {
              {
                t {
                  id
                }
              }
            }
          }, [
            Deferred(depends: [], path: "") {
              {
                b {
                  deep
                }
              }:
              Flatten(path: "") {
                Fetch(service: "b") {
                  {
                    ... on Query {
                      b {
                        deep
                      }
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

  it('leaves the primary part empty when every root field is deferred', () => {
    expect(plan('{ ... @defer { t { name } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
          }, [
            Deferred(depends: [], path: "") {
              {
                t {
                  name
                }
              }:
              Flatten(path: "") {
                Fetch(service: "a") {
                  {
                    ... on Query {
                      t {
                        name
                      }
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

  it('does not make a deferred root fetch wait for the primary fetch of the same subgraph', () => {
    // Apollo's chunk depends on the primary fetch to "a" (`depends: [0]`) though it reads nothing
    // from it, which makes its plan one fetch deeper; otherwise the plans are the same.
    expect(
      plan('query Q($x: Boolean!) { t { id } ... @defer { me { name @include(if: $x) } } }', false),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              t {
                id
              }
            }:
            Fetch(service: "a") {
              {
                t {
                  id
                }
              }
            }
          }, [
            Deferred(depends: [], path: "") {
              {
                me {
                  name @include(if: $x)
                }
              }:
              Flatten(path: "") {
                Fetch(service: "a") {
                  {
                    ... on Query {
                      me {
                        name @include(if: $x)
                      }
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

  it('puts a deferred root fragment under its @skip without a fetch of its own', () => {
    // Apollo also sends a `{...{__typename}}` fetch under the same Skip in the primary part.
    expect(plan('query ($x: Boolean!) { ... @defer @skip(if: $x) { t { name } } }', false))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
          }, [
            Deferred(depends: [], path: "") {
              {
                ... @skip(if: $x) {
                  t {
                    name
                  }
                }
              }:
              Skip(if: $x) {
                Flatten(path: "") {
                  Fetch(service: "a") {
                    {
                      ... on Query {
                        t {
                          name
                        }
                      }
                    }
                  },
                }
              }
            },
          ]
        },
      }
    `);
  });
});

describe('@defer inside abstract types', () => {
  it('defers a type condition on an entity: its key in the primary fetch, under the condition', () => {
    expect(plan('{ i { id ... on T @defer { other } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              i {
                id
              }
            }:
            Fetch(service: "a", id: 0) {
              {
                i {
                  __typename
                  id
                  ... on T {
                    __typename
                    id
                  }
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "i") {
              {
                ... on T {
                  other
                }
              }:
              Flatten(path: "i") {
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

  it('names the client type condition above the deferred fragment in the path', () => {
    expect(plan('{ is { ... on T { id ... @defer { other } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              is {
                ... on T {
                  id
                }
              }
            }:
            Fetch(service: "a", id: 0) {
              {
                is {
                  __typename
                  ... on T {
                    __typename
                    id
                  }
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "is/... on T") {
              {
                other
              }:
              Flatten(path: "is.@") {
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

  it('selects deferred fields of a keyless interface in the parent fetch (a chunk without fetch)', () => {
    expect(plan('{ i { id ... @defer { name } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              i {
                id
              }
            }:
            Fetch(service: "a") {
              {
                i {
                  __typename
                  id
                  name
                }
              }
            }
          }, [
            Deferred(depends: [], path: "i") {
              {
                name
              }:
            },
          ]
        },
      }
    `);
  });

  it('starts the chunk at the first entity a type condition inside the deferred fragment reaches', () => {
    expect(plan('{ i { ... @defer { ... on T { name } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
            Fetch(service: "a", id: 0) {
              {
                i {
                  __typename
                  ... on T {
                    __typename
                    id
                  }
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "i") {
              {
                ... on T {
                  name
                }
              }:
              Flatten(path: "i") {
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
              }
            },
          ]
        },
      }
    `);
  });

  it('defers an entity of a union, local fields included, with @include kept', () => {
    // Apollo writes the chunk's two parallel fetches in the other order.
    expect(
      plan(
        'query ($x: Boolean!) { u { ... on T @defer @include(if: $x) { name other } ... on T2 { id } } }',
        false,
      ),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              u {
                ... on T2 {
                  id
                }
              }
            }:
            Fetch(service: "a", id: 0) {
              {
                u {
                  __typename
                  ... on T @include(if: $x) {
                    __typename
                    id
                  }
                  ... on T2 {
                    id
                  }
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "u") {
              {
                ... on T @include(if: $x) {
                  name
                  other
                }
              }:
              Parallel {
                Include(if: $x) {
                  Flatten(path: "u") {
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
                  }
                },
                Include(if: $x) {
                  Flatten(path: "u") {
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
              }
            },
          ]
        },
      }
    `);
  });

  it('selects deferred fields of a value type in place, and defers through its entity fields', () => {
    expect(plan('{ v { n ... @defer { t { name } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            {
              v {
                n
              }
            }:
            Fetch(service: "a") {
              {
                v {
                  n
                  t {
                    name
                  }
                }
              }
            }
          }, [
            Deferred(depends: [], path: "v") {
              {
                t {
                  name
                }
              }:
            },
          ]
        },
      }
    `);
    expect(plan('{ v { ... @defer { t { other } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Defer {
          Primary {
            :
            Fetch(service: "a", id: 0) {
              {
                v {
                  t {
                    __typename
                    id
                  }
                }
              }
            }
          }, [
            Deferred(depends: [0], path: "v") {
              {
                t {
                  other
                }
              }:
              Flatten(path: "v.t") {
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
});

describe('nested @defer', () => {
  it('nests a Defer node in the chunk, the inner chunk waiting on the outer fetch', () => {
    expect(plan('{ t { ... @defer { u { ... @defer { deep } } } } }')).toMatchInlineSnapshot(`
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
              Defer {
                Primary {
                  :
                  Flatten(path: "t") {
                    Fetch(service: "a", id: 1) {
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
                  }
                }, [
                  Deferred(depends: [1], path: "t/u") {
                    {
                      deep
                    }:
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
                            deep
                          }
                        }
                      },
                    }
                  },
                ]
              }
            },
          ]
        },
      }
    `);
  });

  it('lets an inner chunk at the same place wait on the primary fetch', () => {
    expect(plan('{ t { ... @defer(label: "o") { name ... @defer(label: "i") { other } } } }'))
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
            Deferred(depends: [0], path: "t", label: "o") {
              Defer {
                Primary {
                  {
                    name
                  }:
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
                  }
                }, [
                  Deferred(depends: [0], path: "t", label: "i") {
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
            },
          ]
        },
      }
    `);
  });

  it('keeps the outer chunk parallel next to the key fetch the inner chunk needs', () => {
    // Apollo writes the outer chunk's two parallel fetches in the other order.
    expect(
      plan(
        '{ t { name ... @defer(label: "outer") { other u { id ... @defer(label: "inner") { deep } } } } }',
        false,
      ),
    ).toMatchInlineSnapshot(`
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
            Deferred(depends: [0], path: "t", label: "outer") {
              Defer {
                Primary {
                  {
                    other
                    u {
                      id
                    }
                  }:
                  Parallel {
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
                    Flatten(path: "t") {
                      Fetch(service: "a", id: 1) {
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
                  }
                }, [
                  Deferred(depends: [1], path: "t/u", label: "inner") {
                    {
                      deep
                    }:
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
                            deep
                          }
                        }
                      },
                    }
                  },
                ]
              }
            },
          ]
        },
      }
    `);
  });
});

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
