import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_INVALID_FIELDS', () => {
  it('is reported', () => {
    expectCode('PROVIDES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T @provides(fields: "nope") } type T @key(fields: "id") { id: ID! }`,
          ['@key', '@provides'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('PROVIDES_INVALID_FIELDS', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, [
          '@key',
          '@provides',
        ]),
      },
    ]);
  });
});
