import { describe, expect, it } from 'vitest';
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

  it('is reported when a selected field misses a required argument, as in Apollo', () => {
    const [d] = expectCode('REQUIRES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! o: O @external s: Int @requires(fields: "o { k: w(y: 2) }") } type O { w(x: Int!, y: Int): Int }`,
          ['@key', '@requires', '@external'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! o: O } type O @shareable { w(x: Int!, y: Int): Int }`,
          ['@key', '@shareable'],
        ),
      },
    ]);
    expect(d?.message).toContain(
      'Missing mandatory value for argument "x" of field "O.w" in selection "k: w(y: 2)"',
    );
  });

  it('is not reported when the required argument is given', () => {
    expectNoCode('REQUIRES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! w(x: Int!): Int @external s: Int @requires(fields: "w(x: 1)") }`,
          ['@key', '@requires', '@external'],
        ),
      },
      { name: 'b', sdl: fed2(`type T @key(fields: "id") { id: ID! w(x: Int!): Int }`, ['@key']) },
    ]);
  });
});
