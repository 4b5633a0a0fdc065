import { describe, expect, it } from 'vitest';
import { queryPlanSerializer } from '../src/index.js';
import { plan } from './plan-defer-fixture.js';

expect.addSnapshotSerializer(queryPlanSerializer);

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
