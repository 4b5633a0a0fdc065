import {
  buildSchema,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createQueryPlanner } from '../../src/index.js';
import { certainlyValid } from '../../src/validation/fast-path.js';
import { compose, FED } from '../harness.js';
import { validateOperation } from '../../src/validation/validate-operation.js';

const schema = buildSchema(`
  directive @cached(ttl: Int!) on FIELD | QUERY
  directive @tag(name: String) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION
  directive @once on FIELD | INLINE_FRAGMENT
  directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT
  scalar Date
  interface Node { id: ID! }
  interface Named { name: String }
  type User implements Node & Named {
    id: ID! name: String friends(first: Int = 10, role: Role): [User!]! role: Role
    born(after: Date): Date
  }
  type Product implements Node { id: ID! upc: String! price(currency: Currency!): Float tags(first: Int!): [String] }
  type Review { body: String author: User }
  union SearchResult = User | Product
  enum Role { ADMIN MEMBER }
  enum Currency { EUR USD }
  input Filter { role: Role, name: String }
  type Query {
    me: User
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]
    search(text: String!, filter: Filter, limit: Int = 5, exact: Boolean! = false): [SearchResult!]!
    reviews(first: Int, score: Float): [Review]
  }
  type Mutation { rename(id: ID!, name: String!): User }
  type Subscription { userRenamed: User }
`);

/** Documents inside the fast path's subset that graphql-js finds valid: it must vouch for them. */
const VALID = [
  '{ me { name } }',
  '{ me { __typename id name friends { name } } }',
  'query Q($id: ID!) { node(id: $id) { id ... on User { name } ... on Product { upc } } }',
  'query Q($id: ID = "1") { node(id: $id) { id } }',
  'query Q($t: String!, $f: Filter) { search(text: $t, filter: $f) { __typename ... on User { name } } }',
  'query Q($t: String!, $e: Boolean) { search(text: $t, exact: $e) { __typename } }',
  'query Q($e: Boolean) { search(text: "x", exact: $e) { __typename } }',
  'query Q($limit: Int = 3) { search(text: "x", limit: $limit) { __typename } }',
  'query Q($skip: Boolean!) { me @include(if: $skip) { name @skip(if: $skip) } }',
  'query Q { me { name @cached(ttl: 10) @tag(name: "a") @tag(name: "b") } }',
  'query Q { me { ... @defer(label: "d") { name } } }',
  'query Q { me { ... @defer { name } ... on Named { n: name } } }',
  'query Q { reviews(first: 2, score: 1) { body author { role friends(role: ADMIN) { id } } } }',
  'query Q { nodes(ids: "1") { id } }',
  'query Q($d: Date) { me { born(after: $d) } }',
  'query Q { me { born(after: "2020-01-01") } }',
  'mutation M($id: ID!) { rename(id: $id, name: "n") { name } }',
  'fragment U on User { id name } query Q { me { ...U friends { ...U } } }',
  'fragment U on User { id ...N } fragment N on Named { name } query Q { me { ...U } }',
  'query Q($first: Int) { me { ...F } } fragment F on User @tag(name: "t") { friends(first: $first) { id } }',
  'query Q { search(text: "x") { ...P } } fragment P on Product { upc price(currency: EUR) }',
];

/** Invalid documents the fast path must leave to the rules, one or more per rule. */
const INVALID = [
  'query Q { me { name } } query Q { me { id } }',
  'query Q($x: Unknown) { me { name } }',
  'query Q($f: User) { me { name } }',
  'query Q($a: Int, $a: Int) { me { friends(first: $a) { name } } }',
  'query Q($unused: Int) { me { name } }',
  'query Q { me { friends(first: $undefined) { name } } }',
  'query Q { me }',
  'query Q { me { name { first } } }',
  'query Q { me { nickname } }',
  'query Q { search(text: "x") { name } }',
  'query Q { me { ... on Role { name } } }',
  'query Q { me { ... on Product { upc } } }',
  'query Q { me { ... on Missing { name } } }',
  'query Q { me @unknown { name } }',
  'query Q { me { ... @cached(ttl: 1) { name } } }',
  'query Q { me { name @once @once } }',
  'query Q { me { name @cached } }',
  'query Q { me { friends(last: 2) { name } } }',
  'query Q { me { friends(first: 1, first: 2) { name } } }',
  'query Q { node { id } }',
  'query Q { search(text: 3) { __typename } }',
  'query Q { me { friends(role: OWNER) { id } } }',
  'query Q { me { friends(first: "1") { id } } }',
  'query Q($f: String) { search(text: $f) { __typename } }',
  'query Q($id: Int!) { node(id: $id) { id } }',
  'query Q($v: Int = "x") { me { friends(first: $v) { name } } }',
  'query Q { me { name: id name } }',
  'query Q { search(text: "x") { ... on User { id: name } ... on Product { id } } }',
  'query Q { me { __typename(x: 1) } }',
  'fragment F on User { name } fragment F on User { id } query Q { me { ...F } }',
  'query Q { me { ...Nope } }',
  'fragment Unused on User { name } query Q { me { name } }',
  'fragment P on Product { upc } query Q { me { ...P } }',
  'fragment A on User { ...B } fragment B on User { ...A } query Q { me { ...A } }',
  'query Q { me { ...F @once } } fragment F on User { name }',
  'query Q { me { ...F } } fragment F on User { friends(first: $nope) { id } }',
];

