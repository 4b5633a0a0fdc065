import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_UNUSED', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_UNUSED', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T } type T @key(fields: "id") { id: ID! name: String @shareable }`,
          ['@key', '@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! name: String @external }`, [
          '@key',
          '@external',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_UNUSED', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! name: String }`, [
          '@key',
        ]),
      },
    ]);
  });

  it('is not reported for an external field a @fromContext selection reads', () => {
    expectNoCode('EXTERNAL_UNUSED', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { p: P }
          type P @key(fields: "id") @context(name: "ctx") { id: ID! secret: String @external c: C }
          type C @key(fields: "id") { id: ID! f(x: String @fromContext(field: "$ctx { secret }")): Int }`,
          ['@key', '@external', '@context', '@fromContext'],
          '2.8',
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type P @key(fields: "id") { id: ID! secret: String }`, ['@key'], '2.8'),
      },
    ]);
  });
});
