import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INTERFACE_KEY_NOT_ON_IMPLEMENTATION', () => {
  it('is reported', () => {
    expectCode('INTERFACE_KEY_NOT_ON_IMPLEMENTATION', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I @key(fields: "id") { id: ID! } type T implements I { id: ID! }`,
          ['@key'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INTERFACE_KEY_NOT_ON_IMPLEMENTATION', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I @key(fields: "id") { id: ID! } type T implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
    ]);
  });
});
