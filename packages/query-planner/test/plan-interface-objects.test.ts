import { describe, expect, it } from 'vitest';
import { queryPlanSerializer } from '../src/index.js';
import { FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @interfaceObject');

// `Asset` is a real (entity) interface in library only; tagging and analytics see it as an
// @interfaceObject and cannot tell a Clip from a Photo.
const media = fixture([
  {
    name: 'library',
    sdl: `${H} type Query { assets: [Asset!]! }
      interface Asset @key(fields: "id") { id: ID! caption: String }
      type Photo implements Asset @key(fields: "id") { id: ID! caption: String megapixels: Float }
      type Clip implements Asset @key(fields: "id") { id: ID! caption: String seconds: Int }`,
  },
  {
    name: 'tagging',
    sdl: `${H} type Asset @key(fields: "id") @interfaceObject { id: ID! tags: [String!]! }
      type Query { recentlyTagged: [Asset!]! }`,
  },
  {
    name: 'analytics',
    sdl: `${H} type Asset @key(fields: "id") @interfaceObject { id: ID! views: Int! }`,
  },
]);

describe('type conditions under an @interfaceObject', () => {
  it('continues the fragment in the subgraph where the interface is real', () => {
    expect(media.same('{ recentlyTagged { tags caption ... on Clip { seconds } } }'))
      .toMatchInlineSnapshot(`
        QueryPlan {
          Sequence {
            Fetch(service: "tagging") {
              {
                recentlyTagged {
                  __typename
                  id
                  tags
                }
              }
            },
            Flatten(path: "recentlyTagged.@") {
              Fetch(service: "library") {
                {
                  ... on Asset {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Asset {
                    __typename
                    caption
                    ... on Clip {
                      seconds
                    }
                  }
                }
              },
            },
          },
        }
      `);
  });

  it('fetches the concrete __typename from the real interface', () => {
    expect(media.same('{ recentlyTagged { __typename tags } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "tagging") {
            {
              recentlyTagged {
                __typename
                id
                tags
              }
            }
          },
          Flatten(path: "recentlyTagged.@") {
            Fetch(service: "library") {
              {
                ... on Asset {
                  __typename
                  id
                }
              } =>
              {
                ... on Asset {
                  __typename
                }
              }
            },
          },
        },
      }
    `);
  });

  it('jumps back to an @interfaceObject from inside the fragment', () => {
    // Apollo sends every Asset to analytics; Orrery only the Clips (same fetches and depth).
    expect(media.check('{ recentlyTagged { ... on Clip { seconds views } } }'))
      .toMatchInlineSnapshot(`
        QueryPlan {
          Sequence {
            Fetch(service: "tagging") {
              {
                recentlyTagged {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "recentlyTagged.@") {
              Fetch(service: "library") {
                {
                  ... on Asset {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Asset {
                    __typename
                    ... on Clip {
                      __typename
                      id
                      seconds
                    }
                  }
                }
              },
            },
            Flatten(path: "recentlyTagged.@") {
              Fetch(service: "analytics") {
                {
                  ... on Clip {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Asset {
                    views
                  }
                }
              },
            },
          },
        }
      `);
  });

  it('splits fragments on two implementations between two @interfaceObject subgraphs', () => {
    expect(media.check('{ recentlyTagged { ... on Clip { tags } ... on Photo { views } } }'))
      .toMatchInlineSnapshot(`
        QueryPlan {
          Sequence {
            Fetch(service: "tagging") {
              {
                recentlyTagged {
                  __typename
                  id
                }
              }
            },
            Flatten(path: "recentlyTagged.@") {
              Fetch(service: "library") {
                {
                  ... on Asset {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Asset {
                    __typename
                    ... on Clip {
                      __typename
                      id
                    }
                    ... on Photo {
                      __typename
                      id
                    }
                  }
                }
              },
            },
            Parallel {
              Flatten(path: "recentlyTagged.@") {
                Fetch(service: "tagging") {
                  {
                    ... on Clip {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on Asset {
                      tags
                    }
                  }
                },
              },
              Flatten(path: "recentlyTagged.@") {
                Fetch(service: "analytics") {
                  {
                    ... on Photo {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on Asset {
                      views
                    }
                  }
                },
              },
            },
          },
        }
      `);
  });
});

describe('entering an @interfaceObject from the real interface', () => {
  /** Every `inputRewrites` list of a plan (ours or Apollo's), in plan order. */
  const inputRewrites = (plan: unknown): unknown[] => {
    const out: unknown[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n['kind'] === 'Fetch') out.push(n['inputRewrites'] ?? []);
      for (const key of ['node', 'nodes']) {
        const child = n[key];
        if (Array.isArray(child)) child.forEach(walk);
        else walk(child);
      }
    };
    walk(plan);
    return out;
  };

  it('sets the representation __typename to the interface, as Apollo does', () => {
    const query = '{ assets { id caption views } }';
    const plan = media.same(query);
    expect(plan).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "library") {
            {
              assets {
                __typename
                id
                caption
              }
            }
          },
          Flatten(path: "assets.@") {
            Fetch(service: "analytics") {
              {
                ... on Asset {
                  __typename
                  id
                }
              } =>
              {
                ... on Asset {
                  views
                }
              }
            },
          },
        },
      }
    `);
    // The objects at `assets.@` carry `Photo`/`Clip`; analytics only knows `Asset`.
    expect(inputRewrites(plan)).toEqual([
      [],
      [{ kind: 'ValueSetter', path: ['... on Asset', '__typename'], setValueTo: 'Asset' }],
    ]);
    expect(inputRewrites(plan)).toEqual(inputRewrites(media.apollo(query).plan));
  });
});
