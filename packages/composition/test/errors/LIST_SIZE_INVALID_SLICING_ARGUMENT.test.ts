import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('LIST_SIZE_INVALID_SLICING_ARGUMENT', () => {
  it('is reported', () => {
    expectCode('LIST_SIZE_INVALID_SLICING_ARGUMENT', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x(first: String): [Int] @listSize(slicingArguments: ["first", "last"]) }`,
          [
            '@key',
            '@cost',
            '@listSize',
            '@authenticated',
            '@requiresScopes',
            '@policy',
            '@context',
            '@fromContext',
            '@interfaceObject',
          ],
          '2.9',
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('LIST_SIZE_INVALID_SLICING_ARGUMENT', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x(first: Int, last: Int!): [Int] @listSize(slicingArguments: ["first", "last"]) }`,
          [
            '@key',
            '@cost',
            '@listSize',
            '@authenticated',
            '@requiresScopes',
            '@policy',
            '@context',
            '@fromContext',
            '@interfaceObject',
          ],
          '2.9',
        ),
      },
    ]);
  });
});
