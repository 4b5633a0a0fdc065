import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('KEY_FIELDS_HAS_ARGS', () => {
  it('is reported', () => {
    expectCode('KEY_FIELDS_HAS_ARGS', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id(x: Int): ID! }`, ['@key']),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('KEY_FIELDS_HAS_ARGS', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! other(x: Int): Int }`, [
          '@key',
        ]),
      },
    ]);
  });
});
