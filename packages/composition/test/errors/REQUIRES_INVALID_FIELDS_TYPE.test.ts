import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_INVALID_FIELDS_TYPE', () => {
  it('is reported', () => {
    expectCode('REQUIRES_INVALID_FIELDS_TYPE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! y: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! y: Int @external z: Int @requires(fields: 3) }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_INVALID_FIELDS_TYPE', [
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
