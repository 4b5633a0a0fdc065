import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! u: U } type U @key(fields: "id") { id: ID! v: Int @shareable }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! u: U @external @provides(fields: "v") y: Int @requires(fields: "u { id }") } type U @key(fields: "id") { id: ID! v: Int @external }`,
          ['@key', '@external', '@requires', '@provides'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! u: U @shareable } type U @key(fields: "id") { id: ID! v: Int @shareable }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type Query { t2: T } type T @key(fields: "id") { id: ID! u: U @shareable @provides(fields: "v") } type U @key(fields: "id") { id: ID! v: Int @external }`,
          ['@key', '@external', '@shareable', '@provides'],
        ),
      },
    ]);
  });
});
