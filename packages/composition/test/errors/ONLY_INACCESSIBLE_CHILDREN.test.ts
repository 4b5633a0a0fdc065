import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('ONLY_INACCESSIBLE_CHILDREN', () => {
  it('is reported', () => {
    expectCode('ONLY_INACCESSIBLE_CHILDREN', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T { x: Int @inaccessible }`, ['@inaccessible']),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ONLY_INACCESSIBLE_CHILDREN', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T { x: Int @inaccessible y: Int }`, ['@inaccessible']),
      },
    ]);
  });
});
