import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('OVERRIDE_ON_INTERFACE', () => {
  it('is reported', () => {
    expectCode('OVERRIDE_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int @override(from: "b") } type T implements I { x: Int }`,
          ['@override'],
        ),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('OVERRIDE_ON_INTERFACE', [
      {
        name: 'a',
        sdl: fed2(`type Query { i: I } interface I { x: Int } type T implements I { x: Int }`, [
          '@override',
        ]),
      },
    ]);
  });
});
