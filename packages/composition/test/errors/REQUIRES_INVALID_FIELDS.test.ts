import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_INVALID_FIELDS', () => {
  it('is reported', () => {
    expectCode('REQUIRES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! s: Int @requires(fields: "nope") }`,
          ['@key', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! w: Int }`, ['@key']),
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
});
