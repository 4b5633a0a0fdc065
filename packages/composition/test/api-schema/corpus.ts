/**
 * Subgraph sets for the API-schema oracle tests: each composes with `@apollo/composition`, and
 * together they exercise what the API schema must remove or keep.
 */
import { FED2_HEADER, type SubgraphDef } from './apollo-oracle.js';

export interface CorpusEntry {
  readonly name: string;
  readonly subgraphs: readonly SubgraphDef[];
}

const fed2 = (name: string, body: string): SubgraphDef => ({ name, sdl: FED2_HEADER + body });

export const CORPUS: readonly CorpusEntry[] = [
  {
    name: 'products / reviews / users',
    subgraphs: [
      fed2(
        'accounts',
        `type Query { me: User } type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
      ),
      fed2(
        'products',
        `type Query { topProducts(first: Int = 5): [Product] } type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
      ),
      fed2(
        'reviews',
        `
        type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
        type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
        type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
      ),
    ],
  },
  {
    name: 'inaccessible elements of every kind',
    subgraphs: [
      fed2(
        'a',
        `
        "The root"
        type Query {
          "visible"
          a(e: Color = RED, hiddenOpt: Int @inaccessible, f: Filter): Node
          secret: Secret @inaccessible
          u: Thing
          hiddenReq(x: Int!): Int @inaccessible
        }
        interface Node { id: ID! }
        interface Old @inaccessible { id: ID! }
        type Item implements Node & Old @key(fields: "id") { id: ID! internal: String @inaccessible name: String }
        type Secret { s: String }
        type Hidden @inaccessible { h: Int }
        union Thing = Item | Hidden
        enum Color { RED GREEN BLUE @inaccessible }
        input Filter { q: String internalQ: String @inaccessible }
        scalar Private @inaccessible`,
      ),
      fed2('b', `type Item @key(fields: "id") { id: ID! price: Int @inaccessible rating: Int }`),
    ],
  },
  {
    name: 'renamed @inaccessible and @tag imports',
    subgraphs: [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", { name: "@inaccessible", as: "@hidden" }, { name: "@tag", as: "@label" }])
          type Query { a: Int @label(name: "x") b: Int @hidden t: T }
          type T @key(fields: "id") { id: ID! @hidden v: Int @label(name: "y") }`,
      },
      {
        name: 'b',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", { name: "@inaccessible", as: "@hidden" }])
          type T @key(fields: "id") { id: ID! w: Int @hidden z: Int }`,
      },
    ],
  },
  {
    name: 'namespaced federation directives (no imports)',
    subgraphs: [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5")
          type Query { a: Int @federation__tag(name: "x") b: Int @federation__inaccessible c: T @federation__authenticated }
          type T @federation__key(fields: "id") { id: ID! v: Int @federation__requiresScopes(scopes: [["read"]]) }`,
      },
    ],
  },
  {
    name: 'security, demand control and composed directives',
    subgraphs: [
      {
        name: 'a',
        sdl: `${FED2_HEADER.trimEnd()} @link(url: "https://example.dev/cache/v1.0", import: ["@cached"]) @composeDirective(name: "@cached")
          directive @cached(ttl: Int) on FIELD_DEFINITION | OBJECT
          type Query {
            me: User @authenticated @cached(ttl: 10)
            list(first: Int @cost(weight: 2)): [User] @listSize(slicingArguments: ["first"]) @cost(weight: 5)
            admin: String @policy(policies: [["admin"]]) @requiresScopes(scopes: [["admin:read"]])
          }
          type User @key(fields: "id") @cached { id: ID! email: String @tag(name: "pii") @deprecated(reason: "use contact") contact: Contact }
          scalar Contact @specifiedBy(url: "https://example.dev/contact") @tag(name: "pii")`,
      },
    ],
  },
  {
    name: 'context and fromContext',
    subgraphs: [
      fed2(
        'a',
        `
        type Query { store: Store }
        type Store @key(fields: "id") @context(name: "store") { id: ID! currency: String! @shareable product: Product }
        type Product @key(fields: "id") { id: ID! price(currency: String @fromContext(field: "$store { currency }")): Int }`,
      ),
    ],
  },
  {
    name: 'interfaces, interface objects, unions, mutations, subscriptions, executable directives',
    subgraphs: [
      fed2(
        'media',
        `
        directive @trace(level: Int = 1) on FIELD | QUERY
        type Query { media: [Media] search(term: String!): [Result] }
        type Mutation { upload(input: UploadInput!): Media }
        type Subscription { added: Media }
        interface Media @key(fields: "id") { id: ID! title: String }
        type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int }
        type Movie implements Media @key(fields: "id") { id: ID! title: String minutes: Int @deprecated }
        union Result = Book | Movie
        input UploadInput { title: String! kind: Kind = BOOK }
        enum Kind { BOOK MOVIE @deprecated(reason: "soon") }`,
      ),
      fed2(
        'reviews',
        `
        directive @trace(level: Int = 1) on FIELD | QUERY
        type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String] @tag(name: "beta") }
        type Query { topMedia: Media }`,
      ),
    ],
  },
  {
    name: 'Federation 1 subgraphs',
    subgraphs: [
      {
        name: 'users',
        sdl: `type Query { me: User } type User @key(fields: "id") { id: ID! name: String }`,
      },
      {
        name: 'orders',
        sdl: `extend type User @key(fields: "id") { id: ID! @external orders: [Order] } type Order { id: ID! total: Float }`,
      },
    ],
  },
  {
    name: 'overrides and progressive overrides',
    subgraphs: [
      fed2(
        'old',
        `type Query { p: P } type P @key(fields: "id") { id: ID! name: String price: Int }`,
      ),
      fed2(
        'new',
        `type P @key(fields: "id") { id: ID! name: String @override(from: "old") price: Int @override(from: "old", label: "percent(20)") }`,
      ),
    ],
  },
];
