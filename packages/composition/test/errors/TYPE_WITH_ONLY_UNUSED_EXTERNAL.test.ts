import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

describe('TYPE_WITH_ONLY_UNUSED_EXTERNAL', () => {
  it('is reported', () => {
    expectCode('TYPE_WITH_ONLY_UNUSED_EXTERNAL', [
      { name: 'a', sdl: `type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }` },
      { name: 'b', sdl: `type Query { y: U } type U { x: Int @external }` },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('TYPE_WITH_ONLY_UNUSED_EXTERNAL', [
      { name: 'a', sdl: `type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }` },
      { name: 'b', sdl: `type Query { y: Int } type U { x: Int @external }` },
    ]);
  });
});
