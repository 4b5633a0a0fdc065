import { buildSchema, type GraphQLError, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { validateOperation } from '../../src/validation/validate-operation.js';

const schema = buildSchema(`
  directive @cached(ttl: Int!) on FIELD | QUERY
  directive @tag(name: String) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
  directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT
  interface Node { id: ID! }
  type User implements Node { id: ID! name: String friends(first: Int = 10): [User!]! role: Role }
  type Product implements Node { id: ID! upc: String! price(currency: Currency!): Float }
  union SearchResult = User | Product
  enum Role { ADMIN MEMBER }
  enum Currency { EUR USD }
  input Filter { role: Role, name: String, nested: Filter, tags: [String!] }
  input OneOf @oneOf { id: ID, name: String }
  type Query {
    me: User
    node(id: ID!): Node
    search(text: String!, filter: Filter, limit: Int = 5): [SearchResult!]!
    find(by: OneOf!): Node
  }
  type Mutation { rename(id: ID!, name: String!): User }
  type Subscription { userRenamed: User, productAdded: Product }
`);

/** Valid documents, and invalid ones touching every specified rule (and the skip conditions). */
const DOCUMENTS = [
  '{ me { name } }',
  'query Q { me { id name friends { name } } }',
  'query Q($id: ID!) { node(id: $id) { id ... on User { name } ... on Product { upc } } }',
  'query Q($t: String!, $f: Filter) { search(text: $t, filter: $f) { __typename ... on User { name } } }',
  'query Q { search(text: "x", filter: { role: ADMIN, nested: { name: "n", tags: ["a"] } }) { ... on Product { price(currency: EUR) } } }',
  'query A { me { ...F } } query B { me { ...F @tag(name: "x") } } fragment F on User { name friends(first: 2) { id } }',
  'query Q($skip: Boolean!) { me @include(if: $skip) { name @skip(if: $skip) } }',
  'query Q { me @cached(ttl: 10) { name } }',
  'query Q { me { ... @defer(label: "d") { name } } }',
  'mutation M($id: ID!) { rename(id: $id, name: "n") { name } }',
  'subscription S { userRenamed { name } }',
  'query Q($by: OneOf!) { find(by: $by) { id } }',
  // Invalid
  'type Extra { a: Int } { me { name } }',
  'query Q { me { name } } query Q { me { id } }',
  '{ me { name } } query Other { me { id } }',
  'subscription S { userRenamed { name } productAdded { upc } }',
  'query Q($x: Unknown) { me { ... on Missing { name } } }',
  'query Q { me { ... on Role { name } } }',
  'query Q($f: User) { me { name } }',
  'query Q { me }',
  'query Q { me { name { first } } }',
  'query Q { me { nickname } }',
  'fragment F on User { name } fragment F on User { id } query Q { me { ...F } }',
  'query Q { me { ...Nope } }',
  'fragment Unused on User { name } query Q { me { name } }',
  'fragment P on Product { upc } query Q { me { ...P } }',
  'query Q { me { ... on Product { upc } } }',
  'fragment A on User { ...B } fragment B on User { ...A } query Q { me { ...A } }',
  'query Q($a: Int, $a: Int) { me { friends(first: $a) { name } } }',
  'query Q { me { friends(first: $undefined) { name } } }',
  'query Q($unused: Int) { me { name } }',
  'query Q { me @unknown { name } }',
  'query Q { me @cached(ttl: 1) @cached(ttl: 2) { name } }',
  'query Q { me { name @cached(ttl: 1) } } fragment F on User { name @include(if: true) } query R { me { ...F @skip(if: true) @skip(if: false) } }',
  'query Q { me { friends(last: 2) { name } } }',
  'query Q { me { friends(first: 1, first: 2) { name } } }',
  'query Q { search(text: 3, filter: { role: OWNER, nope: 1 }) { __typename } }',
  'query Q { search(filter: { role: ADMIN }) { __typename } }',
  'query Q { node { id } me @cached { name } }',
  'query Q($f: String) { search(text: $f) { __typename } }',
  'query Q { me { name: id name } }',
  'query Q { search(text: "x") { ... on User { id: name } ... on Product { id } } }',
  'query Q { search(text: "x", filter: { name: "a", name: "b" }) { __typename } }',
  'query Q { find(by: { id: "1", name: "x" }) { id } }',
  'query Q { __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
  'query Q { me { ... on Node { id } ... on SearchResult { __typename } } }',
  'query Q($v: Int = "x") { me { friends(first: $v) { name } } }',
  'query Q($id: ID!) { node(id: $id) { ...on User { friends(first: $id) { name } } } }',
];

const shape = (errors: readonly GraphQLError[]): unknown =>
  errors.map((e) => ({ message: e.message, locations: e.locations, path: e.path }));

describe('validateOperation', () => {
  it.each(DOCUMENTS)('gives graphql-js validate()’s errors: %s', (source) => {
    const document = parse(source);
    expect(shape(validateOperation(schema, document))).toEqual(shape(validate(schema, document)));
  });

  it('reports errors on the invalid documents (the comparison is not vacuous)', () => {
    const invalid = DOCUMENTS.filter((d) => validate(schema, parse(d)).length > 0);
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    for (const source of invalid) {
      expect(validateOperation(schema, parse(source)).length).toBeGreaterThan(0);
    }
  });

  it('stops at 100 errors, as graphql-js does', () => {
    const fields = Array.from({ length: 120 }, (_, i) => `f${i}`).join(' ');
    const document = parse(`{ me { ${fields} } }`);
    const errors = validateOperation(schema, document);
    expect(errors).toHaveLength(101);
    expect(shape(errors)).toEqual(shape(validate(schema, document)));
  });
});
