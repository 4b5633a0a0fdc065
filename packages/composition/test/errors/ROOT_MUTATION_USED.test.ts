import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

describe('ROOT_MUTATION_USED', () => {
  it('is reported', () => {
    expectCode('ROOT_MUTATION_USED', [
      {
        name: 'a',
        sdl: `schema { query: Query mutation: Mut } type Query { x: Int } type Mut { y: Int } type Mutation { z: Int }`,
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('ROOT_MUTATION_USED', [
      {
        name: 'a',
        sdl: `schema { query: Query mutation: Mut } type Query { x: Int } type Mut { y: Int }`,
      },
    ]);
  });
});
