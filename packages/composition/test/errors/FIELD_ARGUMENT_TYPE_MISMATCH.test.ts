import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('FIELD_ARGUMENT_TYPE_MISMATCH', () => {
  it('is reported', () => {
    expectCode('FIELD_ARGUMENT_TYPE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(a: Int): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x(a: String): Int @shareable }`, ['@shareable']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('FIELD_ARGUMENT_TYPE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(a: Int): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x(a: Int!): Int @shareable }`, ['@shareable']) },
    ]);
  });
});
