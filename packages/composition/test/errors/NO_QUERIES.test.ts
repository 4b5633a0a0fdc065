import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('NO_QUERIES', () => {
  it('is reported', () => {
    expectCode('NO_QUERIES', [{ name: 'a', sdl: fed2(`type T { x: Int }`) }]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('NO_QUERIES', [{ name: 'a', sdl: fed2(`type Query { x: Int }`) }]);
  });
});
