import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_FIELDS_MISSING_EXTERNAL', () => {
  it('is reported', () => {
    expectCode('REQUIRES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! w: Int s: Int @requires(fields: "w") }`,
          ['@key', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! w: Int @shareable }`, [
          '@key',
          '@shareable',
        ]),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }`,
          ['@key', '@requires', '@external'],
        ),
      },
    ]);
  });

  it('is not reported for fields selected through an inline fragment under an external field', () => {
    expectNoCode('REQUIRES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T }
          type T @key(fields: "id") { id: ID! s: U @external d: Int @requires(fields: "s { ... on S { x } }") }
          union U = S | R
          type S @shareable { x: Int }
          type R @shareable { y: Int }`,
          ['@key', '@requires', '@external', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! s: U }
          union U = S | R
          type S @shareable { x: Int }
          type R @shareable { y: Int }`,
          ['@key', '@shareable'],
        ),
      },
    ]);
  });
});
