import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EXTERNAL_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('EXTERNAL_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int @external } type T implements I { x: Int }`,
          ['@external'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EXTERNAL_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(`type Query { i: I } interface I { x: Int } type T implements I { x: Int }`, [
          '@external',
        ]),
      },
    ]);
  });
});
