import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH', () => {
  it('is reported', () => {
    expectCode('REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH', [
      { name: 'a', sdl: fed2(`type Query { e(a: I): Int } input I { a: Int! b: Int }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: I): Int } input I { b: Int }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH', [
      { name: 'a', sdl: fed2(`type Query { e(a: I): Int } input I { a: Int b: Int }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: I): Int } input I { b: Int }`) },
    ]);
  });
});
