import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('REFERENCED_INACCESSIBLE', () => {
  it('is reported', () => {
    expectCode('REFERENCED_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @inaccessible { x: Int }`, ['@inaccessible']),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('REFERENCED_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T @inaccessible y: Int } type T @inaccessible { x: Int }`, [
          '@inaccessible',
        ]),
      },
    ]);
  });
});
