import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `interface I @authenticated { a: Int @policy(policies: [["p"]]) } type Query { i: I } type T implements I { a: Int }`,
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
    expectNoCode('AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `interface I { a: Int } type Query { i: I } type T implements I @authenticated { a: Int @policy(policies: [["p"]]) }`,
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
