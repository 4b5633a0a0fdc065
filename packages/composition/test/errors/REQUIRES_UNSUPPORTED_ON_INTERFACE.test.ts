import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRES_UNSUPPORTED_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('REQUIRES_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: I } interface I { id: ID! y: Int @external z: Int @requires(fields: "y") } type T implements I @key(fields: "id") { id: ID! y: Int z: Int }`,
          ['@key', '@external', '@requires'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRES_UNSUPPORTED_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: I } interface I { id: ID! y: Int z: Int } type T implements I @key(fields: "id") { id: ID! y: Int z: Int }`,
          ['@key'],
        ),
      },
    ]);
  });
});
