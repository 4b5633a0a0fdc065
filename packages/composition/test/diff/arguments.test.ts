import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

describe('arguments of fields', () => {
  it('ARG_REMOVED', () => {
    expect(
      diffSchemas(
        'type Query { search(q: String, limit: Int, old: Int @deprecated): [Int] }',
        'type Query { search(q: String): [Int] }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_REMOVED",
          "coordinate": "Query.search(limit:)",
          "message": "Argument \`Query.search(limit:)\` was removed.",
          "severity": "breaking",
        },
        {
          "code": "ARG_REMOVED",
          "coordinate": "Query.search(old:)",
          "message": "Argument \`Query.search(old:)\` (deprecated) was removed.",
          "meta": {
            "deprecated": true,
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('REQUIRED_ARG_ADDED', () => {
    expect(
      diffSchemas(
        'type Query { search(q: String): [Int] }',
        'type Query { search(q: String, locale: String!): [Int] }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "REQUIRED_ARG_ADDED",
          "coordinate": "Query.search(locale:)",
          "message": "Required argument \`Query.search(locale:)\` of type \`String!\` was added.",
          "meta": {
            "newType": "String!",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('OPTIONAL_ARG_ADDED: nullable, or non-null with a default', () => {
    expect(
      diffSchemas(
        'type Query { search(q: String): [Int] }',
        'type Query { search(q: String, limit: Int, first: Int! = 10): [Int] }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "OPTIONAL_ARG_ADDED",
          "coordinate": "Query.search(first:)",
          "message": "Optional argument \`Query.search(first:)\` of type \`Int!\` was added.",
          "meta": {
            "newType": "Int!",
          },
          "severity": "safe",
        },
        {
          "code": "OPTIONAL_ARG_ADDED",
          "coordinate": "Query.search(limit:)",
          "message": "Optional argument \`Query.search(limit:)\` of type \`Int\` was added.",
          "meta": {
            "newType": "Int",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ARG_CHANGED_TYPE: an input type may get looser (safe)', () => {
    expect(
      diffSchemas(
        'type Query { a(x: Int!, y: [Int!]!): Int }',
        'type Query { a(x: Int, y: [Int]): Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_CHANGED_TYPE",
          "coordinate": "Query.a(x:)",
          "message": "Argument \`Query.a(x:)\` changed type from \`Int!\` to \`Int\`.",
          "meta": {
            "newType": "Int",
            "oldType": "Int!",
          },
          "severity": "safe",
        },
        {
          "code": "ARG_CHANGED_TYPE",
          "coordinate": "Query.a(y:)",
          "message": "Argument \`Query.a(y:)\` changed type from \`[Int!]!\` to \`[Int]\`.",
          "meta": {
            "newType": "[Int]",
            "oldType": "[Int!]!",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ARG_CHANGED_TYPE: stricter inside a list, or another type (breaking)', () => {
    expect(
      diffSchemas(
        'type Query { a(x: [Int], y: Int, z: [Int]): Int }',
        'type Query { a(x: [Int!], y: String, z: Int): Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_CHANGED_TYPE",
          "coordinate": "Query.a(x:)",
          "message": "Argument \`Query.a(x:)\` changed type from \`[Int]\` to \`[Int!]\`.",
          "meta": {
            "newType": "[Int!]",
            "oldType": "[Int]",
          },
          "severity": "breaking",
        },
        {
          "code": "ARG_CHANGED_TYPE",
          "coordinate": "Query.a(y:)",
          "message": "Argument \`Query.a(y:)\` changed type from \`Int\` to \`String\`.",
          "meta": {
            "newType": "String",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
        {
          "code": "ARG_CHANGED_TYPE",
          "coordinate": "Query.a(z:)",
          "message": "Argument \`Query.a(z:)\` changed type from \`[Int]\` to \`Int\`.",
          "meta": {
            "newType": "Int",
            "oldType": "[Int]",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED', () => {
    expect(
      diffSchemas(
        'type Query { search(limit: Int): [Int] }',
        'type Query { search(limit: Int!): [Int] }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED",
          "coordinate": "Query.search(limit:)",
          "message": "Argument \`Query.search(limit:)\` changed type from \`Int\` to \`Int!\`.",
          "meta": {
            "newType": "Int!",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('ARG_DEFAULT_VALUE_CHANGE: changed, added, removed', () => {
    expect(
      diffSchemas(
        'type Query { a(x: Int = 1, y: Int, z: String = "z"): Int }',
        'type Query { a(x: Int = 2, y: Int = 5, z: String): Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_DEFAULT_VALUE_CHANGE",
          "coordinate": "Query.a(x:)",
          "message": "Default value of argument \`Query.a(x:)\` changed from \`1\` to \`2\`.",
          "meta": {
            "newValue": "2",
            "oldValue": "1",
          },
          "severity": "dangerous",
        },
        {
          "code": "ARG_DEFAULT_VALUE_CHANGE",
          "coordinate": "Query.a(y:)",
          "message": "Argument \`Query.a(y:)\` got the default value \`5\`.",
          "meta": {
            "newValue": "5",
          },
          "severity": "dangerous",
        },
        {
          "code": "ARG_DEFAULT_VALUE_CHANGE",
          "coordinate": "Query.a(z:)",
          "message": "Argument \`Query.a(z:)\` no longer has a default value (was \`"z"\`).",
          "meta": {
            "oldValue": ""z"",
          },
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('equal defaults written differently are no change', () => {
    expect(
      diffSchemas(
        'type Query { a(o: O = {a: 1, b: [1]}, l: [Int] = 1): Int } input O { a: Int b: [Int] }',
        'type Query { a(o: O = {b: 1, a: 1}, l: [Int] = [1]): Int } input O { b: [Int] a: Int }',
      ),
    ).toEqual([]);
  });

  it('ARG_DESCRIPTION_CHANGE', () => {
    expect(diffSchemas('type Query { a(x: Int): Int }', 'type Query { a("How many" x: Int): Int }'))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_DESCRIPTION_CHANGE",
          "coordinate": "Query.a(x:)",
          "message": "Description of argument \`Query.a(x:)\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('ARG_DEPRECATED', () => {
    expect(
      diffSchemas(
        'type Query { a(x: Int): Int }',
        'type Query { a(x: Int @deprecated(reason: "Ignored")): Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_DEPRECATED",
          "coordinate": "Query.a(x:)",
          "message": "Argument \`Query.a(x:)\` was deprecated (reason: "Ignored").",
          "meta": {
            "newValue": "Ignored",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ARG_DEPRECATION_REMOVED', () => {
    expect(
      diffSchemas('type Query { a(x: Int @deprecated): Int }', 'type Query { a(x: Int): Int }'),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_DEPRECATION_REMOVED",
          "coordinate": "Query.a(x:)",
          "message": "Argument \`Query.a(x:)\` is no longer deprecated.",
          "meta": {
            "oldValue": "No longer supported",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ARG_DEPRECATED_REASON_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { a(x: Int @deprecated(reason: "old")): Int }',
        'type Query { a(x: Int @deprecated(reason: "new")): Int }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ARG_DEPRECATED_REASON_CHANGE",
          "coordinate": "Query.a(x:)",
          "message": "Deprecation reason of argument \`Query.a(x:)\` changed from "old" to "new".",
          "meta": {
            "newValue": "new",
            "oldValue": "old",
          },
          "severity": "safe",
        },
      ]
    `);
  });
});
