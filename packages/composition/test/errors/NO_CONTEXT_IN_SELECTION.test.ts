import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('NO_CONTEXT_IN_SELECTION', () => {
  it('is reported', () => {
    expectCode('NO_CONTEXT_IN_SELECTION', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") @context(name: "ctx") { id: ID! f(x: String @fromContext(field: "{ id }")): Int }`,
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
    expectNoCode('NO_CONTEXT_IN_SELECTION', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") @context(name: "ctx") { id: ID! f(x: ID @fromContext(field: "$ctx { id }")): Int }`,
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
