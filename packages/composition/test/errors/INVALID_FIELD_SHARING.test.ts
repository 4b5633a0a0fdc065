import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INVALID_FIELD_SHARING', () => {
  it('is reported', () => {
    expectCode('INVALID_FIELD_SHARING', [
      { name: 'a', sdl: fed2(`type Query { x: Int }`) },
      { name: 'b', sdl: fed2(`type Query { x: Int }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INVALID_FIELD_SHARING', [
      { name: 'a', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
    ]);
  });
});
