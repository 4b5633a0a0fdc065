import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

describe('ROOT_SUBSCRIPTION_USED', () => {
  it('is reported', () => {
    expectCode('ROOT_SUBSCRIPTION_USED', [
      {
        name: 'a',
        sdl: `schema { query: Query subscription: Sub } type Query { x: Int } type Sub { y: Int } type Subscription { z: Int }`,
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ROOT_SUBSCRIPTION_USED', [
      {
        name: 'a',
        sdl: `schema { query: Query subscription: Sub } type Query { x: Int } type Sub { y: Int }`,
      },
    ]);
  });
});
