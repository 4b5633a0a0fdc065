import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('DEFAULT_VALUE_USES_INACCESSIBLE', () => {
  it('is reported', () => {
    expectCode('DEFAULT_VALUE_USES_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(`type Query { x(e: E = B): Int } enum E { A B @inaccessible }`, [
          '@inaccessible',
        ]),
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('DEFAULT_VALUE_USES_INACCESSIBLE', [
      {
        name: 'a',
        sdl: fed2(`type Query { x(e: E = A): Int } enum E { A B @inaccessible }`, [
          '@inaccessible',
        ]),
      },
    ]);
  });
});
