import { describe, it } from 'vitest';
import { expectSameSupergraph, fed2 } from './harness.js';

describe('composition matches @apollo/composition', () => {
  it('entities, keys, external, provides, requires', () => {
    expectSameSupergraph([
      {
        name: 'accounts',
        sdl: fed2(
          `type Query { me: User }
           type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'products',
        sdl: fed2(
          `type Query { topProducts(first: Int = 5): [Product] }
           type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
          ['@key'],
        ),
      },
      {
        name: 'reviews',
        sdl: fed2(
          `type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
           type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
           type Product @key(fields: "upc") { upc: String! weight: Int @external shipping: Int @requires(fields: "weight") reviews: [Review] }`,
          ['@key', '@external', '@provides', '@requires'],
        ),
      },
    ]);
  });

  it('several keys, composite and nested keys, resolvable: false, extensions', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T }
           type T @key(fields: "id") @key(fields: "k { a }") { id: ID! k: K! v: Int }
           type K @shareable { a: Int }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id", resolvable: false) { id: ID! }
           extend type U @key(fields: "id sku") { id: ID! sku: String w: Int }
           type Query { u: U }
           type K @shareable { a: Int }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'c',
        sdl: fed2(`type U @key(fields: "id sku") { id: ID! sku: String z: Int }`, ['@key']),
      },
    ]);
  });

  it('value types, interfaces, unions, enums, inputs, scalars, descriptions, deprecations', () => {
    expectSameSupergraph([
      {
        name: 'one',
        sdl: fed2(
          `"The root" type Query { search(q: SearchInput!, kind: Kind = BOOK): [Result] node: Node old: Int @deprecated(reason: "no") }
           interface Node { id: ID! }
           type Book implements Node @shareable { id: ID! "Title" title: String kind: Kind }
           type Movie implements Node @shareable { id: ID! title: String }
           union Result = Book | Movie
           enum Kind { BOOK "a movie" MOVIE }
           input SearchInput { text: String! limit: Int = 10 extra: Boolean }
           scalar Date @specifiedBy(url: "https://example.com")
           type Meta @shareable { at: Date }`,
          ['@shareable'],
        ),
      },
      {
        name: 'two',
        sdl: fed2(
          `type Query { meta: Meta }
           type Book @shareable { id: ID! title: String }
           enum Kind { BOOK MOVIE }
           input SearchInput { text: String! limit: Int = 10 }
           scalar Date
           "Meta data" type Meta @shareable { at: Date }`,
          ['@shareable'],
        ),
      },
    ]);
  });

  it('field type merging: nullability, interfaces, lists; argument intersection', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: fed2(
          `type Query { f(a: Int, b: String): [T!] @shareable g(x: Int): I @shareable }
           interface I { id: ID }
           type T implements I @shareable { id: ID }`,
          ['@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type Query { f(a: Int!): [T] @shareable g(x: Int): T @shareable }
           interface I { id: ID }
           type T implements I @shareable { id: ID! }`,
          ['@shareable'],
        ),
      },
    ]);
  });

  it('override, with and without label, used overridden', () => {
    expectSameSupergraph([
      {
        name: 'old',
        sdl: fed2(
          `type Query { t: T }
           type T @key(fields: "id") { id: ID! a: Int b: Int c: Int d: Int e: Int @shareable }
           extend type T @key(fields: "d")`,
          ['@key', '@shareable'],
          '2.7',
        ),
      },
      {
        name: 'new',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! a: Int @override(from: "old") b: Int @override(from: "old", label: "percent(5)") d: Int @override(from: "old") e: Int @override(from: "old") }`,
          ['@key', '@override'],
          '2.7',
        ),
      },
    ]);
  });

  it('tag, inaccessible, renamed imports and namespaced names', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [{ name: "@key", as: "@id" }, "@tag", "@inaccessible"])
          type Query { t: T @tag(name: "public") secret: Int @inaccessible }
          type T @id(fields: "id") @tag(name: "t") { id: ID! hidden: String @federation__shareable @inaccessible }`,
      },
      {
        name: 'b',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@tag"])
          type T @federation__key(fields: "id") { id: ID! hidden: String @federation__shareable @tag(name: "x") more: Int }`,
      },
    ]);
  });

  it('custom root type names', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: fed2(
          `schema { query: RootQuery mutation: RootMutation }
           type RootQuery { a: Int }
           type RootMutation { setA(a: Int): Int }`,
          [],
        ),
      },
      { name: 'b', sdl: fed2(`type Query { b: Int }`, []) },
    ]);
  });

  it('authenticated and requiresScopes', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @authenticated }
           type T @key(fields: "id") @requiresScopes(scopes: [["read"]]) { id: ID! x: Int @requiresScopes(scopes: [["a"], ["b"]]) }`,
          ['@key', '@authenticated', '@requiresScopes'],
          '2.5',
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! y: Int @authenticated }`,
          ['@key', '@authenticated'],
          '2.5',
        ),
      },
    ]);
  });

  it('Fed 1 subgraphs, alone and mixed with Fed 2', () => {
    expectSameSupergraph([
      {
        name: 'users',
        sdl: `type Query { me: User } type User @key(fields: "id") { id: ID! name: String } type Loc { lat: Float }`,
      },
      {
        name: 'posts',
        sdl: `extend type Query { posts: [Post] }
          type Post @key(fields: "id") { id: ID! author: User at: Loc }
          extend type User @key(fields: "id") { id: ID! @external posts: [Post] name: String @external nick: String @requires(fields: "name") }
          type Loc { lat: Float }`,
      },
      {
        name: 'extra',
        sdl: fed2(`type Post @key(fields: "id") { id: ID! likes: Int }`, ['@key']),
      },
    ]);
  });
});
