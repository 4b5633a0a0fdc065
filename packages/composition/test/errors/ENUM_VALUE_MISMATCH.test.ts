import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('ENUM_VALUE_MISMATCH', () => {
  it('is reported', () => {
    const [d] = expectCode('ENUM_VALUE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): Int } enum E { A B }`) },
      { name: 'b', sdl: fed2(`type Query { f: E } enum E { A }`) },
    ]);
    // Beyond Apollo: where each use is, and the two ways out.
    expect(d?.message).toBe(
      'Enum type "E" is used as both input type (for example, as type of "Query.e(a:)" in subgraph "a") and output type (for example, as type of "Query.f" in subgraph "b"), but value "B" is not defined in all the subgraphs defining "E": "B" is defined in subgraph "a" but not in subgraph "b". An enum used both ways must have the same values everywhere: add "B" to "E" in subgraph "b", or remove it from subgraph "a".',
    );
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ENUM_VALUE_MISMATCH', [
      { name: 'a', sdl: fed2(`type Query { e(a: E): E } enum E { A B }`) },
      { name: 'b', sdl: fed2(`type Query { f: E } enum E { A B }`) },
    ]);
  });
});
