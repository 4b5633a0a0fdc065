/**
 * The two halves of usage-aware checks against each other: for every change code `diffSchemas`
 * can emit as breaking or dangerous, an operation a client of the old schema sends, its
 * coordinates computed by the gateway's real `collectCoordinates` (variables coerced as the
 * gateway coerces them), and the registry's matching of the real diff (softened as checks
 * soften it). The affected operation must match, one that does not touch the changed element
 * must not. No database: the matching is pure.
 */
import { SCHEMA_CHANGE_CODES, type SchemaChangeCode } from '@orrery/composition';
import type { SchemaChange } from '@orrery/registry-client';
import {
  buildSchema,
  getVariableValues,
  parse,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
// The gateway's own coordinate collector, by path: this package does not depend on the gateway.
import { collectCoordinates, findOperation } from '../../../gateway/src/usage/coordinates.js';
import { matches, schemaFacts } from '../../src/service/checks/coordinates.js';
import { changeMatchers, soften } from '../../src/service/checks/impact.js';
import { proposedChanges } from '../../src/service/checks/operations.js';

/** The served API schema every case starts from (plain SDL, as `toApiSchema` prints one). */
const BASE = /* GraphQL */ `
  directive @tracked(label: String, level: Int = 1, tags: [String]) repeatable on FIELD | QUERY

  schema {
    query: Query
    mutation: Mutation
  }

  interface Node {
    id: ID!
    parent: Node
  }

  interface Named {
    name: String
  }

  type Product implements Node & Named {
    id: ID!
    parent: Node
    name: String!
    status: Status
    price(currency: Currency = USD): Float
    reviews(first: Int = 10, minRating: Int): [Review]
    legacyCode: String @deprecated(reason: "use id")
  }

  type Book implements Node {
    id: ID!
    parent: Node
    title: String
  }

  type Review {
    id: ID!
    rating: Int
  }

  union SearchResult = Product | Book

  "Returned by Product.status: clients receive it."
  enum Status {
    ACTIVE
    ARCHIVED
    DRAFT
  }

  "Only sent (Product.price's argument)."
  enum Currency {
    USD
    EUR
    GBP
  }

  "Only sent."
  enum Category {
    BOOKS
    TOYS
    GAMES
    OLD @deprecated(reason: "merged into GAMES")
  }

  input PriceRange {
    min: Float
    max: Float
    currency: Currency = USD
  }

  input ProductFilter {
    categories: [Category!]
    status: Status
    price: PriceRange
    tags: [String]
    inStock: Boolean = true
    legacy: String @deprecated(reason: "use tags")
  }

  input ProductKey {
    id: ID
    sku: String
  }

  input NewProduct {
    name: String!
    category: Category
  }

  type Query {
    product(id: ID!): Product
    productBy(key: ProductKey!): Product
    products(
      filter: ProductFilter
      first: Int = 20
      sort: String @deprecated(reason: "unused")
    ): [Product]
    productsIn(categories: [Category!]!): [Product]
    tagged(tags: [String]): [Product]
    node(id: ID!): Node
    search(text: String!): [SearchResult]
  }

  type Mutation {
    addProduct(input: NewProduct!): Product
  }
`;

/** An operation as a client of the old schema sends it. */
interface Sent {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

interface Case {
  /** What the case shows (the test title). */
  readonly title: string;
  readonly code: SchemaChangeCode;
  /** The coordinate of the change (several changes of one code can come out of one edit). */
  readonly coordinate: string;
  /** The change's severity after a check softened it (deprecated removals are dangerous). */
  readonly severity: 'breaking' | 'dangerous';
  /** Text replacements turning BASE into the proposed schema; each must apply. */
  readonly edit: readonly (readonly [string, string])[];
  readonly affected: readonly Sent[];
  readonly unaffected: readonly Sent[];
}

const product = (selection: string) => `{ product(id: "1") { ${selection} } }`;
const filtered = 'query F($f: ProductFilter) { products(filter: $f) { id } }';

const CASES: readonly Case[] = [
  // ---- Types
  {
    title: 'a removed type, selected through a union member condition',
    code: 'TYPE_REMOVED',
    coordinate: 'Book',
    severity: 'breaking',
    edit: [
      ['type Book implements Node {\n    id: ID!\n    parent: Node\n    title: String\n  }', ''],
      ['union SearchResult = Product | Book', 'union SearchResult = Product'],
    ],
    affected: [{ query: '{ search(text: "x") { ... on Book { title } } }' }],
    unaffected: [{ query: product('name') }, { query: '{ node(id: "1") { id } }' }],
  },
  {
    title: 'a type that changed kind',
    code: 'TYPE_CHANGED_KIND',
    coordinate: 'Review',
    severity: 'breaking',
    edit: [['type Review {', 'interface Review {']],
    affected: [{ query: product('reviews { rating }') }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'a root operation type that is no longer a root',
    code: 'ROOT_TYPE_CHANGED',
    coordinate: 'Mutation',
    severity: 'breaking',
    edit: [['    mutation: Mutation\n', '']],
    affected: [
      {
        query: 'mutation M($p: NewProduct!) { addProduct(input: $p) { id } }',
        variables: { p: { name: 'x' } },
      },
    ],
    unaffected: [{ query: product('name') }],
  },

  // ---- Fields
  {
    title: 'a removed field',
    code: 'FIELD_REMOVED',
    coordinate: 'Review.rating',
    severity: 'breaking',
    edit: [['    rating: Int\n', '']],
    affected: [{ query: product('reviews { rating }') }],
    unaffected: [{ query: product('reviews { id }') }],
  },
  {
    title: 'a field removed from an interface, selected on the interface',
    code: 'FIELD_REMOVED',
    coordinate: 'Named.name',
    severity: 'breaking',
    edit: [['interface Named {\n    name: String\n  }', 'interface Named {\n    id: ID\n  }']],
    affected: [{ query: '{ node(id: "1") { ... on Named { name } } }' }],
    // Selected on the implementation, which keeps the field: still valid.
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'a deprecated field removed (softened to dangerous)',
    code: 'FIELD_REMOVED',
    coordinate: 'Product.legacyCode',
    severity: 'dangerous',
    edit: [['    legacyCode: String @deprecated(reason: "use id")\n', '']],
    affected: [{ query: product('legacyCode') }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'a field type that got looser',
    code: 'FIELD_CHANGED_TYPE',
    coordinate: 'Book.title',
    severity: 'breaking',
    edit: [['    title: String\n', '    title: Int\n']],
    affected: [{ query: '{ search(text: "x") { ... on Book { title } } }' }],
    unaffected: [{ query: '{ search(text: "x") { ... on Book { id } } }' }],
  },
  {
    title: "an implementation's field changed, selected on the interface",
    code: 'FIELD_CHANGED_TYPE',
    coordinate: 'Product.parent',
    severity: 'breaking',
    edit: [['    parent: Node\n    name: String!', '    parent: Book\n    name: String!']],
    // Node.parent may now only be a Book for a product: `... on Product` below never matches.
    affected: [{ query: '{ node(id: "1") { parent { ... on Product { name } } } }' }],
    unaffected: [{ query: '{ node(id: "1") { id } }' }],
  },
  {
    title: 'an implementation field that got looser, selected through another interface',
    code: 'FIELD_CHANGED_TYPE',
    coordinate: 'Product.name',
    severity: 'breaking',
    edit: [['    name: String!\n', '    name: String\n']],
    affected: [
      { query: product('name') },
      { query: '{ node(id: "1") { ... on Named { name } } }' },
    ],
    unaffected: [{ query: '{ node(id: "1") { ... on Book { title } } }' }],
  },

  // ---- Arguments
  {
    title: 'a removed argument, passed in a variable',
    code: 'ARG_REMOVED',
    coordinate: 'Product.reviews(minRating:)',
    severity: 'breaking',
    edit: [['reviews(first: Int = 10, minRating: Int)', 'reviews(first: Int = 10)']],
    affected: [
      {
        query: 'query R($r: Int) { product(id: "1") { reviews(minRating: $r) { id } } }',
        variables: { r: 3 },
      },
      // Unset at run time, the argument is still in the text: the operation no longer validates.
      { query: 'query R($r: Int) { product(id: "1") { reviews(minRating: $r) { id } } }' },
    ],
    unaffected: [{ query: product('reviews { id }') }],
  },
  {
    title: 'a deprecated argument removed (softened to dangerous)',
    code: 'ARG_REMOVED',
    coordinate: 'Query.products(sort:)',
    severity: 'dangerous',
    edit: [['      sort: String @deprecated(reason: "unused")\n', '']],
    affected: [{ query: '{ products(sort: "name") { id } }' }],
    unaffected: [{ query: '{ products(first: 1) { id } }' }],
  },
  {
    title: 'a required argument added',
    code: 'REQUIRED_ARG_ADDED',
    coordinate: 'Query.search(limit:)',
    severity: 'breaking',
    edit: [['search(text: String!)', 'search(text: String!, limit: Int!)']],
    affected: [{ query: '{ search(text: "x") { __typename } }' }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'an argument type changed',
    code: 'ARG_CHANGED_TYPE',
    coordinate: 'Product.reviews(minRating:)',
    severity: 'breaking',
    edit: [['minRating: Int)', 'minRating: Float)']],
    affected: [{ query: product('reviews(minRating: 3) { id }') }],
    unaffected: [{ query: product('reviews { id }') }, { query: product('name') }],
  },
  {
    title: 'an argument type changed to non-null (not just `!` added): calls omitting it break',
    code: 'ARG_CHANGED_TYPE',
    coordinate: 'Query.tagged(tags:)',
    severity: 'breaking',
    edit: [['tagged(tags: [String])', 'tagged(tags: [String!]!)']],
    affected: [{ query: '{ tagged { id } }' }, { query: '{ tagged(tags: ["a"]) { id } }' }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'an optional argument made required: calls omitting it break',
    code: 'ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED',
    coordinate: 'Product.reviews(minRating:)',
    severity: 'breaking',
    edit: [['minRating: Int)', 'minRating: Int!)']],
    affected: [
      { query: product('reviews { id }') },
      { query: product('reviews(minRating: 1) { id }') },
    ],
    unaffected: [{ query: product('name') }],
  },
  {
    title: "an argument's default changed: calls omitting it, or leaving its variable unset",
    code: 'ARG_DEFAULT_VALUE_CHANGE',
    coordinate: 'Query.products(first:)',
    severity: 'dangerous',
    edit: [['first: Int = 20', 'first: Int = 50']],
    affected: [
      { query: '{ products { id } }' },
      // graphql-js gives an argument whose variable is not provided its default.
      { query: 'query P($n: Int) { products(first: $n) { id } }', variables: {} },
    ],
    unaffected: [{ query: product('name') }],
  },

  // ---- Input objects
  {
    title: 'an input field removed, sent nested in a variable',
    code: 'FIELD_REMOVED_FROM_INPUT_OBJECT',
    coordinate: 'PriceRange.max',
    severity: 'breaking',
    edit: [['    max: Float\n', '']],
    affected: [
      { query: filtered, variables: { f: { price: { max: 10 } } } },
      { query: '{ products(filter: { price: { max: 10 } }) { id } }' },
    ],
    unaffected: [
      { query: filtered, variables: { f: { price: { min: 1 } } } },
      { query: '{ products(filter: { price: { min: 1 } }) { id } }' },
    ],
  },
  {
    title: 'a deprecated input field removed (softened to dangerous)',
    code: 'FIELD_REMOVED_FROM_INPUT_OBJECT',
    coordinate: 'ProductFilter.legacy',
    severity: 'dangerous',
    edit: [['    legacy: String @deprecated(reason: "use tags")\n', '']],
    affected: [{ query: '{ products(filter: { legacy: "x" }) { id } }' }],
    unaffected: [{ query: filtered, variables: { f: { tags: ['x'] } } }],
  },
  {
    title: 'a required input field added',
    code: 'REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT',
    coordinate: 'NewProduct.sku',
    severity: 'breaking',
    edit: [
      [
        '    name: String!\n    category: Category\n',
        '    name: String!\n    category: Category\n    sku: String!\n',
      ],
    ],
    affected: [
      {
        query: 'mutation M($p: NewProduct!) { addProduct(input: $p) { id } }',
        variables: { p: { name: 'x' } },
      },
    ],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'an input field type changed',
    code: 'FIELD_ON_INPUT_OBJECT_CHANGED_TYPE',
    coordinate: 'PriceRange.min',
    severity: 'breaking',
    edit: [['    min: Float\n', '    min: Int\n']],
    affected: [{ query: filtered, variables: { f: { price: { min: 1.5 } } } }],
    unaffected: [{ query: filtered, variables: { f: { price: { max: 1 } } } }],
  },
  {
    title: 'an input field made non-null: values omitting it break',
    code: 'FIELD_ON_INPUT_OBJECT_CHANGED_TYPE',
    coordinate: 'ProductFilter.tags',
    severity: 'breaking',
    edit: [['    tags: [String]\n', '    tags: [String!]!\n']],
    affected: [
      { query: filtered, variables: { f: { categories: ['BOOKS'] } } },
      { query: '{ products(filter: { categories: [BOOKS] }) { id } }' },
    ],
    unaffected: [{ query: product('name') }],
  },
  {
    title: "an input field's default changed: values omitting it (coerced values include it)",
    code: 'INPUT_FIELD_DEFAULT_VALUE_CHANGE',
    coordinate: 'ProductFilter.inStock',
    severity: 'dangerous',
    edit: [['inStock: Boolean = true', 'inStock: Boolean = false']],
    affected: [
      { query: filtered, variables: { f: { categories: ['BOOKS'] } } },
      { query: '{ products(filter: { categories: [BOOKS] }) { id } }' },
    ],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'an input object made @oneOf',
    code: 'ONE_OF_ADDED',
    coordinate: 'ProductKey',
    severity: 'breaking',
    edit: [['input ProductKey {', 'input ProductKey @oneOf {']],
    affected: [{ query: '{ productBy(key: { id: "1", sku: "a" }) { id } }' }],
    unaffected: [{ query: product('name') }],
  },

  // ---- Enums
  {
    title: 'a value added to an enum a field returns: readers, not senders',
    code: 'VALUE_ADDED_TO_ENUM',
    coordinate: 'Status.DELETED',
    severity: 'dangerous',
    edit: [['    DRAFT\n', '    DRAFT\n    DELETED\n']],
    affected: [{ query: product('status') }],
    unaffected: [
      { query: filtered, variables: { f: { status: 'ACTIVE' } } },
      { query: '{ products(filter: { status: ACTIVE }) { id } }' },
    ],
  },
  {
    title: 'a value removed from an input enum, sent in a list variable',
    code: 'VALUE_REMOVED_FROM_ENUM',
    coordinate: 'Category.TOYS',
    severity: 'breaking',
    edit: [['    TOYS\n', '']],
    affected: [
      {
        query: 'query C($c: [Category!]!) { productsIn(categories: $c) { id } }',
        variables: { c: ['BOOKS', 'TOYS'] },
      },
      // One value where a list is expected is coerced to a list.
      {
        query: 'query C($c: [Category!]!) { productsIn(categories: $c) { id } }',
        variables: { c: 'TOYS' },
      },
      { query: filtered, variables: { f: { categories: ['TOYS'] } } },
      { query: '{ productsIn(categories: [BOOKS, TOYS]) { id } }' },
    ],
    unaffected: [
      {
        query: 'query C($c: [Category!]!) { productsIn(categories: $c) { id } }',
        variables: { c: ['BOOKS'] },
      },
    ],
  },
  {
    title: 'a deprecated enum value removed (softened to dangerous)',
    code: 'VALUE_REMOVED_FROM_ENUM',
    coordinate: 'Category.OLD',
    severity: 'dangerous',
    edit: [['    OLD @deprecated(reason: "merged into GAMES")\n', '']],
    affected: [{ query: '{ productsIn(categories: OLD) { id } }' }],
    unaffected: [{ query: '{ productsIn(categories: GAMES) { id } }' }],
  },
  {
    title: 'a value removed from an enum with an argument default, sent or defaulted in a variable',
    code: 'VALUE_REMOVED_FROM_ENUM',
    coordinate: 'Currency.EUR',
    severity: 'breaking',
    edit: [['    EUR\n', '']],
    affected: [
      { query: product('price(currency: EUR)') },
      {
        query: 'query P($c: Currency = EUR) { product(id: "1") { price(currency: $c) } }',
        variables: {},
      },
      { query: filtered, variables: { f: { price: { currency: 'EUR' } } } },
    ],
    // The argument's default (USD) is not EUR.
    unaffected: [{ query: product('price') }, { query: product('price(currency: GBP)') }],
  },
  {
    title: 'a value removed from an enum a field returns: readers and senders',
    code: 'VALUE_REMOVED_FROM_ENUM',
    coordinate: 'Status.DRAFT',
    severity: 'breaking',
    edit: [['    DRAFT\n', '']],
    affected: [
      { query: product('status') },
      { query: filtered, variables: { f: { status: 'DRAFT' } } },
    ],
    unaffected: [{ query: filtered, variables: { f: { status: 'ACTIVE' } } }],
  },

  // ---- Unions and interfaces
  {
    title: 'a member added to a union',
    code: 'TYPE_ADDED_TO_UNION',
    coordinate: 'SearchResult',
    severity: 'dangerous',
    edit: [['union SearchResult = Product | Book', 'union SearchResult = Product | Book | Review']],
    affected: [{ query: '{ search(text: "x") { __typename } }' }],
    unaffected: [{ query: product('reviews { id }') }],
  },
  {
    title: 'a member removed from a union',
    code: 'TYPE_REMOVED_FROM_UNION',
    coordinate: 'SearchResult',
    severity: 'breaking',
    edit: [['union SearchResult = Product | Book', 'union SearchResult = Product']],
    affected: [{ query: '{ search(text: "x") { ... on Book { title } } }' }],
    unaffected: [{ query: '{ node(id: "1") { ... on Book { title } } }' }],
  },
  {
    title: 'a type that now implements an interface: readers of the interface',
    code: 'TYPE_ADDED_TO_INTERFACE',
    coordinate: 'Review',
    severity: 'dangerous',
    edit: [
      [
        'type Review {\n    id: ID!\n',
        'type Review implements Node {\n    id: ID!\n    parent: Node\n',
      ],
    ],
    affected: [{ query: '{ node(id: "1") { ... on Book { title } } }' }],
    unaffected: [{ query: product('reviews { id }') }],
  },
  {
    title: 'a type that no longer implements an interface: readers of the interface',
    code: 'TYPE_REMOVED_FROM_INTERFACE',
    coordinate: 'Book',
    severity: 'breaking',
    edit: [['type Book implements Node {', 'type Book {']],
    affected: [{ query: '{ node(id: "1") { id ... on Book { title } } }' }],
    unaffected: [{ query: '{ search(text: "x") { ... on Book { title } } }' }],
  },

  // ---- Directive definitions (executable: clients put them in operations)
  {
    title: 'an executable directive removed',
    code: 'DIRECTIVE_REMOVED',
    coordinate: '@tracked',
    severity: 'breaking',
    edit: [
      [
        'directive @tracked(label: String, level: Int = 1, tags: [String]) repeatable on FIELD | QUERY',
        '',
      ],
    ],
    affected: [
      { query: product('name @tracked') },
      { query: 'query Q @tracked { product(id: "1") { id } }' },
    ],
    unaffected: [{ query: product('name') }],
  },
  {
    title: "a directive's argument removed",
    code: 'DIRECTIVE_ARG_REMOVED',
    coordinate: '@tracked(label:)',
    severity: 'breaking',
    edit: [['@tracked(label: String, level', '@tracked(level']],
    affected: [
      {
        query: 'query L($l: String) { product(id: "1") { name @tracked(label: $l) } }',
        variables: { l: 'x' },
      },
    ],
    unaffected: [{ query: product('name @tracked(level: 2)') }],
  },
  {
    title: 'a required directive argument added',
    code: 'REQUIRED_DIRECTIVE_ARG_ADDED',
    coordinate: '@tracked(owner:)',
    severity: 'breaking',
    edit: [['tags: [String])', 'tags: [String], owner: String!)']],
    affected: [{ query: product('name @tracked') }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: "a directive argument's type changed",
    code: 'DIRECTIVE_ARG_CHANGED_TYPE',
    coordinate: '@tracked(label:)',
    severity: 'breaking',
    edit: [['@tracked(label: String,', '@tracked(label: Int,']],
    affected: [{ query: product('name @tracked(label: "x")') }],
    unaffected: [{ query: product('name @tracked(level: 2)') }],
  },
  {
    title: 'a directive argument made non-null: uses omitting it break',
    code: 'DIRECTIVE_ARG_CHANGED_TYPE',
    coordinate: '@tracked(tags:)',
    severity: 'breaking',
    edit: [['tags: [String])', 'tags: [String!]!)']],
    affected: [{ query: product('name @tracked') }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: "a directive argument's default changed",
    code: 'DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE',
    coordinate: '@tracked(level:)',
    severity: 'dangerous',
    edit: [['level: Int = 1', 'level: Int = 2']],
    affected: [{ query: product('name @tracked') }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'a directive location removed',
    code: 'DIRECTIVE_LOCATION_REMOVED',
    coordinate: '@tracked',
    severity: 'breaking',
    edit: [['repeatable on FIELD | QUERY', 'repeatable on FIELD']],
    affected: [{ query: 'query Q @tracked { product(id: "1") { id } }' }],
    unaffected: [{ query: product('name') }],
  },
  {
    title: 'a directive no longer repeatable',
    code: 'DIRECTIVE_REPEATABLE_REMOVED',
    coordinate: '@tracked',
    severity: 'breaking',
    edit: [['repeatable on FIELD | QUERY', 'on FIELD | QUERY']],
    affected: [{ query: product('name @tracked(label: "a") @tracked(label: "b")') }],
    unaffected: [{ query: product('name') }],
  },
];

const oldSchema: GraphQLSchema = buildSchema(BASE);
const facts = schemaFacts(BASE);

/** The operation's coordinates as the gateway reports them (variables coerced first). */
function gatewayCoordinates(sent: Sent): { type: string; coordinates: Set<string> } {
  const document = parse(sent.query);
  const operation = findOperation(document, undefined) as OperationDefinitionNode;
  const coerced = getVariableValues(
    oldSchema,
    operation.variableDefinitions ?? [],
    sent.variables ?? {},
  );
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  return {
    type: operation.operation,
    coordinates: new Set(collectCoordinates(oldSchema, document, undefined, coerced.coerced)),
  };
}

function proposal(edit: Case['edit']): string {
  let sdl = BASE;
  for (const [from, to] of edit) {
    expect(sdl.includes(from), `edit applies: ${from}`).toBe(true);
    sdl = sdl.replace(from, to);
  }
  return sdl;
}

describe('gateway coordinates meet registry matching', () => {
  it('covers every change code that can be breaking or dangerous', () => {
    const risky = Object.entries(SCHEMA_CHANGE_CODES)
      .filter(([, info]) => info.severity !== 'safe')
      .map(([code]) => code)
      .sort();
    expect([...new Set(CASES.map((c) => c.code))].sort()).toEqual(risky);
  });

  describe.each(CASES)('$code $coordinate: $title', (testCase) => {
    const changes = proposedChanges(BASE, proposal(testCase.edit)).map(soften);
    const index = changes.findIndex(
      (c) => c.code === testCase.code && c.coordinate === testCase.coordinate,
    );
    const change: SchemaChange | undefined = changes[index];
    const matchers = changeMatchers(changes, facts)[index];

    it('is emitted by the diff with the expected severity', () => {
      expect(change, JSON.stringify(changes, null, 2)).toBeDefined();
      expect(change!.severity).toBe(testCase.severity);
      // Usage can tell every one of these apart: none is weighed against the whole window.
      expect(matchers).toBeDefined();
    });

    it.each(testCase.affected)('flags $query $variables', (sent) => {
      const operation = gatewayCoordinates(sent);
      expect(matches(matchers!, operation), [...operation.coordinates].join(' ')).toBe(true);
    });

    it.each(testCase.unaffected)('does not flag $query $variables', (sent) => {
      const operation = gatewayCoordinates(sent);
      expect(matches(matchers!, operation), [...operation.coordinates].join(' ')).toBe(false);
    });
  });
});
