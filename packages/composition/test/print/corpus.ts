import type { DirectiveDefinitionNode } from 'graphql';
import { parse } from 'graphql';

import type { SupergraphFeatures, SupergraphRoots } from '../../src/print/index.js';
import { fed, type SubgraphSpec } from './apollo-oracle.js';

/** One subgraph set, and the features a composer derives from it (written by hand). */
export interface CorpusCase {
  readonly name: string;
  readonly subgraphs: readonly SubgraphSpec[];
  readonly features: SupergraphFeatures;
  readonly roots?: SupergraphRoots;
}

function directiveDefinition(sdl: string): DirectiveDefinitionNode {
  return parse(sdl).definitions[0] as DirectiveDefinitionNode;
}

const features = (
  federationVersion: string,
  uses: SupergraphFeatures['uses'] extends ReadonlySet<infer U> ? U[] : never = [],
  extra: Partial<SupergraphFeatures> = {},
): SupergraphFeatures => ({
  federationVersion,
  uses: new Set(uses),
  composedDirectives: [],
  ...extra,
});

const ALL_VERSIONS = [
  '2.0',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '2.7',
  '2.8',
  '2.9',
  '2.10',
  '2.11',
  '2.12',
];

/** The same small entity graph at every federation version. */
const perVersion: CorpusCase[] = ALL_VERSIONS.map((v) => ({
  name: `entities at federation ${v}`,
  subgraphs: [
    [
      'accounts',
      fed(v, ['@key', '@shareable']) +
        `type Query { me: User }
         type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
    ],
    [
      'reviews',
      fed(v, ['@key', '@external', '@provides']) +
        `type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") }
         type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
         type Query { latest: [Review] }`,
    ],
  ],
  features: features(v),
}));

const cases: CorpusCase[] = [
  ...perVersion,
  {
    name: 'products / reviews / users (reference example)',
    subgraphs: [
      [
        'accounts',
        fed('2.3', ['@key', '@shareable']) +
          `type Query { me: User }
           type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
        'http://accounts:4001',
      ],
      [
        'products',
        fed('2.3', ['@key']) +
          `type Query { topProducts(first: Int = 5): [Product] }
           type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
        'http://products:4003',
      ],
      [
        'reviews',
        fed('2.3', ['@key', '@external', '@provides']) +
          `type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
           type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
           type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
        'http://reviews:4002',
      ],
    ],
    features: features('2.3'),
  },
  {
    name: 'Fed 1 subgraphs (extends, external, requires)',
    subgraphs: [
      [
        'users',
        `type Query { me: User }
         type User @key(fields: "id") { id: ID! name: String }`,
      ],
      [
        'orders',
        `extend type User @key(fields: "id") { id: ID! @external name: String @external orders: [Order] @requires(fields: "name") }
         type Order { id: ID! total: Float }
         extend type Query { order(id: ID!): Order }`,
      ],
    ],
    features: features('2.0'),
  },
  {
    name: 'Fed 1 subgraph with @tag and @inaccessible, mixed with Fed 2',
    subgraphs: [
      [
        'legacy',
        `directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
         directive @inaccessible on FIELD_DEFINITION
         type Query { a: Int @tag(name: "public") hidden: Int @inaccessible }`,
      ],
      ['modern', fed('2.1', ['@key']) + 'type Query { b: String }'],
    ],
    features: features('2.1', ['tag', 'inaccessible']),
  },
  {
    name: 'shareable, override with and without label, keys of every shape',
    subgraphs: [
      [
        'a',
        fed('2.7', ['@key', '@shareable', '@override']) +
          `type Query { t: T }
           type T @key(fields: "id") @key(fields: "sku pkg { id }") {
             id: ID! sku: String pkg: Pkg
             moved: Int @override(from: "b")
             rolling: Int @override(from: "b", label: "percent(25)")
             same: String @shareable
           }
           type Pkg @shareable { id: ID! }
           type Ref @key(fields: "id") { id: ID! name: String }`,
      ],
      [
        'b',
        fed('2.7', ['@key', '@shareable']) +
          `type T @key(fields: "id") { id: ID! moved: Int rolling: Int same: String @shareable }
           type Pkg @shareable { id: ID! }
           type Ref @key(fields: "id", resolvable: false) { id: ID! }
           type Query { b: Int ref: Ref }`,
      ],
      ['c', fed('2.7', ['@key']) + `extend type T @key(fields: "id") { id: ID! c: Int }`],
    ],
    features: features('2.7'),
  },
  {
    name: 'interfaces, implementations and @interfaceObject',
    subgraphs: [
      [
        'media',
        fed('2.3', ['@key']) +
          `type Query { media: [Media] node(id: ID!): Node }
           interface Node { id: ID! }
           interface Media implements Node @key(fields: "id") { id: ID! title: String }
           type Book implements Media & Node @key(fields: "id") { id: ID! title: String pages: Int }
           type Movie implements Node & Media @key(fields: "id") { id: ID! title: String length: Int }`,
      ],
      [
        'ratings',
        fed('2.3', ['@key', '@interfaceObject', '@external', '@requires']) +
          `type Media @key(fields: "id") @interfaceObject { id: ID! title: String @external stars: Int @requires(fields: "title") }
           type Query { top: [Media] }`,
      ],
    ],
    features: features('2.3'),
  },
  {
    name: 'unions, enums, inputs, default values, descriptions, deprecations',
    subgraphs: [
      [
        'catalog',
        fed('2.3', ['@key', '@shareable']) +
          `"""
The catalog root.
  Indented "line" and \\ backslash
"""
schema { query: Query }
"""The query root"""
type Query {
  "field desc"
  search(
    "what to look for"
    text: String = "a\\"b"
    filter: Filter = {kinds: [BOOK, MOVIE], limit: 10, exact: true, score: 1.5}
    """
    long argument description that is definitely longer than seventy characters
    """
    page: Int = 1
  ): [Result!]!
  old: String @deprecated
  older(x: Int @deprecated(reason: "use y"), y: Int): String @deprecated(reason: "multi\\nline reason")

  """
  with

  blank line
     and indented line
  """
  blank: Int
  "ends in a quote\\""
  quote: Int
  "ends in a backslash\\\\"
  slash: Int
  "  leading spaces"
  spaces: Int
  """contains \\""" triple"""
  triple: Int
  ""
  empty: Int
  "exactly seventy characters long description text, padded out to be 70"
  seventy: Int
  "exactly seventy-one characters long description text, padded out to 71"
  seventyOne: Int
  "unicode é ✓ and \\u0001 control"
  unicode(s: String = "x\\u0001y\\u007f\\u00e9\\t"): Int
}
union Result = Book | Movie
"A book"
type Book @shareable { title: String }
type Movie { title: String }
input Filter {
  "which kinds"
  kinds: [Kind!] = [BOOK]
  limit: Int = 20
  exact: Boolean = false
  score: Float
}
"""Kinds of things"""
enum Kind {
  "a book"
  BOOK
  MOVIE @deprecated(reason: "gone")

  "a game"
  GAME
}
scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")`,
      ],
      [
        'shelf',
        fed('2.3', ['@key', '@shareable']) +
          `type Query { shelf: [Book] }
           type Book @shareable { title: String }
           enum Kind { BOOK MOVIE GAME }
           input Filter { kinds: [Kind!] = [BOOK] limit: Int = 20 exact: Boolean score: Float }`,
      ],
    ],
    features: features('2.3'),
    roots: { query: 'Query', description: 'The catalog root.\n  Indented "line" and \\ backslash' },
  },
  {
    name: 'custom root names and subscriptions',
    subgraphs: [
      [
        'a',
        fed('2.3', ['@key']) +
          `schema { query: RootQuery mutation: RootMutation subscription: RootSubscription }
           type RootQuery { a: Int }
           type RootMutation { setA(a: Int!): Int }
           type RootSubscription { onA: Int }`,
      ],
      ['b', fed('2.3', ['@key']) + 'type Query { b: Int } type Mutation { setB: Int }'],
    ],
    features: features('2.3'),
    roots: { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' },
  },
  {
    name: '@tag and @inaccessible everywhere',
    subgraphs: [
      [
        'a',
        fed('2.0', ['@key', '@tag', '@inaccessible', '@shareable']) +
          `type Query @tag(name: "root") { a(x: Int @tag(name: "arg")): Int @tag(name: "f") @tag(name: "g") hidden: Int @inaccessible e: E i(in: In): Int }
           enum E @tag(name: "e") { ONE @tag(name: "v") TWO @inaccessible }
           input In @tag(name: "in") { x: Int @tag(name: "x") y: Int @inaccessible }
           interface I @tag(name: "i") { id: ID! }
           union U @tag(name: "u") = T
           type T implements I @key(fields: "id") { id: ID! }
           scalar S @tag(name: "s") @inaccessible`,
      ],
    ],
    features: features('2.0', ['tag', 'inaccessible']),
  },
  {
    name: 'authorization directives',
    subgraphs: [
      [
        'a',
        fed('2.6', ['@key', '@authenticated', '@requiresScopes', '@policy']) +
          `type Query { me: User @authenticated admin: Int @requiresScopes(scopes: [["admin"], ["root", "sudo"]]) p: Int @policy(policies: [["read"]]) }
           type User @key(fields: "id") @authenticated { id: ID! }
           scalar Secret @requiresScopes(scopes: [["s"]])
           enum Level @policy(policies: [["p1", "p2"]]) { LOW HIGH }`,
      ],
    ],
    features: features('2.6', ['authenticated', 'requiresScopes', 'policy']),
  },
  {
    name: 'only @authenticated',
    subgraphs: [['a', fed('2.5', ['@authenticated']) + 'type Query { a: Int @authenticated }']],
    features: features('2.5', ['authenticated']),
  },
  {
    name: 'context and fromContext',
    subgraphs: [
      [
        'a',
        fed('2.8', ['@key', '@context', '@fromContext']) +
          `type Query { t: T }
           type T @key(fields: "id") @context(name: "ctx") { id: ID! name: String u: U }
           type U @key(fields: "id") { id: ID! greet(who: String @fromContext(field: "$ctx { name }")): String }`,
      ],
    ],
    features: features('2.8', ['context']),
  },
  {
    name: 'cost only',
    subgraphs: [
      [
        'a',
        fed('2.9', ['@cost']) + 'type Query { a(x: Int @cost(weight: 2)): Int @cost(weight: 5) }',
      ],
    ],
    features: features('2.9', ['cost']),
  },
  {
    name: 'listSize only',
    subgraphs: [
      [
        'a',
        fed('2.9', ['@listSize']) +
          'type Query { a(first: Int): [Int] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false) }',
      ],
    ],
    features: features('2.9', ['listSize']),
  },
  {
    name: 'cost and listSize',
    subgraphs: [
      [
        'a',
        fed('2.10', ['@cost', '@listSize']) +
          'type Query { a: [Int] @cost(weight: 1) @listSize(assumedSize: 10) }',
      ],
    ],
    features: features('2.10', ['cost', 'listSize']),
  },
  {
    name: 'cacheTag',
    subgraphs: [
      [
        'a',
        fed('2.12', ['@key', '@cacheTag']) +
          `type Query { t: T @cacheTag(format: "all") }
           type T @key(fields: "id") @cacheTag(format: "t-{$key.id}") { id: ID! }`,
      ],
    ],
    features: features('2.12', ['cacheTag']),
  },
  {
    name: 'every feature at 2.12',
    subgraphs: [
      [
        'a',
        fed('2.12', [
          '@key',
          '@tag',
          '@inaccessible',
          '@authenticated',
          '@requiresScopes',
          '@policy',
          '@cost',
          '@listSize',
          '@context',
          '@fromContext',
          '@cacheTag',
        ]) +
          `type Query { a: Int @tag(name: "x") @authenticated @requiresScopes(scopes: [["s"]]) @policy(policies: [["p"]]) @cost(weight: 3)
             t: T ts: [T] @listSize(assumedSize: 3) @cacheTag(format: "x") }
           type T @key(fields: "id") @context(name: "ctx") @cacheTag(format: "t{$key.id}") { id: ID! h: Int @inaccessible u: U }
           type U @key(fields: "id") { id: ID! f(x: ID @fromContext(field: "$ctx { id }")): Int }`,
      ],
      ['b', fed('2.4', ['@key']) + 'type Query { b: Int }'],
    ],
    features: features('2.12', [
      'tag',
      'inaccessible',
      'authenticated',
      'requiresScopes',
      'policy',
      'context',
      'cost',
      'listSize',
      'cacheTag',
    ]),
  },
  {
    name: 'federation directives imported under other names',
    subgraphs: [
      [
        'a',
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", {name: "@tag", as: "@mytag"}, {name: "@inaccessible", as: "@hidden"}, {name: "@authenticated", as: "@auth"}])
         type Query { a: Int @mytag(name: "x") @auth b: Int @hidden }`,
      ],
    ],
    features: features('2.5', ['tag', 'inaccessible', 'authenticated'], {
      directiveNames: { tag: 'mytag', inaccessible: 'hidden', authenticated: 'auth' },
    }),
  },
  {
    name: '@composeDirective with a custom spec',
    subgraphs: [
      [
        'a',
        fed('2.1', ['@key', '@composeDirective']) +
          `extend schema @link(url: "https://myspecs.dev/myCustom/v1.0", import: ["@custom"]) @composeDirective(name: "@custom")
           directive @custom(x: Int = 2, "desc" y: String) repeatable on FIELD_DEFINITION | OBJECT
           type Query @custom(x: 1) { a: Int @custom }`,
      ],
    ],
    features: features('2.1', [], {
      composedDirectives: [
        {
          url: 'https://myspecs.dev/myCustom/v1.0',
          name: 'custom',
          definition: directiveDefinition(
            'directive @custom(x: Int = 2, "desc" y: String) repeatable on FIELD_DEFINITION | OBJECT',
          ),
        },
      ],
    }),
  },
  {
    name: '@composeDirective from two specs, versions and renames, with @tag',
    subgraphs: [
      [
        'a',
        fed('2.1', ['@key', '@composeDirective', '@tag']) +
          `extend schema @link(url: "https://myspecs.dev/myCustom/v1.0", import: ["@custom", "@b"]) @composeDirective(name: "@custom") @composeDirective(name: "@b")
           directive @custom on FIELD_DEFINITION
           directive @b on OBJECT
           type Query @b { a: Int @custom @tag(name: "t") }`,
      ],
      [
        'z',
        fed('2.2', ['@key', '@composeDirective']) +
          `extend schema @link(url: "https://myspecs.dev/myCustom/v1.2", import: ["@custom", "@b"]) @link(url: "https://other.dev/zz/v0.1", import: [{name: "@zed", as: "@aaa"}]) @composeDirective(name: "@custom") @composeDirective(name: "@aaa")
           directive @custom on FIELD_DEFINITION
           directive @b on OBJECT
           directive @aaa on FIELD_DEFINITION
           type Query { z: Int @custom @aaa }`,
      ],
    ],
    features: features('2.2', ['tag'], {
      composedDirectives: [
        // One entry per directive; the spec is linked at the highest version among them.
        {
          url: 'https://myspecs.dev/myCustom/v1.2',
          name: 'custom',
          definition: directiveDefinition('directive @custom on FIELD_DEFINITION'),
        },
        {
          url: 'https://myspecs.dev/myCustom/v1.0',
          name: 'b',
          definition: directiveDefinition('directive @b on OBJECT'),
        },
        {
          url: 'https://other.dev/zz/v0.1',
          name: 'aaa',
          originalName: 'zed',
          definition: directiveDefinition('directive @aaa on FIELD_DEFINITION'),
        },
      ],
    }),
  },
  {
    name: '@composeDirective of a prefixed (not imported) directive and of a renamed link',
    subgraphs: [
      [
        'a',
        fed('2.1', ['@key', '@composeDirective']) +
          `extend schema @link(url: "https://myspecs.dev/myCustom/v1.0") @composeDirective(name: "@myCustom__x")
           directive @myCustom__x on FIELD_DEFINITION
           type Query { a: Int @myCustom__x }`,
      ],
      [
        'b',
        fed('2.1', ['@key', '@composeDirective']) +
          `extend schema @link(url: "https://myspecs.dev/foo/v1.0", as: "bar") @composeDirective(name: "@bar")
           directive @bar on FIELD_DEFINITION
           type Query { b: Int @bar }`,
      ],
    ],
    features: features('2.1', [], {
      composedDirectives: [
        {
          url: 'https://myspecs.dev/myCustom/v1.0',
          name: 'myCustom__x',
          definition: directiveDefinition('directive @myCustom__x on FIELD_DEFINITION'),
        },
        {
          url: 'https://myspecs.dev/foo/v1.0',
          name: 'bar',
          originalName: 'foo',
          definition: directiveDefinition('directive @bar on FIELD_DEFINITION'),
        },
      ],
    }),
  },
  {
    name: 'awkward subgraph names',
    subgraphs: ['a-b', '1x', 'users', 'USERS', 'Users', 'svc_2', 'SVC_2', 'x.y'].map(
      (name, i): SubgraphSpec => [name, fed('2.3', ['@key']) + `type Query { f${i}: Int }`],
    ),
    features: features('2.3'),
  },
  {
    name: 'type names that sort differently by code point and by locale',
    subgraphs: [
      [
        'a',
        fed('2.3', ['@key']) +
          `type Query { q: Int }\n` +
          [
            'a',
            'B',
            '_x',
            'Z1',
            'ab',
            'AB',
            'Ab',
            'a_b',
            'aB',
            'a1',
            'A2',
            'aa',
            'Aa',
            'x_',
            'X_',
            'join_x',
            'Join__A',
            'Link',
          ]
            .map((n) => `type ${n} { id: ID }`)
            .join('\n'),
      ],
    ],
    features: features('2.3'),
  },
];

export const CORPUS: readonly CorpusCase[] = cases;
