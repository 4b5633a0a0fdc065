import { describe, expect, it } from 'vitest';
import { createQueryPlanner, queryPlanSerializer } from '../src/index.js';
import { compose, FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable @external @provides @requires @override @interfaceObject');

const catalog = fixture([
  {
    name: 'products',
    sdl: `${H} type Query { topProducts: [Product] }
      interface Product { upc: String! price: Int }
      type Book implements Product @key(fields: "isbn") @key(fields: "upc") {
        upc: String! isbn: String! price: Int weight: Int
      }
      type Furniture implements Product @key(fields: "upc") { upc: String! price: Int weight: Int }`,
  },
  {
    name: 'reviews',
    sdl: `${H} type Book @key(fields: "isbn") { isbn: String! reviews: [String] }
      type Furniture @key(fields: "upc") { upc: String! reviews: [String] }`,
  },
  {
    name: 'shipping',
    sdl: `${H} type Book @key(fields: "upc") { upc: String! weight: Int @external ship: Int @requires(fields: "weight") }
      type Furniture @key(fields: "upc") { upc: String! weight: Int @external ship: Int @requires(fields: "weight") }`,
  },
]);

describe('interfaces, keys and @requires', () => {
  it('keeps interface fields on the interface and expands only where needed', () => {
    expect(
      catalog.same(
        '{ topProducts { price ... on Book { reviews } ... on Furniture { reviews } } }',
      ),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts {
                __typename
                price
                ... on Book {
                  __typename
                  isbn
                }
                ... on Furniture {
                  __typename
                  upc
                }
              }
            }
          },
          Flatten(path: "topProducts.@") {
            Fetch(service: "reviews") {
              {
                ... on Book {
                  __typename
                  isbn
                }
                ... on Furniture {
                  __typename
                  upc
                }
              } =>
              {
                ... on Book {
                  reviews
                }
                ... on Furniture {
                  reviews
                }
              }
            },
          },
        },
      }
    `);
  });

  it('fetches @requires fields first and sends them in the representations', () => {
    expect(catalog.same('query Q { topProducts { ... on Book { ship } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts {
                __typename
                ... on Book {
                  __typename
                  upc
                  weight
                }
              }
            }
          },
          Flatten(path: "topProducts.@") {
            Fetch(service: "shipping") {
              {
                ... on Book {
                  __typename
                  upc
                  weight
                }
              } =>
              {
                ... on Book {
                  ship
                }
              }
            },
          },
        },
      }
    `);
  });

  it('uses the key each target accepts, in parallel fetches', () => {
    expect(catalog.check('query Q { topProducts { ... on Book { ship reviews } } }'))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts {
                __typename
                ... on Book {
                  __typename
                  upc
                  weight
                  isbn
                }
              }
            }
          },
          Parallel {
            Flatten(path: "topProducts.@") {
              Fetch(service: "shipping") {
                {
                  ... on Book {
                    __typename
                    upc
                    weight
                  }
                } =>
                {
                  ... on Book {
                    ship
                  }
                }
              },
            },
            Flatten(path: "topProducts.@") {
              Fetch(service: "reviews") {
                {
                  ... on Book {
                    __typename
                    isbn
                  }
                } =>
                {
                  ... on Book {
                    reviews
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

const media = fixture([
  {
    name: 'a',
    sdl: `${H} type Query { media: [Media] }
      interface Media @key(fields: "id") { id: ID! title: String }
      type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int }
      type Movie implements Media @key(fields: "id") { id: ID! title: String length: Int }`,
  },
  {
    name: 'b',
    sdl: `${H} type Media @key(fields: "id") @interfaceObject { id: ID! rating: Int }
      type Query { topRated: [Media] }`,
  },
  {
    name: 'c',
    sdl: `${H} type Query { me: U @shareable }
      type U @key(fields: "id") { id: ID! n: Int @override(from: "d", label: "percent(5)") m: Int @shareable }`,
  },
  {
    name: 'd',
    sdl: `${H} type Query { me: U @shareable }
      type U @key(fields: "id") { id: ID! n: Int x: Int m: Int @shareable }`,
  },
]);

describe('entity interfaces and @interfaceObject', () => {
  it('jumps into an @interfaceObject at the interface level', () => {
    expect(media.same('{ media { title rating ... on Book { pages } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "a") {
            {
              media {
                __typename
                id
                title
                ... on Book {
                  pages
                }
              }
            }
          },
          Flatten(path: "media.@") {
            Fetch(service: "b") {
              {
                ... on Media {
                  __typename
                  id
                }
              } =>
              {
                ... on Media {
                  rating
                }
              }
            },
          },
        },
      }
    `);
  });

  it('asks the real interface for __typename when leaving an @interfaceObject', () => {
    expect(media.same('{ topRated { title } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "b") {
            {
              topRated {
                __typename
                id
              }
            }
          },
          Flatten(path: "topRated.@") {
            Fetch(service: "a") {
              {
                ... on Media {
                  __typename
                  id
                }
              } =>
              {
                ... on Media {
                  __typename
                  title
                }
              }
            },
          },
        },
      }
    `);
  });
});

describe('progressive @override and shareable root fields', () => {
  it('serves a labelled field from the original subgraph while the label is off', () => {
    expect(media.same('{ me { n m } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "d") {
          {
            me {
              n
              m
            }
          }
        },
      }
    `);
  });

  it('serves it from the overriding subgraph when the label is on', () => {
    expect(media.same('{ me { n m } }', { overrideLabels: ['percent(5)'] })).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "c") {
          {
            me {
              n
              m
            }
          }
        },
      }
    `);
  });

  it('splits a shareable root field across subgraphs rather than chaining a fetch', () => {
    expect(media.same('{ me { n x } }', { overrideLabels: ['percent(5)'] })).toMatchInlineSnapshot(`
      QueryPlan {
        Parallel {
          Fetch(service: "c") {
            {
              me {
                n
              }
            }
          },
          Fetch(service: "d") {
            {
              me {
                x
              }
            }
          },
        },
      }
    `);
  });
});

describe('subscriptions', () => {
  const live = fixture([
    {
      name: 'scores',
      sdl: `${H} type Query { ping: Int } type Subscription { scoreChanged: Game }
        type Game @key(fields: "id") { id: ID! score: Int }`,
    },
    { name: 'games', sdl: `${H} type Game @key(fields: "id") { id: ID! name: String }` },
  ]);
  it('plans the primary subscription fetch and the per-event rest', () => {
    expect(live.same('subscription S { scoreChanged { score name } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Subscription {
          Primary: {
            Fetch(service: "scores") {
              {
                scoreChanged {
                  __typename
                  id
                  score
                }
              }
            }
          },
          Rest: {
            Sequence {
              Flatten(path: "scoreChanged") {
                Fetch(service: "games") {
                  {
                    ... on Game {
                      __typename
                      id
                    }
                  } =>
                  {
                    ... on Game {
                      name
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

describe('rejections and limits', () => {
  const supergraph = compose([
    {
      name: 'a',
      sdl: `${H} type Query { t: T } type T @key(fields: "id") { id: ID! next: T name: String }`,
    },
    { name: 'b', sdl: `${H} type T @key(fields: "id") { id: ID! other: Int }` },
  ]);
  const planner = createQueryPlanner(supergraph);

  it('rejects an operation invalid against the API schema with ERR_PLAN_INVALID_OPERATION', () => {
    const result = planner.plan('{ t { nope } }');
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'ERR_PLAN_INVALID_OPERATION',
          message: 'Cannot query field "nope" on type "T". Did you mean "name"?',
          locations: [{ line: 1, column: 7 }],
        },
      ],
    });
  });

  it('rejects an unknown operation name and unparsable documents', () => {
    expect(planner.plan('{ t { id } }', { operationName: 'X' })).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_INVALID_OPERATION', message: 'Unknown operation named "X".' }],
    });
    expect(planner.plan('{ t {')).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_INVALID_OPERATION' }],
    });
  });

  it('rejects an unreadable supergraph', () => {
    expect(() => createQueryPlanner('type Query { a: Int }')).toThrow(
      /ERR_PLAN_INVALID_SUPERGRAPH/,
    );
  });

  it('limits the fetch count (ERR_PLAN_TOO_MANY_FETCHES)', () => {
    const small = createQueryPlanner(supergraph, { limits: { maxFetches: 2 } });
    expect(small.plan('{ t { other next { other next { other } } } }')).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_TOO_MANY_FETCHES' }],
    });
    expect(small.plan('{ t { other } }').ok).toBe(true);
  });

  it('limits selection depth and fragment expansion (ERR_PLAN_SELECTION_TOO_DEEP)', () => {
    const shallow = createQueryPlanner(supergraph, { limits: { maxSelectionDepth: 3 } });
    expect(shallow.plan('{ t { next { next { name } } } }')).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_SELECTION_TOO_DEEP' }],
    });
    const few = createQueryPlanner(supergraph, { limits: { maxSelections: 10 } });
    const bomb = `{ t { ...A } }
      fragment A on T { next { ...B } name } fragment B on T { next { ...C } ...C }
      fragment C on T { id name other }`;
    expect(few.plan(bomb)).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_SELECTION_TOO_DEEP' }],
    });
  });

  it('limits type conditions created by expansion (ERR_PLAN_TOO_MANY_TYPE_CONDITIONS)', () => {
    const query = '{ topProducts { ... on Book { reviews } ... on Furniture { reviews } } }';
    const two = createQueryPlanner(catalog.supergraph, { limits: { maxTypeConditions: 2 } });
    expect(two.plan(query).ok).toBe(true);
    const one = createQueryPlanner(catalog.supergraph, { limits: { maxTypeConditions: 1 } });
    expect(one.plan(query)).toMatchObject({
      ok: false,
      errors: [{ code: 'ERR_PLAN_TOO_MANY_TYPE_CONDITIONS' }],
    });
  });
});
