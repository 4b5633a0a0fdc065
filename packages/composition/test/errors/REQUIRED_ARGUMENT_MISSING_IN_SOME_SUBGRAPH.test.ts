import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH', () => {
  it('is reported', () => {
    expectCode('REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH', [
      { name: 'a', sdl: fed2(`type Query { x(a: Int!): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH', [
      { name: 'a', sdl: fed2(`type Query { x(a: Int): Int @shareable }`, ['@shareable']) },
      { name: 'b', sdl: fed2(`type Query { x: Int @shareable }`, ['@shareable']) },
    ]);
  });
});
