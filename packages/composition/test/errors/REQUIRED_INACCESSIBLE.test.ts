import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRED_INACCESSIBLE', () => {
  it('is reported', () => {
    expectCode('REQUIRED_INACCESSIBLE', [
      { name: 'a', sdl: fed2(`type Query { x(n: Int! @inaccessible): Int }`, ['@inaccessible']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRED_INACCESSIBLE', [
      { name: 'a', sdl: fed2(`type Query { x(n: Int @inaccessible): Int }`, ['@inaccessible']) },
    ]);
  });
});
