import type { QueryPlan as ApolloQueryPlan } from '@apollo/query-planner';
import { describe, expect, it } from 'vitest';
import { printQueryPlan } from '../../src/index.js';
import {
  apolloPlanner,
  apolloPrint,
  composeWithApollo,
  fromApolloPlan,
} from '../quality/apollo-oracle.js';
import { randomApolloPlan } from './random-plans.js';

/**
 * `printQueryPlan` against Apollo's `prettyFormatQueryPlan`, byte for byte: first on plans
 * Apollo's planner builds for operations exercising every node kind, then on seeded random plan
 * trees (shapes a planner rarely produces: empty branches, defer chunks without a node, ...).
 */

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: ["@key", "@requires", "@external", "@provides", "@interfaceObject", "@context", "@fromContext"])\n';

const SUPERGRAPH = composeWithApollo([
  {
    name: 'catalog',
    sdl: `${LINK}
      type Query { products(first: Int): [Product] media: [Media] featured: Featured }
      type Product @key(fields: "sku") { sku: ID! title: String weight: Int priceCents: Int }
      interface Media @key(fields: "id") { id: ID! headline: String }
      type Book implements Media @key(fields: "id") { id: ID! headline: String pages: Int }
      type Film implements Media @key(fields: "id") { id: ID! headline: String minutes: Int }
      union Featured = Book | Film
      type Slot @key(fields: "id") { id: ID! label: String }`,
  },
  {
    name: 'opinions',
    sdl: `${LINK}
      type Product @key(fields: "sku") { sku: ID! opinions(limit: Int): [Opinion] }
      type Opinion { id: ID! text: String writer: Person }
      type Person @key(fields: "handle") { handle: ID! }
      type Media @key(fields: "id") @interfaceObject { id: ID! stars: Int }`,
  },
  {
    name: 'people',
    sdl: `${LINK}
      type Query { viewer: Person }
      type Mutation { rename(to: String!): Person follow(handle: ID!): Person }
      type Subscription { personJoined: Person }
      type Person @key(fields: "handle") { handle: ID! displayName: String }`,
  },
  {
    name: 'logistics-eu',
    sdl: `${LINK}
      type Query { shelf: Shelf }
      type Shelf @context(name: "shelf") { currency: String items: [Slot] }
      type Slot @key(fields: "id") {
        id: ID!
        localPrice(currency: String @fromContext(field: "$shelf { currency }")): Int
      }
      type Product @key(fields: "sku") {
        sku: ID!
        weight: Int @external
        postage: Int @requires(fields: "weight")
      }`,
  },
]);

const apollo = apolloPlanner(SUPERGRAPH);
const apolloDefer = apolloPlanner(SUPERGRAPH, { incrementalDelivery: { enableDefer: true } });
const apolloFragments = apolloPlanner(SUPERGRAPH, { generateQueryFragments: true });

function expectSamePrint(plan: ApolloQueryPlan) {
  const printed = printQueryPlan(fromApolloPlan(plan));
  expect(printed).toBe(apolloPrint(plan));
  return printed;
}

const CASES: readonly (readonly [string, string, typeof apollo?])[] = [
  ['a single root fetch', '{ viewer { displayName } }'],
  ['no fetch at all', '{ __typename }'],
  [
    'parallel roots with variables',
    'query Two($n: Int) { products(first: $n) { title } viewer { handle } }',
  ],
  [
    'a sequence of entity fetches',
    'query Chain { products { opinions { text writer { displayName } } } }',
  ],
  ['@requires', '{ products { postage } }'],
  [
    'entity fetch with arguments',
    'query Args($l: Int) { products { opinions(limit: $l) { id } } }',
  ],
  ['aliases', '{ a: products { t: title } b: products { o: opinions { id } } }'],
  [
    '@include around a fetch',
    'query I($on: Boolean!) { viewer @include(if: $on) { displayName } }',
  ],
  ['@skip around a fetch', 'query S($off: Boolean!) { viewer @skip(if: $off) { displayName } }'],
  [
    'conditions inside entity fetches',
    'query C($x: Boolean!) { products { title opinions @include(if: $x) { text } ... @skip(if: $x) { weight } } }',
  ],
  ['interface object rewrites', '{ media { headline stars } }'],
  [
    'union expanded into type conditions',
    '{ featured { ... on Book { pages stars } ... on Film { minutes } } }',
  ],
  ['@fromContext', '{ shelf { items { label localPrice } } }'],
  [
    'mutation fields in order',
    'mutation M { rename(to: "x") { displayName } follow(handle: "y") { handle } }',
  ],
  ['subscription with rest', 'subscription Joined { personJoined { displayName } }'],
  [
    'named fragments kept by the planner',
    'fragment P on Product { title sku opinions { text } } query F { products { ...P } again: products { ...P } }',
  ],
  [
    'generated fragments',
    'query G { products { opinions { text writer { handle } } } more: products { opinions { text writer { handle } } } }',
    apolloFragments,
  ],
  [
    '@defer with a label and ids',
    'query D { products { title ... @defer(label: "slow") { opinions { text writer { displayName } } } } }',
    apolloDefer,
  ],
  [
    '@defer of a whole root field',
    'query R { ... @defer { viewer { displayName } } }',
    apolloDefer,
  ],
  ['@defer inside one subgraph', 'query O { viewer { ... @defer { displayName } } }', apolloDefer],
  [
    '@defer(if:) as Condition Then Else',
    'query T($d: Boolean!) { products { title ... @defer(if: $d) { opinions { id } } } }',
    apolloDefer,
  ],
  [
    'nested @defer',
    'query N { products { title ... @defer(label: "outer") { opinions { text writer { handle ... @defer(label: "inner") { displayName } } } } } }',
    apolloDefer,
  ],
  [
    '@defer mixed with @skip',
    'query M($s: Boolean!) { viewer @include(if: $s) { handle } ... @defer { products @skip(if: $s) { title } } }',
    apolloDefer,
  ],
];

describe('printQueryPlan matches prettyFormatQueryPlan on Apollo-built plans', () => {
  for (const [name, operation, planner = apollo] of CASES) {
    it(name, () => {
      expectSamePrint(planner.plan(operation));
    });
  }

  it('prints the §5.3 shape for a two-hop plan', () => {
    expect(expectSamePrint(apollo.plan('{ products { title opinions { text } } }')))
      .toMatchInlineSnapshot(`
        "QueryPlan {
          Sequence {
            Fetch(service: "catalog") {
              {
                products {
                  __typename
                  sku
                  title
                }
              }
            },
            Flatten(path: "products.@") {
              Fetch(service: "opinions") {
                {
                  ... on Product {
                    __typename
                    sku
                  }
                } =>
                {
                  ... on Product {
                    opinions {
                      text
                    }
                  }
                }
              },
            },
          },
        }"
      `);
  });
});

describe('printQueryPlan matches prettyFormatQueryPlan on random plan trees', () => {
  it('agrees on 400 seeded random plans', () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const plan = randomApolloPlan(seed);
      expect({ seed, printed: printQueryPlan(fromApolloPlan(plan)) }).toEqual({
        seed,
        printed: apolloPrint(plan),
      });
      checked++;
    }
    expect(checked).toBe(400);
  });
});
