import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('KEY_FIELDS_SELECT_INVALID_TYPE', () => {
  it('is reported', () => {
    expectCode('KEY_FIELDS_SELECT_INVALID_TYPE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "i") { i: I } interface I { x: Int }`, [
          '@key',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('KEY_FIELDS_SELECT_INVALID_TYPE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! ids: [ID!]! }`, [
          '@key',
        ]),
      },
    ]);
  });
});
