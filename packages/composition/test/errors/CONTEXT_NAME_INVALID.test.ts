import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('CONTEXT_NAME_INVALID', () => {
  it('is reported', () => {
    expectCode('CONTEXT_NAME_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") @context(name: "bad_name") { id: ID! }`,
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
    expectNoCode('CONTEXT_NAME_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") @context(name: "goodName") { id: ID! }`,
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
