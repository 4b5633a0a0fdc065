import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_FIELDS_MISSING_EXTERNAL', () => {
  it('is reported', () => {
    expectCode('PROVIDES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: "name") } type T @key(fields: "id") { id: ID! name: String }`,
          ['@key', '@provides'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('PROVIDES_FIELDS_MISSING_EXTERNAL', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: "name") } type T @key(fields: "id") { id: ID! name: String @external }`,
          ['@key', '@provides', '@external'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! name: String @shareable }`, [
          '@key',
          '@shareable',
        ]),
      },
    ]);
  });
});
