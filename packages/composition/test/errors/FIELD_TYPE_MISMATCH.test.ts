import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('FIELD_TYPE_MISMATCH', () => {
  it('is reported', () => {
    expectCode('FIELD_TYPE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x: String @shareable }`, ['@shareable']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('FIELD_TYPE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x: Int! @shareable }`, ['@shareable']) },
    ]);
  });
});
