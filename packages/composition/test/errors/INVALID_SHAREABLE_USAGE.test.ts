import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INVALID_SHAREABLE_USAGE', () => {
  it('is reported', () => {
    expectCode('INVALID_SHAREABLE_USAGE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int @shareable } type T implements I { x: Int }`,
          ['@shareable'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INVALID_SHAREABLE_USAGE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int } type T implements I @shareable { x: Int }`,
          ['@shareable'],
        ),
      },
    ]);
  });
});
