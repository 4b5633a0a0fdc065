import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_DIRECTIVE_IN_FIELDS_ARG', () => {
  it('is reported', () => {
    expectCode('REQUIRES_DIRECTIVE_IN_FIELDS_ARG', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! y: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! y: Int @external z: Int @requires(fields: "y @include(if: false)") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_DIRECTIVE_IN_FIELDS_ARG', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! y: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! y: Int @external z: Int @requires(fields: "y") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });
});
