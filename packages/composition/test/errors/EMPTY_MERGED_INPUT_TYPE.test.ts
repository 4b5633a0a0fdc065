import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EMPTY_MERGED_INPUT_TYPE', () => {
  it('is reported', () => {
    expectCode('EMPTY_MERGED_INPUT_TYPE', [
      { name: 'a', sdl: fed2(`type Query { e(a: I): Int } input I { a: Int }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: I): Int } input I { b: Int }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EMPTY_MERGED_INPUT_TYPE', [
      { name: 'a', sdl: fed2(`type Query { e(a: I): Int } input I { a: Int b: Int }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: I): Int } input I { b: Int }`) },
    ]);
  });
});
