import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

describe('fields of objects and interfaces', () => {
  it('FIELD_ADDED', () => {
    expect(
      diffSchemas(
        'type Query { p: Product } type Product { upc: ID! }',
        'type Query { p: Product } type Product { upc: ID! name: String }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_ADDED",
          "coordinate": "Product.name",
          "message": "Field \`Product.name\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_REMOVED', () => {
    expect(
      diffSchemas(
        'type Query { p: Product } type Product { upc: ID! legacySku: String }',
        'type Query { p: Product } type Product { upc: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_REMOVED",
          "coordinate": "Product.legacySku",
          "message": "Field \`Product.legacySku\` was removed.",
          "severity": "breaking",
        },
      ]
    `);
  });

  it('FIELD_REMOVED of a deprecated field: breaking, flagged meta.deprecated', () => {
    expect(
      diffSchemas(
        'type Query { p: Product } type Product { upc: ID! nameLowerCase: String! @deprecated(reason: "Use name") name: String! }',
        'type Query { p: Product } type Product { upc: ID! name: String! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_REMOVED",
          "coordinate": "Product.nameLowerCase",
          "message": "Field \`Product.nameLowerCase\` (deprecated) was removed.",
          "meta": {
            "deprecated": true,
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('a rename is a removal and an addition', () => {
    expect(
      diffSchemas(
        'type Query { p: Product } type Product { nameLowerCase: String }',
        'type Query { p: Product } type Product { name: String }',
      ).map((c) => `${c.code} ${c.coordinate} ${c.severity}`),
    ).toEqual(['FIELD_ADDED Product.name safe', 'FIELD_REMOVED Product.nameLowerCase breaking']);
  });

  it('FIELD_CHANGED_TYPE: an output type may get stricter (safe)', () => {
    expect(
      diffSchemas(
        'type Query { a: String b: [Int] c: [[Int]] }',
        'type Query { a: String! b: [Int!]! c: [[Int!]]! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.a",
          "message": "Field \`Query.a\` changed type from \`String\` to \`String!\`.",
          "meta": {
            "newType": "String!",
            "oldType": "String",
          },
          "severity": "safe",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.b",
          "message": "Field \`Query.b\` changed type from \`[Int]\` to \`[Int!]!\`.",
          "meta": {
            "newType": "[Int!]!",
            "oldType": "[Int]",
          },
          "severity": "safe",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.c",
          "message": "Field \`Query.c\` changed type from \`[[Int]]\` to \`[[Int!]]!\`.",
          "meta": {
            "newType": "[[Int!]]!",
            "oldType": "[[Int]]",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_CHANGED_TYPE: looser, another type, or another list depth (breaking)', () => {
    expect(
      diffSchemas(
        'type Query { a: String! b: [Int!] c: Int d: [Int] e: Int }',
        'type Query { a: String b: [Int] c: Float d: Int e: [Int] }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.a",
          "message": "Field \`Query.a\` changed type from \`String!\` to \`String\`.",
          "meta": {
            "newType": "String",
            "oldType": "String!",
          },
          "severity": "breaking",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.b",
          "message": "Field \`Query.b\` changed type from \`[Int!]\` to \`[Int]\`.",
          "meta": {
            "newType": "[Int]",
            "oldType": "[Int!]",
          },
          "severity": "breaking",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.c",
          "message": "Field \`Query.c\` changed type from \`Int\` to \`Float\`.",
          "meta": {
            "newType": "Float",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.d",
          "message": "Field \`Query.d\` changed type from \`[Int]\` to \`Int\`.",
          "meta": {
            "newType": "Int",
            "oldType": "[Int]",
          },
          "severity": "breaking",
        },
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Query.e",
          "message": "Field \`Query.e\` changed type from \`Int\` to \`[Int]\`.",
          "meta": {
            "newType": "[Int]",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('FIELD_CHANGED_TYPE on an interface field', () => {
    expect(
      diffSchemas(
        'type Query { c: Channel } interface Channel { id: ID }',
        'type Query { c: Channel } interface Channel { id: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_CHANGED_TYPE",
          "coordinate": "Channel.id",
          "message": "Field \`Channel.id\` changed type from \`ID\` to \`ID!\`.",
          "meta": {
            "newType": "ID!",
            "oldType": "ID",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_DESCRIPTION_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { a: Int "old" b: Int "gone" c: Int }',
        'type Query { "new" a: Int "changed" b: Int c: Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_DESCRIPTION_CHANGE",
          "coordinate": "Query.a",
          "message": "Description of field \`Query.a\` was added.",
          "severity": "safe",
        },
        {
          "code": "FIELD_DESCRIPTION_CHANGE",
          "coordinate": "Query.b",
          "message": "Description of field \`Query.b\` changed.",
          "severity": "safe",
        },
        {
          "code": "FIELD_DESCRIPTION_CHANGE",
          "coordinate": "Query.c",
          "message": "Description of field \`Query.c\` was removed.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_DEPRECATED', () => {
    expect(
      diffSchemas(
        'type Query { a: Int b: Int }',
        'type Query { a: Int @deprecated(reason: "Use b") b: Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_DEPRECATED",
          "coordinate": "Query.a",
          "message": "Field \`Query.a\` was deprecated (reason: "Use b").",
          "meta": {
            "newValue": "Use b",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_DEPRECATION_REMOVED', () => {
    expect(diffSchemas('type Query { a: Int @deprecated }', 'type Query { a: Int }'))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_DEPRECATION_REMOVED",
          "coordinate": "Query.a",
          "message": "Field \`Query.a\` is no longer deprecated.",
          "meta": {
            "oldValue": "No longer supported",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_DEPRECATED_REASON_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { a: Int @deprecated(reason: "Use b") }',
        'type Query { a: Int @deprecated(reason: "Use c") }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_DEPRECATED_REASON_CHANGE",
          "coordinate": "Query.a",
          "message": "Deprecation reason of field \`Query.a\` changed from "Use b" to "Use c".",
          "meta": {
            "newValue": "Use c",
            "oldValue": "Use b",
          },
          "severity": "safe",
        },
      ]
    `);
  });
});
