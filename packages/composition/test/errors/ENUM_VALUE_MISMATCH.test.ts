import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('ENUM_VALUE_MISMATCH', () => {
  it('is reported', () => {
    expectCode('ENUM_VALUE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): E } enum E { A B }`) },
      { name: 'b', sdl: fed2(`type Query { f: E } enum E { A }`) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ENUM_VALUE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): E } enum E { A B }`) },
      { name: 'b', sdl: fed2(`type Query { f: E } enum E { A B }`) },
    ]);
  });
});
