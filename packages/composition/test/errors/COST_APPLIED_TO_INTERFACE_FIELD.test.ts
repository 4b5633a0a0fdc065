import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('COST_APPLIED_TO_INTERFACE_FIELD', () => {
  it('is reported', () => {
    expectCode('COST_APPLIED_TO_INTERFACE_FIELD', [
      {
        name: 'a',
        sdl: fed2(
          `interface I { a: Int @cost(weight: 1) } type Query { i: I }`,
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
    expectNoCode('COST_APPLIED_TO_INTERFACE_FIELD', [
      {
        name: 'a',
        sdl: fed2(
          `interface I { a: Int } type T implements I { a: Int @cost(weight: 1) } type Query { i: I t: T }`,
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
