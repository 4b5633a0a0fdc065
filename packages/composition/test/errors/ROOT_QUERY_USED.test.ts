import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('ROOT_QUERY_USED', () => {
  it('is reported', () => {
    expectCode('ROOT_QUERY_USED', [
      { name: 'a', sdl: fed2(`schema { query: Root } type Root { x: Int } type Query { y: Int }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ROOT_QUERY_USED', [
      { name: 'a', sdl: fed2(`schema { query: Root } type Root { x: Int }`) },
    ]);
  });
});
