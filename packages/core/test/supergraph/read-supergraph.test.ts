import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractSubgraphs,
  printExtractedSubgraph,
  readSupergraph,
  type SupergraphModel,
} from '../../src/index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`fixtures/${name}.graphql`, import.meta.url), 'utf8');

function read(sdl: string): SupergraphModel {
  const result = readSupergraph(sdl);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraph;
}

describe('readSupergraph on a join v0.5 supergraph from @apollo/composition', () => {
  const model = read(fixture('products-v05'));

  it('reads the subgraphs, roots and join version', () => {
    expect(model.bootstrap).toBe('link');
    expect(model.joinVersion).toBe('0.5');
    expect(model.subgraphs).toEqual([
      { enumValue: 'ACCOUNTS', name: 'accounts', url: 'http://accounts.local/graphql' },
      { enumValue: 'PRODUCTS', name: 'products', url: 'http://products.local/graphql' },
      { enumValue: 'REVIEWS', name: 'reviews', url: 'http://reviews.local/graphql' },
    ]);
    expect(model.roots).toEqual({ query: 'Query' });
    expect(
      [...model.types.keys()].some((n) => n.startsWith('join__') || n.startsWith('link__')),
    ).toBe(false);
  });

  it('reads keys with resolvable and parsed field sets', () => {
    const product = model.types.get('Product');
    const keys = product?.subgraphs.get('products')?.keys ?? [];
    expect(keys.map((k) => [k.fields.source, k.resolvable])).toEqual([
      ['upc', true],
      ['sku', false],
    ]);
    expect(keys[0]?.fields.selectionSet.selections).toHaveLength(1);
    expect(product?.subgraphs.get('reviews')?.keys.map((k) => k.fields.source)).toEqual(['upc']);
  });

  it('reads join__field: requires, external, override labels, context arguments, inaccessible', () => {
    const fields = model.types.get('Product')?.fields;
    expect(fields?.get('shipping')?.subgraphs.get('reviews')?.requires?.source).toBe('price');
    expect(fields?.get('price')?.subgraphs.get('reviews')?.external).toBe(true);
    const name = fields?.get('name')?.subgraphs;
    expect(name?.get('reviews')).toMatchObject({
      override: 'products',
      overrideLabel: 'percent(20)',
    });
    expect(name?.get('products')).toMatchObject({ overrideLabel: 'percent(20)' });
    expect(name?.get('products')?.override).toBeUndefined();
    expect(fields?.get('label')?.subgraphs.get('products')?.contextArguments).toEqual([
      { context: 'products__shop', name: 'locale', type: 'String', selection: ' { name }' },
    ]);
    expect(fields?.get('secret')?.inaccessible).toBe(true);
    // No join__field: every subgraph of the type.
    expect([...(fields?.get('upc')?.subgraphs.keys() ?? [])]).toEqual(['products', 'reviews']);
    expect(
      model.types.get('Review')?.fields.get('author')?.subgraphs.get('reviews')?.provides?.source,
    ).toBe('name');
  });

  it('reads interface objects, implementations, union members and enum values per subgraph', () => {
    const media = model.types.get('Media');
    expect(media?.subgraphs.get('reviews')?.isInterfaceObject).toBe(true);
    expect(media?.subgraphs.get('products')?.isInterfaceObject).toBe(false);
    // A bare @join__field: no subgraph resolves Book.reviews directly.
    expect(model.types.get('Book')?.fields.get('reviews')?.subgraphs.size).toBe(0);
    expect(model.types.get('Book')?.subgraphs.get('products')?.interfaces).toEqual(['Media']);
    expect(model.implementations.get('Media')).toEqual(['Book', 'Movie']);
    expect(model.types.get('Item')?.subgraphs.get('products')?.unionMembers).toEqual([
      'Book',
      'Movie',
    ]);
    expect(model.types.get('Color')?.subgraphs.get('products')?.enumValues).toEqual([
      'RED',
      'GREEN',
    ]);
  });

  it('extracts each subgraph as the supergraph describes it', () => {
    const subgraphs = extractSubgraphs(model);
    const reviews = subgraphs.get('reviews');
    expect(reviews?.types.get('Media')).toMatchObject({ kind: 'OBJECT', isInterfaceObject: true });
    expect(reviews?.types.has('Book')).toBe(false);
    expect([...(reviews?.types.get('Product')?.fields.keys() ?? [])]).toEqual([
      'upc',
      'name',
      'price',
      'weight',
      'shipping',
    ]);
    const printed = printExtractedSubgraph(reviews as NonNullable<typeof reviews>);
    expect(printed).toContain('type Product @key(fields: "upc") {');
    expect(printed).toContain('  shipping: Int @requires(fields: "price")');
    expect(printed).toContain('  price: Int @external');
    expect(printed).toContain('  name: String @override(from: "products", label: "percent(20)")');
    expect(printed).toContain('type Media @key(fields: "id") @interfaceObject {');
  });

  it('honours a renamed join spec (@link(as:))', () => {
    const renamed = fixture('products-v05')
      .replace(
        '@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)',
        '@link(url: "https://specs.apollo.dev/join/v0.5", as: "j", for: EXECUTION)',
      )
      .replace(/join__/g, 'j__');
    const other = read(renamed);
    expect(other.subgraphs.map((s) => s.name)).toEqual(['accounts', 'products', 'reviews']);
    expect(
      other.types
        .get('Product')
        ?.subgraphs.get('products')
        ?.keys.map((k) => k.fields.source),
    ).toEqual(['upc', 'sku']);
    expect(other.types.has('j__Graph')).toBe(false);
  });
});

