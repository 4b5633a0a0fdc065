import {
  getVariableValues,
  parse,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectCoordinates } from '../../src/index.js';
import { analyzeOperation, findOperation } from '../../src/usage/coordinates.js';
import { catalogApiSchema } from './fixtures.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await catalogApiSchema();
});

/** Coordinates of `text` with `variables` coerced by graphql-js, as the gateway coerces them. */
function coordinates(
  text: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): string[] {
  const document = parse(text);
  const operation = findOperation(document, operationName)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  return collectCoordinates(schema, document, operationName, coerced.coerced);
}

describe('collectCoordinates', () => {
  it('lists types, fields and arguments passed, sorted and unique', () => {
    expect(
      coordinates(
        'query Q($id: ID!) { product(id: $id) { name n2: name price(currency: USD) reviews(minRating: 3) { rating } } }',
        { id: 'p1' },
      ),
    ).toEqual([
      'Currency',
      'Currency.USD',
      'Float',
      'ID',
      'Int',
      'Product',
      'Product.name',
      'Product.price',
      'Product.price(currency:)',
      'Product.reviews',
      'Product.reviews(minRating:)',
      'Query',
      'Query.product',
      'Query.product(id:)',
      'Review',
      'Review.rating',
      'String',
    ]);
  });

  it('attributes interface fields to every implementation in the API schema, not to __typename', () => {
    expect(
      coordinates(
        '{ node(id: "1") { id __typename ... on Product { name } ...B } } fragment B on Book { title }',
      ),
    ).toEqual([
      'Book',
      'Book.id',
      'Book.title',
      'ID',
      'Node',
      'Node.id',
      'Product',
      'Product.id',
      'Product.name',
      'Query',
      'Query.node',
      'Query.node(id:)',
      'String',
    ]);
  });

  it('takes union members from type conditions and leaves introspection out', () => {
    expect(
      coordinates(
        '{ __schema { queryType { name } } search(text: "x") { __typename ... on Book { title } } }',
      ),
    ).toEqual([
      'Book',
      'Book.title',
      'Query',
      'Query.search',
      'Query.search(text:)',
      'SearchResult',
      'String',
    ]);
  });

  it('walks input object and enum literals, nested and in lists', () => {
    expect(
      coordinates(
        '{ products(filter: { category: GAMES, price: { min: 1, currency: USD }, and: [{ tags: ["a"] }] }, first: 5) { id } }',
      ),
    ).toEqual([
      'Category',
      'Category.GAMES',
      'Currency',
      'Currency.USD',
      'Float',
      'ID',
      'Int',
      'PriceRange',
      'PriceRange.currency',
      'PriceRange.min',
      'Product',
      'Product.id',
      'ProductFilter',
      'ProductFilter.and',
      'ProductFilter.category',
      'ProductFilter.price',
      'ProductFilter.tags',
      'Query',
      'Query.products',
      'Query.products(filter:)',
      'Query.products(first:)',
      'String',
    ]);
  });

  it('reads a single enum value given where a list is expected', () => {
    const found = coordinates('{ productsIn(categories: GAMES) { id } }');
    expect(found).toContain('Category.GAMES');
    expect(found).toContain('Query.productsIn(categories:)');
  });

  it('walks the coerced values of input object variables', () => {
    expect(
      coordinates(
        'mutation M($input: NewProduct!) { addProduct(input: $input) { id } }',
        { input: { name: 'Chess', category: 'TOYS' } },
        'M',
      ),
    ).toEqual([
      'Category',
      'Category.TOYS',
      'ID',
      'Mutation',
      'Mutation.addProduct',
      'Mutation.addProduct(input:)',
      'NewProduct',
      'NewProduct.category',
      'NewProduct.name',
      'Product',
      'Product.id',
      'String',
    ]);
  });

  it('walks enum values nested in lists of input objects in variables', () => {
    const found = coordinates('query V($f: ProductFilter) { products(filter: $f) { id } }', {
      f: { and: [{ category: 'BOOKS' }, { price: { currency: 'EUR' } }] },
    });
    expect(found).toEqual([
      'Category',
      'Category.BOOKS',
      'Currency',
      'Currency.EUR',
      'ID',
      'PriceRange',
      'PriceRange.currency',
      'Product',
      'Product.id',
      'ProductFilter',
      'ProductFilter.and',
      'ProductFilter.category',
      'ProductFilter.price',
      'Query',
      'Query.products',
      'Query.products(filter:)',
    ]);
  });

  it('walks lists of enum variables, and different values give different coordinates', () => {
    const text = 'query C($cats: [Category!]!) { productsIn(categories: $cats) { name } }';
    const books = coordinates(text, { cats: ['BOOKS', 'TOYS'] });
    expect(books.filter((c) => c.startsWith('Category.'))).toEqual([
      'Category.BOOKS',
      'Category.TOYS',
    ]);
    const games = coordinates(text, { cats: 'GAMES' });
    expect(games.filter((c) => c.startsWith('Category.'))).toEqual(['Category.GAMES']);
    expect(coordinates(text, { cats: [] }).some((c) => c.startsWith('Category.'))).toBe(false);
  });

  it('counts variable default values as given', () => {
    const found = coordinates(
      'query D($f: ProductFilter = { category: TOYS }) { products(filter: $f) { id } }',
    );
    expect(found).toContain('ProductFilter.category');
    expect(found).toContain('Category.TOYS');
  });

  it('reads fragments once however often they are spread, and picks the named operation', () => {
    const text = `
      query A { product(id: "1") { ...P ...P } }
      query B { search(text: "x") { ... on Book { title } } }
      fragment P on Product { name category }
    `;
    expect(coordinates(text, {}, 'A')).toEqual([
      'Category',
      'ID',
      'Product',
      'Product.category',
      'Product.name',
      'Query',
      'Query.product',
      'Query.product(id:)',
      'String',
    ]);
    expect(coordinates(text, {}, 'B')).toContain('Book.title');
    expect(collectCoordinates(schema, parse(text), undefined)).toEqual([]);
  });

  it('leaves the per-request walk out for operations whose variables are scalars', () => {
    const analyze = (text: string) => {
      const document = parse(text);
      const operation = document.definitions[0] as OperationDefinitionNode;
      return analyzeOperation(schema, document, operation).valueVariables.map((v) => v.name);
    };
    expect(
      analyze('query Q($id: ID!, $n: Int) { product(id: $id) { reviews(minRating: $n) { id } } }'),
    ).toEqual([]);
    expect(
      analyze(
        'query Q($c: Currency, $f: [ProductFilter], $id: ID!) { product(id: $id) { price(currency: $c) } products(filter: $f) { id } }',
      ),
    ).toEqual(['c', 'f']);
  });
});
