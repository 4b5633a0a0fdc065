import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('IMPLEMENTED_BY_INACCESSIBLE', () => {
  it('is reported', () => {
    expectCode('IMPLEMENTED_BY_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int } type T implements I { x: Int @inaccessible }`,
          ['@inaccessible'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('IMPLEMENTED_BY_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int @inaccessible y: Int } type T implements I { x: Int @inaccessible y: Int }`,
          ['@inaccessible'],
        ),
      },
    ]);
  });
});
