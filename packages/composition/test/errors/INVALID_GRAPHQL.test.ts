import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INVALID_GRAPHQL', () => {
  it('is reported', () => {
    expectCode('INVALID_GRAPHQL', [{ name: 'a', sdl: fed2(`type Query { x: Int @shareable }`) }]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INVALID_GRAPHQL', [
      { name: 'a', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
    ]);
  });
});
