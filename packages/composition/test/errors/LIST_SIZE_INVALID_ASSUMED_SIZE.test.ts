import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('LIST_SIZE_INVALID_ASSUMED_SIZE', () => {
  it('is reported', () => {
    expectCode('LIST_SIZE_INVALID_ASSUMED_SIZE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x: [Int] @listSize(assumedSize: -1) }`,
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
    expectNoCode('LIST_SIZE_INVALID_ASSUMED_SIZE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x: [Int] @listSize(assumedSize: 0) }`,
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
