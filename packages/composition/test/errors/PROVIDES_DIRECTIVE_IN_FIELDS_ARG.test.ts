import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_DIRECTIVE_IN_FIELDS_ARG', () => {
  it('is reported', () => {
    expectCode('PROVIDES_DIRECTIVE_IN_FIELDS_ARG', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: "y @skip(if: true)") } type T @key(fields: "id") { id: ID! y: Int @external }`,
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
    expectNoCode('PROVIDES_DIRECTIVE_IN_FIELDS_ARG', [
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
