import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('UNKNOWN_FEDERATION_LINK_VERSION', () => {
  it('is reported', () => {
    expectCode('UNKNOWN_FEDERATION_LINK_VERSION', [
      { name: 'a', sdl: fed2(`type Query { x: Int }`, [], '2.99') },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('UNKNOWN_FEDERATION_LINK_VERSION', [
      { name: 'a', sdl: fed2(`type Query { x: Int }`, [], '2.12') },
    ]);
  });
});
