import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE', () => {
  it('is reported', () => {
    expectCode('INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I @key(fields: "id") { id: ID! } type T1 implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T2 implements I @key(fields: "id") { id: ID! } interface I @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I @key(fields: "id") { id: ID! } type T1 implements I @key(fields: "id") { id: ID! } type T2 implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
        ),
      },
      { name: 'b', sdl: fed2(`type T2 @key(fields: "id") { id: ID! x: Int }`, ['@key']) },
    ]);
  });
});
