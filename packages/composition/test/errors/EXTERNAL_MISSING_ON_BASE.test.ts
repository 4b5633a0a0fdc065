import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_MISSING_ON_BASE', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_MISSING_ON_BASE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_MISSING_ON_BASE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! w: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });
});
