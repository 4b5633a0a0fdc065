import { describe, expect, it } from 'vitest';
import { createQueryPlanner, queryPlanSerializer } from '../src/index.js';
import { plan, supergraph } from './plan-defer-fixture.js';

expect.addSnapshotSerializer(queryPlanSerializer);

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