describe('readSupergraph on a fed-1-era supergraph (core v0.1, join v0.1)', () => {
  const model = read(fixture('fed1-core-v01'));

  it('reads the core bootstrap and join__owner', () => {
    expect(model.bootstrap).toBe('core');
    expect(model.joinVersion).toBe('0.1');
    const user = model.types.get('User');
    expect([...(user?.subgraphs.keys() ?? [])]).toEqual(['accounts', 'reviews']);
    // No join__field on an owned type: the owner resolves it.
    expect([...(user?.fields.get('name')?.subgraphs.keys() ?? [])]).toEqual(['accounts']);
    expect([...(user?.fields.get('reviews')?.subgraphs.keys() ?? [])]).toEqual(['reviews']);
    // Value types carry no join__type in v0.1: read as present everywhere.
    expect([...(model.types.get('Review')?.subgraphs.keys() ?? [])]).toEqual([
      'accounts',
      'reviews',
    ]);
  });
});

describe('readSupergraph on bad input', () => {
  const codeOf = (sdl: string): string[] => {
    const result = readSupergraph(sdl);
    return result.ok ? [] : result.errors.map((e) => e.code);
  };

  it.each([
    ['does not parse', 'type Query {'],
    ['is no core schema', 'type Query { a: Int }'],
    [
      'does not link join',
      'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query } type Query { a: Int }',
    ],
    [
      'links an unknown join version',
      'schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.9") { query: Query } type Query { a: Int }',
    ],
    [
      'has no join__Graph enum',
      'schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3") { query: Query } type Query { a: Int }',
    ],
  ])('gives INVALID_FEDERATION_SUPERGRAPH when it %s', (_, sdl) => {
    expect(codeOf(sdl)).toEqual(['INVALID_FEDERATION_SUPERGRAPH']);
  });

  it('reports unknown graphs and unparsable field sets without throwing', () => {
    const sdl = fixture('products-v05')
      .replace('@join__type(graph: ACCOUNTS, key: "id")', '@join__type(graph: NOPE, key: "id")')
      .replace(
        '@join__type(graph: REVIEWS, key: "upc")',
        '@join__type(graph: REVIEWS, key: "upc {")',
      );
    const result = readSupergraph(sdl);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toEqual([
      'INVALID_FEDERATION_SUPERGRAPH',
      'INVALID_FEDERATION_SUPERGRAPH',
    ]);
    const messages = result.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/names unknown graph NOPE/);
    expect(messages).toMatch(/key "upc \{" of @join__type on Product is not a valid field set/);
  });
});
