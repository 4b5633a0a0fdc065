import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('OVERRIDE_FROM_SELF_ERROR', () => {
  it('is reported', () => {
    expectCode('OVERRIDE_FROM_SELF_ERROR', [
      { name: 'a', sdl: fed2(`type Query { x: Int @override(from: "a") }`, ['@override']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('OVERRIDE_FROM_SELF_ERROR', [
      { name: 'a', sdl: fed2(`type Query { x: Int @override(from: "b") }`, ['@override']) },
      { name: 'b', sdl: fed2(`type Query { y: Int }`) },
    ]);
  });
});
