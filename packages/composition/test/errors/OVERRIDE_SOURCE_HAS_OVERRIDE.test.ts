import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('OVERRIDE_SOURCE_HAS_OVERRIDE', () => {
  it('is reported', () => {
    expectCode('OVERRIDE_SOURCE_HAS_OVERRIDE', [
      { name: 'a', sdl: fed2(`type Query { x: Int @override(from: "b") }`, ['@override']) },
      { name: 'b', sdl: fed2(`type Query { x: Int @override(from: "a") }`, ['@override']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('OVERRIDE_SOURCE_HAS_OVERRIDE', [
      { name: 'a', sdl: fed2(`type Query { x: Int @override(from: "b") }`, ['@override']) },
      { name: 'b', sdl: fed2(`type Query { x: Int }`, ['@override']) },
    ]);
  });
});
