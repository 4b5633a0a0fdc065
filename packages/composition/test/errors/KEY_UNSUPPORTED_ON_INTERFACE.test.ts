import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('KEY_UNSUPPORTED_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('KEY_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: I } interface I @key(fields: "id") { id: ID! } type T implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
          '2.2',
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('KEY_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: I } interface I @key(fields: "id") { id: ID! } type T implements I @key(fields: "id") { id: ID! }`,
          ['@key'],
          '2.3',
        ),
      },
    ]);
  });
});
