import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('KEY_INVALID_FIELDS_TYPE', () => {
  it('is reported', () => {
    expectCode('KEY_INVALID_FIELDS_TYPE', [
      { name: 'a', sdl: fed2(`type Query { t: T } type T @key(fields: 12) { id: ID! }`, ['@key']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('KEY_INVALID_FIELDS_TYPE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, ['@key']),
      },
    ]);
  });
});
