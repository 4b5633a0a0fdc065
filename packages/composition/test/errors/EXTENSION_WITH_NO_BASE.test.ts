import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTENSION_WITH_NO_BASE', () => {
  it('is reported', () => {
    expectCode('EXTENSION_WITH_NO_BASE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } extend type T @key(fields: "id") { id: ID! }`, ['@key']),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTENSION_WITH_NO_BASE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } extend type T @key(fields: "id") { id: ID! }`, ['@key']),
      },
      { name: 'b', sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int }`, ['@key']) },
    ]);
  });
});
