import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_INVALID_FIELDS_TYPE', () => {
  it('is reported', () => {
    expectCode('PROVIDES_INVALID_FIELDS_TYPE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: 1) } type T @key(fields: "id") { id: ID! y: Int @external }`,
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
    expectNoCode('PROVIDES_INVALID_FIELDS_TYPE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: "y") } type T @key(fields: "id") { id: ID! y: Int @external }`,
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
});
