import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

const query = 'type Query { a: Int }';

describe('directive definitions', () => {
  it('DIRECTIVE_ADDED', () => {
    expect(diffSchemas(query, `${query} directive @lowercase on FIELD`)).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_ADDED",
          "coordinate": "@lowercase",
          "message": "Directive \`@lowercase\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('DIRECTIVE_REMOVED: breaking when operations could use it, safe otherwise', () => {
    expect(
      diffSchemas(
        `${query} directive @lowercase on FIELD directive @cost(weight: Int) on FIELD_DEFINITION`,
        query,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_REMOVED",
          "coordinate": "@cost",
          "message": "Directive \`@cost\` was removed (operations could not use it).",
          "severity": "safe",
        },
        {
          "code": "DIRECTIVE_REMOVED",
          "coordinate": "@lowercase",
          "message": "Directive \`@lowercase\` was removed.",
          "severity": "breaking",
        },
      ]
    `);
  });

  it('DIRECTIVE_ARG_REMOVED', () => {
    expect(
      diffSchemas(
        `${query} directive @format(locale: String, style: String) on FIELD`,
        `${query} directive @format(locale: String) on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_ARG_REMOVED",
          "coordinate": "@format(style:)",
          "message": "Argument \`@format(style:)\` was removed.",
          "severity": "breaking",
        },
      ]
    `);
  });

  it('REQUIRED_DIRECTIVE_ARG_ADDED', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD directive @cost on OBJECT`,
        `${query} directive @format(locale: String!) on FIELD directive @cost(weight: Int!) on OBJECT`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "REQUIRED_DIRECTIVE_ARG_ADDED",
          "coordinate": "@cost(weight:)",
          "message": "Required argument \`@cost(weight:)\` of type \`Int!\` was added.",
          "meta": {
            "newType": "Int!",
          },
          "severity": "safe",
        },
        {
          "code": "REQUIRED_DIRECTIVE_ARG_ADDED",
          "coordinate": "@format(locale:)",
          "message": "Required argument \`@format(locale:)\` of type \`String!\` was added.",
          "meta": {
            "newType": "String!",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('OPTIONAL_DIRECTIVE_ARG_ADDED', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD`,
        `${query} directive @format(locale: String, style: String! = "short") on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "OPTIONAL_DIRECTIVE_ARG_ADDED",
          "coordinate": "@format(locale:)",
          "message": "Optional argument \`@format(locale:)\` of type \`String\` was added.",
          "meta": {
            "newType": "String",
          },
          "severity": "safe",
        },
        {
          "code": "OPTIONAL_DIRECTIVE_ARG_ADDED",
          "coordinate": "@format(style:)",
          "message": "Optional argument \`@format(style:)\` of type \`String!\` was added.",
          "meta": {
            "newType": "String!",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('DIRECTIVE_ARG_CHANGED_TYPE', () => {
    expect(
      diffSchemas(
        `${query} directive @format(locale: String, style: String!) on FIELD`,
        `${query} directive @format(locale: String!, style: String) on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_ARG_CHANGED_TYPE",
          "coordinate": "@format(locale:)",
          "message": "Argument \`@format(locale:)\` changed type from \`String\` to \`String!\`.",
          "meta": {
            "newType": "String!",
            "oldType": "String",
          },
          "severity": "breaking",
        },
        {
          "code": "DIRECTIVE_ARG_CHANGED_TYPE",
          "coordinate": "@format(style:)",
          "message": "Argument \`@format(style:)\` changed type from \`String!\` to \`String\`.",
          "meta": {
            "newType": "String",
            "oldType": "String!",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE', () => {
    expect(
      diffSchemas(
        `${query} directive @format(style: String = "short") on FIELD`,
        `${query} directive @format(style: String = "long") on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE",
          "coordinate": "@format(style:)",
          "message": "Default value of argument \`@format(style:)\` changed from \`"short"\` to \`"long"\`.",
          "meta": {
            "newValue": ""long"",
            "oldValue": ""short"",
          },
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('DIRECTIVE_LOCATION_ADDED', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD`,
        `${query} directive @format on FIELD | FRAGMENT_SPREAD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_LOCATION_ADDED",
          "coordinate": "@format",
          "message": "Directive \`@format\` can now be used on FRAGMENT_SPREAD.",
          "meta": {
            "location": "FRAGMENT_SPREAD",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('DIRECTIVE_LOCATION_REMOVED: breaking for an executable location', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD | INLINE_FRAGMENT | FIELD_DEFINITION`,
        `${query} directive @format on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_LOCATION_REMOVED",
          "coordinate": "@format",
          "message": "Directive \`@format\` can no longer be used on FIELD_DEFINITION.",
          "meta": {
            "location": "FIELD_DEFINITION",
          },
          "severity": "safe",
        },
        {
          "code": "DIRECTIVE_LOCATION_REMOVED",
          "coordinate": "@format",
          "message": "Directive \`@format\` can no longer be used on INLINE_FRAGMENT.",
          "meta": {
            "location": "INLINE_FRAGMENT",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('DIRECTIVE_REPEATABLE_ADDED', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD`,
        `${query} directive @format repeatable on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_REPEATABLE_ADDED",
          "coordinate": "@format",
          "message": "Directive \`@format\` is now repeatable.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('DIRECTIVE_REPEATABLE_REMOVED', () => {
    expect(
      diffSchemas(
        `${query} directive @format repeatable on FIELD`,
        `${query} directive @format on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_REPEATABLE_REMOVED",
          "coordinate": "@format",
          "message": "Directive \`@format\` is no longer repeatable.",
          "severity": "breaking",
        },
      ]
    `);
  });

  it('DIRECTIVE_DESCRIPTION_CHANGE', () => {
    expect(
      diffSchemas(
        `${query} directive @format on FIELD`,
        `${query} "Formats a value" directive @format on FIELD`,
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "DIRECTIVE_DESCRIPTION_CHANGE",
          "coordinate": "@format",
          "message": "Description of directive \`@format\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });
});