/** Seeded token-level mutations of valid documents: names swapped, tokens dropped or repeated. */
function mutants(seeds: readonly string[], count: number): string[] {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const tokenRe = /\.\.\.|\$|"[^"]*"|-?\d+(?:\.\d+)?|[A-Za-z_]\w*|[{}()[\]:=!@,]/g;
  const names = [
    ...new Set(seeds.join(' ').match(/[A-Za-z_]\w*/g) ?? []),
    'Product',
    'Query',
    'Role',
    'Date',
    'null',
    'true',
  ];
  const out: string[] = [];
  while (out.length < count) {
    const tokens = [...(seeds[random(seeds.length)] ?? '').matchAll(tokenRe)].map((m) => m[0]);
    for (let edits = 1 + random(2); edits > 0; edits--) {
      const at = random(tokens.length);
      const roll = random(4);
      if (roll === 0) tokens.splice(at, 1);
      else if (roll === 1) tokens.splice(at, 0, tokens[random(tokens.length)] ?? '');
      else if (/^[A-Za-z_]/.test(tokens[at] ?? '')) tokens[at] = names[random(names.length)] ?? '';
      else tokens[at] = `"${random(3)}"`;
    }
    const text = tokens.join(' ');
    try {
      parse(text);
      out.push(text);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
    }
  }
  return out;
}

describe('certainlyValid (validation fast path)', () => {
  it.each(VALID)('vouches for a valid document: %s', (source) => {
    const document = parse(source);
    expect(validate(schema, document)).toEqual([]);
    expect(certainlyValid(schema, document, specifiedRules)).toBe(true);
  });

  it.each(INVALID)('never vouches for an invalid document: %s', (source) => {
    const document = parse(source);
    expect(validate(schema, document).length).toBeGreaterThan(0);
    expect(certainlyValid(schema, document, specifiedRules)).toBe(false);
  });

  it('never vouches for an invalid mutant of the valid documents (2,000 seeded mutants)', () => {
    const { vouched, invalid } = checkMutants(schema, VALID, 2000);
    // Not vacuous: many mutants are invalid, and the fast path still takes valid ones.
    expect(invalid).toBeGreaterThan(500);
    expect(vouched).toBeGreaterThan(100);
  });

  it("never vouches for an invalid mutant against a planner's own API schema (1,500 mutants)", () => {
    const supergraph = compose([
      {
        name: 'accounts',
        sdl: `${FED('@key @shareable')}
          type Query { me: User, user(id: ID!): User }
          type User @key(fields: "id") { id: ID! name: String @shareable, username: String }`,
      },
      {
        name: 'reviews',
        sdl: `${FED('@key')}
          type Query { topReviews(first: Int = 5): [Review] }
          type Review { id: ID! body: String, author: User, stars(scale: Int!): Int }
          type User @key(fields: "id") { id: ID! reviews(first: Int): [Review] }`,
      },
    ]);
    const api = createQueryPlanner(supergraph).apiSchema;
    const seeds = [
      'query Me { me { name username reviews(first: 2) { body } } }',
      'query U($id: ID!, $n: Int) { user(id: $id) { ...F reviews(first: $n) { id stars(scale: 5) } } } fragment F on User { name }',
      'query T($withAuthor: Boolean!) { topReviews { body ... @defer { author @include(if: $withAuthor) { id } } } }',
    ];
    for (const seed of seeds) expect(validate(api, parse(seed))).toEqual([]);
    const { vouched, invalid } = checkMutants(api, seeds, 1500);
    expect(invalid).toBeGreaterThan(300);
    expect(vouched).toBeGreaterThan(100);
  });

  it('is off for other rule sets (they may check what this path does not)', () => {
    const document = parse('{ me { name } }');
    expect(certainlyValid(schema, document, [...specifiedRules])).toBe(false);
  });

  it('leaves several operations, subscriptions, list/object/null literals and introspection to the rules', () => {
    for (const source of [
      'query Q { me { name } } query R { me { id } }',
      'subscription S { userRenamed { name } }',
      'query Q { nodes(ids: ["1"]) { id } }',
      'query Q { search(text: "x", filter: { role: ADMIN }) { __typename } }',
      'query Q { me { friends(first: null) { id } } }',
      'query Q { __schema { types { name } } }',
    ]) {
      const document = parse(source);
      expect(validate(schema, document)).toEqual([]);
      expect(certainlyValid(schema, document, specifiedRules)).toBe(false);
    }
  });
});

/**
 * Validates each mutant with graphql-js and with the fast path: the fast path may only vouch for
 * documents graphql-js finds valid, and `validateOperation` (fast path or not) gives
 * graphql-js's errors.
 */
function checkMutants(
  target: GraphQLSchema,
  seeds: readonly string[],
  count: number,
): { vouched: number; invalid: number } {
  let vouched = 0;
  let invalid = 0;
  for (const source of mutants(seeds, count)) {
    const document = parse(source);
    const errors = validate(target, document);
    if (errors.length > 0) invalid++;
    if (certainlyValid(target, document, specifiedRules)) {
      vouched++;
      expect({ source, errors: errors.map((e) => e.message) }).toEqual({ source, errors: [] });
    }
    expect(validateOperation(target, document).map((e) => e.message)).toEqual(
      errors.map((e) => e.message),
    );
  }
  return { vouched, invalid };
}
