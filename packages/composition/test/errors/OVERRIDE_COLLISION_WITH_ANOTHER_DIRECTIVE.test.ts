import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE', () => {
  it('is reported', () => {
    expectCode('OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @key(fields: "id") { id: ID! x: Int @override(from: "a") @external y: Int @requires(fields: "x") }`,
          ['@key', '@override', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ['@key']),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }`, [
          '@key',
          '@override',
        ]),
      },
    ]);
  });
});
