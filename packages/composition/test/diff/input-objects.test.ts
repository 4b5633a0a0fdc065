import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

const query = 'type Query { find(f: Filter): Int }';

describe('input objects', () => {
  it('FIELD_REMOVED_FROM_INPUT_OBJECT', () => {
    expect(
      diffSchemas(
        `${query} input Filter { q: String limit: Int old: Int @deprecated }`,
        `${query} input Filter { q: String }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_REMOVED_FROM_INPUT_OBJECT",
          "coordinate": "Filter.limit",
          "message": "Input field \`Filter.limit\` was removed.",
          "severity": "breaking",
        },
        {
          "code": "FIELD_REMOVED_FROM_INPUT_OBJECT",
          "coordinate": "Filter.old",
          "message": "Input field \`Filter.old\` (deprecated) was removed.",
          "meta": {
            "deprecated": true,
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT', () => {
    expect(
      diffSchemas(
        `${query} input Filter { q: String }`,
        `${query} input Filter { q: String locale: String! }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT",
          "coordinate": "Filter.locale",
          "message": "Required input field \`Filter.locale\` of type \`String!\` was added.",
          "meta": {
            "newType": "String!",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT: nullable, or non-null with a default', () => {
    expect(
      diffSchemas(
        `${query} input Filter { q: String }`,
        `${query} input Filter { q: String limit: Int first: Int! = 10 }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT",
          "coordinate": "Filter.first",
          "message": "Optional input field \`Filter.first\` of type \`Int!\` was added.",
          "meta": {
            "newType": "Int!",
          },
          "severity": "safe",
        },
        {
          "code": "OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT",
          "coordinate": "Filter.limit",
          "message": "Optional input field \`Filter.limit\` of type \`Int\` was added.",
          "meta": {
            "newType": "Int",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('FIELD_ON_INPUT_OBJECT_CHANGED_TYPE: looser is safe, stricter or another type breaking', () => {
    expect(
      diffSchemas(
        `${query} input Filter { a: Int! b: Int c: Int }`,
        `${query} input Filter { a: Int b: Int! c: ID }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_ON_INPUT_OBJECT_CHANGED_TYPE",
          "coordinate": "Filter.a",
          "message": "Input field \`Filter.a\` changed type from \`Int!\` to \`Int\`.",
          "meta": {
            "newType": "Int",
            "oldType": "Int!",
          },
          "severity": "safe",
        },
        {
          "code": "FIELD_ON_INPUT_OBJECT_CHANGED_TYPE",
          "coordinate": "Filter.b",
          "message": "Input field \`Filter.b\` changed type from \`Int\` to \`Int!\`.",
          "meta": {
            "newType": "Int!",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
        {
          "code": "FIELD_ON_INPUT_OBJECT_CHANGED_TYPE",
          "coordinate": "Filter.c",
          "message": "Input field \`Filter.c\` changed type from \`Int\` to \`ID\`.",
          "meta": {
            "newType": "ID",
            "oldType": "Int",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('INPUT_FIELD_DEFAULT_VALUE_CHANGE', () => {
    expect(
      diffSchemas(
        `${query} input Filter { limit: Int = 10 sort: Sort = ASC } enum Sort { ASC DESC }`,
        `${query} input Filter { limit: Int = 20 sort: Sort } enum Sort { ASC DESC }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "INPUT_FIELD_DEFAULT_VALUE_CHANGE",
          "coordinate": "Filter.limit",
          "message": "Default value of input field \`Filter.limit\` changed from \`10\` to \`20\`.",
          "meta": {
            "newValue": "20",
            "oldValue": "10",
          },
          "severity": "dangerous",
        },
        {
          "code": "INPUT_FIELD_DEFAULT_VALUE_CHANGE",
          "coordinate": "Filter.sort",
          "message": "Input field \`Filter.sort\` no longer has a default value (was \`ASC\`).",
          "meta": {
            "oldValue": "ASC",
          },
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('ONE_OF_ADDED', () => {
    expect(
      diffSchemas(
        `${query} input Filter { id: ID upc: String }`,
        `${query} input Filter @oneOf { id: ID upc: String }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ONE_OF_ADDED",
          "coordinate": "Filter",
          "message": "Input object \`Filter\` became @oneOf: exactly one of its fields must be given.",
          "severity": "breaking",
        },
      ]
    `);
  });

  it('ONE_OF_REMOVED', () => {
    expect(
      diffSchemas(
        `${query} input Filter @oneOf { id: ID upc: String }`,
        `${query} input Filter { id: ID upc: String }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ONE_OF_REMOVED",
          "coordinate": "Filter",
          "message": "Input object \`Filter\` is no longer @oneOf.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('input field descriptions and deprecations use the FIELD_ codes', () => {
    expect(
      diffSchemas(
        `${query} input Filter { q: String limit: Int }`,
        `${query} input Filter { "Text" q: String limit: Int @deprecated(reason: "Paginate") }`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "FIELD_DEPRECATED",
          "coordinate": "Filter.limit",
          "message": "Input field \`Filter.limit\` was deprecated (reason: "Paginate").",
          "meta": {
            "newValue": "Paginate",
          },
          "severity": "safe",
        },
        {
          "code": "FIELD_DESCRIPTION_CHANGE",
          "coordinate": "Filter.q",
          "message": "Description of input field \`Filter.q\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });
});
