import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('CONTEXT_NOT_SET', () => {
  it('is reported', () => {
    expectCode('CONTEXT_NOT_SET', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! f(x: String @fromContext(field: "$nope { id }")): Int }`,
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
    expectNoCode('CONTEXT_NOT_SET', [
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
