import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('LIST_SIZE_APPLIED_TO_NON_LIST', () => {
  it('is reported', () => {
    expectCode('LIST_SIZE_APPLIED_TO_NON_LIST', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x: Int @listSize(assumedSize: 2) }`,
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
    expectNoCode('LIST_SIZE_APPLIED_TO_NON_LIST', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { x: [Int] @listSize(assumedSize: 2) }`,
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
