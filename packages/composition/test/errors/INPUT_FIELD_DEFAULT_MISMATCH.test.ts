import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('INPUT_FIELD_DEFAULT_MISMATCH', () => {
  it('is reported, naming both sides', () => {
    const [diagnostic] = expectCode('INPUT_FIELD_DEFAULT_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(i: In): Int } input In { n: Int = 1 }`, []) },
      { name: 'b', sdl: fed2(`type Query { y(i: In): Int } input In { n: Int = 2 }`, []) },
    ]);
    expect(diagnostic?.message).toContain(
      'it has default value 1 in subgraph "a" but default value 2 in subgraph "b"',
    );
    expect(diagnostic?.subgraphs).toEqual(['a', 'b']);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INPUT_FIELD_DEFAULT_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { x(i: In): Int } input In { n: Int = 1 }`, []) },
      { name: 'b', sdl: fed2(`type Query { y(i: In): Int } input In { n: Int = 1 }`, []) },
    ]);
  });
});
