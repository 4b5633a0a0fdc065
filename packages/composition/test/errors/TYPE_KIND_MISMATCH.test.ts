import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('TYPE_KIND_MISMATCH', () => {
  it('is reported', () => {
    expectCode('TYPE_KIND_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { t: T } type T { x: Int }`) },
      { name: 'b', sdl: fed2(`type Query { u: T } interface T { x: Int }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('TYPE_KIND_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { t: T } type T @shareable { x: Int }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { u: T } type T @shareable { x: Int }`, ['@shareable']) },
    ]);
  });
});
