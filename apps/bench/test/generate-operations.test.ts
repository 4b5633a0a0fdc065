import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateOperations } from '../src/generate-operations.mjs';

const SCHEMA = buildSchema(`
  type Query { shelf(id: ID!): Shelf items(filter: Filter!): [Item] }
  input Filter { kind: Kind! limit: Int }
  enum Kind { BOOK FILM }
  type Shelf { id: ID! label: String items: [Item] owner: Person }
  interface Item { id: ID! title: String }
  type Book implements Item { id: ID! title: String author: Person }
  type Film implements Item { id: ID! title: String minutes(unit: String!): Int }
  type Person { name: String shelf: Shelf }
`);

describe('generateOperations', () => {
  it('generates valid, named, deterministic operations', () => {
    const operations = generateOperations(SCHEMA, { seed: 3, count: 8, depth: 3, breadth: 2 });
    expect(operations).toHaveLength(8);
    operations.forEach((text, i) => {
      expect(text.startsWith(`query Op${i} {`)).toBe(true);
      expect(validate(SCHEMA, parse(text))).toEqual([]);
    });
    expect(generateOperations(SCHEMA, { seed: 3, count: 8, depth: 3, breadth: 2 })).toEqual(
      operations,
    );
  });
});
