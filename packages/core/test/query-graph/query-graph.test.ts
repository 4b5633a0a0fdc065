import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildQueryGraph,
  printQueryGraphDot,
  printQueryGraphMermaid,
  readSupergraph,
} from '../../src/index.js';

const sdl = readFileSync(
  new URL('../supergraph/fixtures/products-v05.graphql', import.meta.url),
  'utf8',
);
const read = readSupergraph(sdl);
if (!read.ok) throw new Error('fixture does not read');
const graph = buildQueryGraph(read.supergraph);

describe('buildQueryGraph', () => {
  it('has one vertex per composite type and subgraph, and root vertices per subgraph', () => {
    const names = graph.vertices.map((v) => `${v.type}(${v.subgraph})`);
    expect(names).toContain('Product(products)');
    expect(names).toContain('Product(reviews)');
    expect(names).not.toContain('Color(products)');
    expect(graph.roots.query.map((v) => v.subgraph)).toEqual(['accounts', 'products', 'reviews']);
    expect(graph.roots.mutation).toEqual([]);
  });

  it('puts field edges with their flags and tails', () => {
    const product = graph.vertex('Product', 'reviews');
    expect(product?.fields.get('price')).toMatchObject({ external: true });
    expect(product?.fields.get('shipping')?.requires?.source).toBe('price');
    expect(product?.fields.get('name')?.overrideCondition).toEqual({
      label: 'percent(20)',
      on: true,
    });
    expect(graph.vertex('Product', 'products')?.fields.get('name')?.overrideCondition).toEqual({
      label: 'percent(20)',
      on: false,
    });
    const author = graph.vertex('Review', 'reviews')?.fields.get('author');
    expect(author?.tail).toBe(graph.vertex('User', 'reviews'));
    expect(author?.provides?.source).toBe('name');
    expect(graph.vertex('Product', 'products')?.fields.get('price')?.tail).toBeUndefined();
  });

  it('puts downcasts on abstract types only where the subgraph knows the implementation', () => {
    expect([...(graph.vertex('Media', 'products')?.downcasts.keys() ?? [])]).toEqual([
      'Book',
      'Movie',
    ]);
    expect([...(graph.vertex('Item', 'products')?.downcasts.keys() ?? [])]).toEqual([
      'Book',
      'Movie',
    ]);
    // The @interfaceObject knows no implementation.
    const io = graph.vertex('Media', 'reviews');
    expect(io).toMatchObject({ kind: 'OBJECT', isInterfaceObject: true });
    expect(io?.downcasts.size).toBe(0);
  });

  it('jumps only into subgraphs with a resolvable key, and into interface objects from implementations', () => {
    const fromProducts = graph.keyEdges(graph.vertex('Product', 'products')!);
    expect(fromProducts.map((e) => [e.tail.subgraph, e.key?.fields.source])).toEqual([
      ['reviews', 'upc'],
    ]);
    // products' "sku" key is resolvable: false, so nothing jumps into products through it.
    const fromReviews = graph.keyEdges(graph.vertex('Product', 'reviews')!);
    expect(fromReviews.map((e) => e.key?.fields.source)).toEqual(['upc']);
    const fromBook = graph.keyEdges(graph.vertex('Book', 'products')!);
    expect(fromBook.map((e) => `${e.tail.type}(${e.tail.subgraph})`)).toEqual(['Media(reviews)']);
    // Query roots reach each other without a condition.
    const fromRoot = graph.keyEdges(graph.vertex('Query', 'accounts')!);
    expect(fromRoot.map((e) => [e.tail.subgraph, e.key])).toEqual([
      ['products', undefined],
      ['reviews', undefined],
    ]);
  });

  it('dumps to DOT and Mermaid', () => {
    const dot = printQueryGraphDot(graph, { types: ['Product'] });
    expect(dot).toMatch(/^digraph QueryGraph \{/);
    expect(dot).toContain('label="Product(products)"');
    expect(dot).toContain('[label="key(upc)", style=bold]');
    expect(dot).toContain('label="shipping @requires(price)"');
    const mermaid = printQueryGraphMermaid(graph, { subgraphs: ['reviews'] });
    expect(mermaid).toMatch(/^flowchart LR/);
    expect(mermaid).toContain('|"author @provides(name)"|');
  });
});
