import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('PROVIDES_ON_NON_OBJECT_FIELD', () => {
  it('is reported', () => {
    expectCode('PROVIDES_ON_NON_OBJECT_FIELD', [
      { name: 'a', sdl: fed2(`type Query { n: Int @provides(fields: "x") }`, ['@provides']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('PROVIDES_ON_NON_OBJECT_FIELD', [
      { name: 'a', sdl: fed2(`type Query { n: Int }`, ['@provides']) },
    ]);
  });
});
