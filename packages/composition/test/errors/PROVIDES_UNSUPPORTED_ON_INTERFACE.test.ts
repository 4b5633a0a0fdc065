import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_UNSUPPORTED_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('PROVIDES_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { t: T @provides(fields: "y") } type Impl implements I @key(fields: "id") { id: ID! t: T } type T @key(fields: "id") { id: ID! y: Int @external }`,
          ['@key', '@external', '@provides'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! y: Int @shareable }`, [
          '@key',
          '@shareable',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('PROVIDES_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { t: T } type Impl implements I @key(fields: "id") { id: ID! t: T } type T @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
      { name: 'b', sdl: fed2(`type T @key(fields: "id") { id: ID! y: Int }`, ['@key']) },
    ]);
  });
});
