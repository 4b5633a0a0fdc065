/**
 * graphql-js's `findBreakingChanges` / `findDangerousChanges` as an oracle: one edit at a time
 * on a base schema, the worst severity graphql-js reports must be the worst severity
 * `diffSchemas` reports, except where docs/checks.md says Orrery deliberately differs (listed
 * below with the reason; the test also checks they still differ, so the list stays true).
 */
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { diffSchemas, type SchemaChangeSeverity } from '../../src/diff/index.js';

const base = `
  type Query {
    product(upc: ID!, locale: String = "en"): Product
    products(first: Int, filter: Filter): [Product!]!
    search(q: String!): [Result]
    channel(id: ID!): Channel
  }
  type Product { upc: ID! name: String price: Int! tags: [String] status: Status legacy: String @deprecated }
  interface Channel { id: ID! }
  type WebChannel implements Channel { id: ID! hook: String }
  type EmailChannel implements Channel { id: ID! address: String }
  union Result = Product | WebChannel
  enum Status { OPEN CLOSED }
  enum Sort { ASC DESC }
  input Filter { inStock: Boolean sort: Sort = ASC minPrice: Int! }
  directive @lowercase(locale: String) on FIELD
  directive @cost(weight: Int) on FIELD_DEFINITION
`;

/** One edit: a replacement in the base SDL (the text must occur exactly once). */
const edits: Record<string, [string, string]> = {
  'remove a field': ['tags: [String] ', ''],
  'remove a deprecated field': ['legacy: String @deprecated', ''],
  'add a field': ['price: Int!', 'price: Int! weight: Int'],
  'field nullable to non-null': ['name: String', 'name: String!'],
  'field non-null to nullable': ['price: Int!', 'price: Int'],
  'field to another type': ['price: Int!', 'price: Float!'],
  'list items non-null': ['tags: [String]', 'tags: [String!]'],
  'remove an argument': [', locale: String = "en"', ''],
  'add a required argument': ['search(q: String!)', 'search(q: String!, limit: Int!)'],
  'add an optional argument': ['search(q: String!)', 'search(q: String!, limit: Int)'],
  'add a non-null argument with a default': [
    'search(q: String!)',
    'search(q: String!, limit: Int! = 10)',
  ],
  'argument optional to required': ['first: Int,', 'first: Int!,'],
  'argument required to optional': ['search(q: String!)', 'search(q: String)'],
  'argument to another type': ['first: Int,', 'first: String,'],
  'change an argument default': ['locale: String = "en"', 'locale: String = "de"'],
  'remove an argument default': ['locale: String = "en"', 'locale: String'],
  'remove an input field': ['inStock: Boolean ', ''],
  'add a required input field': ['minPrice: Int!', 'minPrice: Int! maxPrice: Int!'],
  'add an optional input field': ['minPrice: Int!', 'minPrice: Int! maxPrice: Int'],
  'input field to non-null': ['inStock: Boolean', 'inStock: Boolean!'],
  'input field to nullable': ['minPrice: Int!', 'minPrice: Int'],
  'change an input field default': ['sort: Sort = ASC', 'sort: Sort = DESC'],
  'remove an enum value': ['enum Status { OPEN CLOSED }', 'enum Status { OPEN }'],
  'add a value to an output enum': [
    'enum Status { OPEN CLOSED }',
    'enum Status { OPEN CLOSED REFUNDED }',
  ],
  'add a value to an input-only enum': [
    'enum Sort { ASC DESC }',
    'enum Sort { ASC DESC RELEVANCE }',
  ],
  'remove a union member': ['union Result = Product | WebChannel', 'union Result = Product'],
  'add a union member': [
    'union Result = Product | WebChannel',
    'union Result = Product | WebChannel | EmailChannel',
  ],
  'remove an implementation': ['type EmailChannel implements Channel', 'type EmailChannel'],
  'add an implementation': ['type Product {', 'type Product implements Channel { id: ID!'],
  'remove a type': ['type EmailChannel implements Channel { id: ID! address: String }', ''],
  'change a type kind': ['enum Sort { ASC DESC }', 'scalar Sort'],
  'add a type': ['enum Sort', 'type Review { body: String } enum Sort'],
  'deprecate a field': ['hook: String', 'hook: String @deprecated'],
  'describe a field': ['hook: String', '"The hook" hook: String'],
  'remove an executable directive': ['directive @lowercase(locale: String) on FIELD', ''],
  'remove an executable directive argument': ['@lowercase(locale: String)', '@lowercase'],
  'add a required executable directive argument': [
    '@lowercase(locale: String)',
    '@lowercase(locale: String, style: Int!)',
  ],
  'remove an executable directive location': ['on FIELD\n', 'on FRAGMENT_SPREAD\n'],
  'remove a type-system directive': ['directive @cost(weight: Int) on FIELD_DEFINITION', ''],
  'remove a type-system directive argument': ['@cost(weight: Int)', '@cost'],
  'remove a type-system directive location': ['on FIELD_DEFINITION', 'on OBJECT'],
  'add a directive': ['directive @cost', 'directive @skipCache on QUERY directive @cost'],
};

/** Where Orrery's severity differs from graphql-js's on purpose (docs/checks.md). */
const deviations: Record<string, string> = {
  'add an optional argument': 'OPTIONAL_ARG_ADDED is safe (as Apollo); graphql-js: dangerous',
  'add a non-null argument with a default': 'as above',
  'add an optional input field': 'OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT is safe (as Apollo)',
  'add a value to an input-only enum': 'clients never send a value they do not know',
  'change an input field default': 'graphql-js 16 compares argument defaults only',
  'remove a type-system directive': 'operations cannot use it',
  'remove a type-system directive argument': 'operations cannot use it',
  'remove a type-system directive location': 'operations cannot use it',
};

const rank: Record<SchemaChangeSeverity, number> = { safe: 0, dangerous: 1, breaking: 2 };

function graphqlJsSeverity(before: string, after: string): SchemaChangeSeverity {
  const [a, b] = [buildSchema(before), buildSchema(after)];
  if (findBreakingChanges(a, b).length > 0) return 'breaking';
  return findDangerousChanges(a, b).length > 0 ? 'dangerous' : 'safe';
}

function orrerySeverity(before: string, after: string): SchemaChangeSeverity {
  let worst: SchemaChangeSeverity = 'safe';
  for (const change of diffSchemas(before, after)) {
    if (rank[change.severity] > rank[worst]) worst = change.severity;
  }
  return worst;
}

describe('worst severity per edit, against graphql-js findBreakingChanges/findDangerousChanges', () => {
  for (const [name, [from, to]] of Object.entries(edits)) {
    it(name, () => {
      expect(base.split(from).length, `"${from}" must occur once`).toBe(2);
      const edited = base.replace(from, to);
      const expected = graphqlJsSeverity(base, edited);
      const actual = orrerySeverity(base, edited);
      if (name in deviations) expect(actual, deviations[name]).not.toBe(expected);
      else expect(actual).toBe(expected);
    });
  }
});
