import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('FIELD_ARGUMENT_DEFAULT_MISMATCH', () => {
  it('is reported', () => {
    expectCode('FIELD_ARGUMENT_DEFAULT_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(n: Int = 1): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x(n: Int = 2): Int @shareable }`, ['@shareable']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('FIELD_ARGUMENT_DEFAULT_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(n: Int = 1): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x(n: Int = 1): Int @shareable }`, ['@shareable']) },
    ]);
  });
});
