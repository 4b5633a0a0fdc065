import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('LIST_SIZE_INVALID_SIZED_FIELD', () => {
  it('is reported', () => {
    expectCode('LIST_SIZE_INVALID_SIZED_FIELD', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { p: Page @listSize(sizedFields: ["nope"]) } type Page { items: [Int] }`,
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
    expectNoCode('LIST_SIZE_INVALID_SIZED_FIELD', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { p: Page @listSize(sizedFields: ["items"]) } type Page { items: [Int] }`,
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
