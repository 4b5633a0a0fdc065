import { describe, expect, it } from 'vitest';
import { queryPlanSerializer } from '../src/index.js';
import { FED, fixture } from './harness.js';

expect.addSnapshotSerializer(queryPlanSerializer);

const H = FED('@key @shareable @external @provides @requires');

// The products / reviews / accounts graph of the reference (section 3.4).
const shop = fixture([
  {
    name: 'accounts',
    sdl: `${H} type Query { me: User }
      type Mutation { login(name: String): User logout: Boolean }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
  },
  {
    name: 'products',
    sdl: `${H} type Query { topProducts(first: Int = 5): [Product] node: Node }
      type Mutation { buy(upc: String): Product }
      interface Node { id: ID! }
      type Book implements Node @key(fields: "id") { id: ID! title: String }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  },
  {
    name: 'reviews',
    sdl: `${H} type Book @key(fields: "id") { id: ID! rating: Int }
      type Review @key(fields: "id") {
        id: ID! body: String author: User @provides(fields: "username") product: Product
      }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
  },
]);

describe('root fields and entity fetches', () => {
  it('runs independent root fields in parallel and chains entity fetches', () => {
    expect(
      shop.same(`query TopReviews($n: Int) {
        me { name a: username }
        topProducts(first: $n) { name reviews { body author { username name } } }
      }`),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Parallel {
          Fetch(service: "accounts") {
            {
              me {
                name
                a: username
              }
            }
          },
          Sequence {
            Fetch(service: "products") {
              {
                topProducts(first: $n) {
                  __typename
                  upc
                  name
                }
              }
            },
            Flatten(path: "topProducts.@") {
              Fetch(service: "reviews") {
                {
                  ... on Product {
                    __typename
                    upc
                  }
                } =>
                {
                  ... on Product {
                    reviews {
                      body
                      author {
                        __typename
                        id
                        username
                      }
                    }
                  }
                }
              },
            },
            Flatten(path: "topProducts.@.reviews.@.author") {
              Fetch(service: "accounts") {
                {
                  ... on User {
                    __typename
                    id
                  }
                } =>
                {
                  ... on User {
                    name
                  }
                }
              },
            },
          },
        },
      }
    `);
  });

  it('answers a @provides field without another fetch', () => {
    expect(shop.same('{ topProducts { reviews { author { username } } } }')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts {
                __typename
                upc
              }
            }
          },
          Flatten(path: "topProducts.@") {
            Fetch(service: "reviews") {
              {
                ... on Product {
                  __typename
                  upc
                }
              } =>
              {
                ... on Product {
                  reviews {
                    author {
                      username
                    }
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('asks root types for no __typename, and anonymous operations give anonymous fetches', () => {
    expect(shop.same('{ __typename topProducts { reviews { author { name } } } }'))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts {
                __typename
                upc
              }
            }
          },
          Flatten(path: "topProducts.@") {
            Fetch(service: "reviews") {
              {
                ... on Product {
                  __typename
                  upc
                }
              } =>
              {
                ... on Product {
                  reviews {
                    author {
                      __typename
                      id
                    }
                  }
                }
              }
            },
          },
          Flatten(path: "topProducts.@.reviews.@.author") {
            Fetch(service: "accounts") {
              {
                ... on User {
                  __typename
                  id
                }
              } =>
              {
                ... on User {
                  name
                }
              }
            },
          },
        },
      }
    `);
  });

  it('plans an operation with only __typename as no fetch at all', () => {
    expect(shop.plan('{ __typename }')).toEqual({ kind: 'QueryPlan' });
  });

  it('runs mutation fields in order, entity fetches between them', () => {
    expect(
      shop.same(
        'mutation M { a: login(name: "x") { name } buy(upc: "1") { name reviews { body } } logout }',
      ),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "accounts") {
            {
              a: login(name: "x") {
                name
              }
            }
          },
          Fetch(service: "products") {
            {
              buy(upc: "1") {
                __typename
                upc
                name
              }
            }
          },
          Flatten(path: "buy") {
            Fetch(service: "reviews") {
              {
                ... on Product {
                  __typename
                  upc
                }
              } =>
              {
                ... on Product {
                  reviews {
                    body
                  }
                }
              }
            },
          },
          Fetch(service: "accounts") {
            {
              logout
            }
          },
        },
      }
    `);
  });

  it('expands an interface field into the type conditions another subgraph needs', () => {
    expect(shop.same('query Q { node { id ... on Book { title rating } } }'))
      .toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              node {
                __typename
                id
                ... on Book {
                  __typename
                  id
                  title
                }
              }
            }
          },
          Flatten(path: "node") {
            Fetch(service: "reviews") {
              {
                ... on Book {
                  __typename
                  id
                }
              } =>
              {
                ... on Book {
                  rating
                }
              }
            },
          },
        },
      }
    `);
  });

  it('inlines fragments and keeps aliases and arguments', () => {
    expect(
      shop.check(`query Q { topProducts(first: 2) { ...P } }
        fragment P on Product { n: name ... on Product { reviews { ...R } } }
        fragment R on Review { body }`),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts(first: 2) {
                __typename
                upc
                n: name
              }
            }
          },
          Flatten(path: "topProducts.@") {
            Fetch(service: "reviews") {
              {
                ... on Product {
                  __typename
                  upc
                }
              } =>
              {
                ... on Product {
                  reviews {
                    body
                  }
                }
              }
            },
          },
        },
      }
    `);
  });
});

describe('@skip and @include', () => {
  it('lifts a condition that gates a whole fetch into a Condition node', () => {
    expect(
      shop.same(`query Q($n: Int, $s: Boolean!, $x: Boolean = true) {
        topProducts(first: $n) { name reviews @include(if: $s) { body } ... on Product @skip(if: $x) { price } }
      }`),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "products") {
            {
              topProducts(first: $n) {
                __typename
                upc
                name
                ... on Product @skip(if: $x) {
                  price
                }
              }
            }
          },
          Include(if: $s) {
            Flatten(path: "topProducts.@") {
              Fetch(service: "reviews") {
                {
                  ... on Product {
                    __typename
                    upc
                  }
                } =>
                {
                  ... on Product {
                    reviews {
                      body
                    }
                  }
                }
              },
            }
          },
        },
      }
    `);
  });

  it('wraps a root fetch whose fields all share a condition', () => {
    expect(
      shop.check('query Q($s: Boolean!) { me @include(if: $s) { name } topProducts { name } }'),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Parallel {
          Include(if: $s) {
            Fetch(service: "accounts") {
              {
                me {
                  name
                }
              }
            }
          },
          Fetch(service: "products") {
            {
              topProducts {
                name
              }
            }
          },
        },
      }
    `);
  });

  it('drops selections a constant condition excludes', () => {
    expect(
      shop.check('query Q { me @skip(if: true) { name } topProducts @include(if: true) { name } }'),
    ).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "products") {
          {
            topProducts @include(if: true) {
              name
            }
          }
        },
      }
    `);
  });
});
