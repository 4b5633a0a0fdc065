import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

describe('types', () => {
  it('no changes between equal schemas, given as SDL or GraphQLSchema', () => {
    const sdl = `
      "The root" type Query { a(x: Int = 1): [A!] @deprecated(reason: "use b") b: B }
      type A implements N { id: ID! } interface N { id: ID! } union B = A
      enum E { X Y } input I { e: E = X }
      directive @d(i: I) repeatable on FIELD | OBJECT
    `;
    expect(diffSchemas(sdl, sdl)).toEqual([]);
    expect(diffSchemas(buildSchema(sdl), sdl)).toEqual([]);
    const schema = buildSchema(sdl);
    expect(diffSchemas(schema, schema)).toEqual([]);
  });

  it('TYPE_ADDED', () => {
    expect(diffSchemas('type Query { a: Int }', 'type Query { a: Int } type Product { upc: ID! }'))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_ADDED",
          "coordinate": "Product",
          "message": "Object type \`Product\` was added.",
          "meta": {
            "newType": "OBJECT",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('TYPE_REMOVED', () => {
    expect(
      diffSchemas(
        'type Query { a: Int } scalar Date input Filter { q: String }',
        'type Query { a: Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_REMOVED",
          "coordinate": "Date",
          "message": "Scalar \`Date\` was removed.",
          "meta": {
            "oldType": "SCALAR",
          },
          "severity": "breaking",
        },
        {
          "code": "TYPE_REMOVED",
          "coordinate": "Filter",
          "message": "Input object \`Filter\` was removed.",
          "meta": {
            "oldType": "INPUT_OBJECT",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('TYPE_CHANGED_KIND', () => {
    expect(
      diffSchemas(
        'type Query { c: Channel } type Channel { id: ID! }',
        'type Query { c: Channel } interface Channel { id: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_CHANGED_KIND",
          "coordinate": "Channel",
          "message": "\`Channel\` changed from an object type to an interface.",
          "meta": {
            "newType": "INTERFACE",
            "oldType": "OBJECT",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('TYPE_DESCRIPTION_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { a: A b: B c: C } type A { x: Int } "Old" type B { x: Int } "Gone" type C { x: Int }',
        'type Query { a: A b: B c: C } "New" type A { x: Int } "Changed" type B { x: Int } type C { x: Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_DESCRIPTION_CHANGE",
          "coordinate": "A",
          "message": "Description of object type \`A\` was added.",
          "severity": "safe",
        },
        {
          "code": "TYPE_DESCRIPTION_CHANGE",
          "coordinate": "B",
          "message": "Description of object type \`B\` changed.",
          "severity": "safe",
        },
        {
          "code": "TYPE_DESCRIPTION_CHANGE",
          "coordinate": "C",
          "message": "Description of object type \`C\` was removed.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('ROOT_TYPE_CHANGED', () => {
    expect(
      diffSchemas(
        'schema { query: Query mutation: Mutation } type Query { a: Int } type Mutation { m: Int }',
        'schema { query: Query } type Query { a: Int } type Mutation { m: Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ROOT_TYPE_CHANGED",
          "coordinate": "Mutation",
          "message": "The schema no longer has a mutation root type (was \`Mutation\`).",
          "meta": {
            "oldType": "Mutation",
            "operation": "mutation",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('a root type that goes away with its type is only TYPE_REMOVED', () => {
    expect(diffSchemas('type Query { a: Int } type Mutation { m: Int }', 'type Query { a: Int }'))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_REMOVED",
          "coordinate": "Mutation",
          "message": "Object type \`Mutation\` was removed.",
          "meta": {
            "oldType": "OBJECT",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('built-in scalars coming and going are not changes of their own', () => {
    expect(
      diffSchemas('type Query { a: Int }', 'type Query { a: Float }').map((c) => c.code),
    ).toEqual(['FIELD_CHANGED_TYPE']);
  });

  it('sorted by coordinate, then code, whatever the definition order', () => {
    const changes = diffSchemas(
      'type Query { z: Int a: Int } type B { y: Int } type A { x: Int }',
      'type Query { b: Int } type A { w: Int }',
    );
    expect(changes.map((c) => `${c.coordinate} ${c.code}`)).toEqual([
      'A.w FIELD_ADDED',
      'A.x FIELD_REMOVED',
      'B TYPE_REMOVED',
      'Query.a FIELD_REMOVED',
      'Query.b FIELD_ADDED',
      'Query.z FIELD_REMOVED',
    ]);
  });

  it('invalid SDL throws', () => {
    expect(() => diffSchemas('type Query { a: Missing }', 'type Query { a: Int }')).toThrow(
      /Unknown type "Missing"/,
    );
  });
});
