import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_ARGUMENT_TYPE_MISMATCH', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_ARGUMENT_TYPE_MISMATCH', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x(n: Int): Int }`, [
          '@key',
        ]),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x(n: String): Int @external y: Int @requires(fields: "x") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_ARGUMENT_TYPE_MISMATCH', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x(n: Int): Int }`, [
          '@key',
        ]),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x(n: Int): Int @external y: Int @requires(fields: "x") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });
});
