import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INTERFACE_FIELD_NO_IMPLEM', () => {
  it('is reported', () => {
    expectCode('INTERFACE_FIELD_NO_IMPLEM', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int } type T implements I @shareable { x: Int }`,
          ['@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`interface I { y: Int } type T @shareable { x: Int }`, ['@shareable']),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INTERFACE_FIELD_NO_IMPLEM', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { i: I } interface I { x: Int } type T implements I @shareable { x: Int }`,
          ['@shareable'],
        ),
      },
      {
        name: 'b',
        sdl: fed2(`interface I { x: Int } type T @shareable { x: Int }`, ['@shareable']),
      },
    ]);
  });
});
