import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('DIRECTIVE_DEFINITION_INVALID', () => {
  it('is reported for an unknown argument, a wrong type or a missing required argument', () => {
    const unknown = expectCode('DIRECTIVE_DEFINITION_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `directive @shareable(x: Int) on FIELD_DEFINITION\ntype Query { x: Int @shareable }`,
          ['@shareable'],
        ),
      },
    ]);
    expect(unknown[0]?.message).toBe(
      '[a] Invalid definition for directive "@shareable": unknown/unsupported argument "x"',
    );
    const wrongType = expectCode('DIRECTIVE_DEFINITION_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `directive @key(fields: FieldSet!) repeatable on OBJECT\nscalar FieldSet\ntype Query { t: T }\ntype T @key(fields: "id") { id: ID }`,
          ['@key'],
        ),
      },
    ]);
    expect(wrongType[0]?.message).toBe(
      '[a] Invalid definition for directive "@key": argument "fields" should have type "federation__FieldSet!" but found type "FieldSet!"',
    );
    expectCode('DIRECTIVE_DEFINITION_INVALID', [
      {
        name: 'a',
        sdl: fed2(`directive @tag repeatable on FIELD_DEFINITION\ntype Query { x: Int }`, ['@tag']),
      },
    ]);
  });

  it('is not reported for definitions matching the spec (or String! field sets)', () => {
    expectNoCode('DIRECTIVE_DEFINITION_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `directive @key(fields: FieldSet!) repeatable on OBJECT | INTERFACE\nscalar FieldSet\ndirective @requires(fields: String!) on FIELD_DEFINITION\ndirective @tag(name: String!) repeatable on FIELD_DEFINITION\ntype Query { t: T @tag(name: "x") }\ntype T @key(fields: "id") { id: ID }`,
          ['@key', 'FieldSet', '@requires', '@tag'],
        ),
      },
    ]);
  });
});
