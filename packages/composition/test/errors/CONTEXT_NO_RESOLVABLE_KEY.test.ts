import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('CONTEXT_NO_RESOLVABLE_KEY', () => {
  it('is reported', () => {
    expectCode('CONTEXT_NO_RESOLVABLE_KEY', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { u: U } type U @context(name: "ctx") { id: ID! s: S } type S { k(x: ID @fromContext(field: "$ctx { id }")): Int }`,
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
    expectNoCode('CONTEXT_NO_RESOLVABLE_KEY', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { u: U } type U @context(name: "ctx") { id: ID! s: S } type S @key(fields: "k2") { k2: ID! k(x: ID @fromContext(field: "$ctx { id }")): Int }`,
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
