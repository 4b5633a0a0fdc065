import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('EMPTY_MERGED_ENUM_TYPE', () => {
  it('is reported', () => {
    expectCode('EMPTY_MERGED_ENUM_TYPE', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): Int } enum E { A }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: E): Int } enum E { B }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('EMPTY_MERGED_ENUM_TYPE', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): Int } enum E { A B }`) },
      { name: 'b', sdl: fed2(`type Query { f(b: E): Int } enum E { B }`) },
    ]);
  });
});
