import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('QUERY_ROOT_TYPE_INACCESSIBLE', () => {
  it('is reported', () => {
    expectCode('QUERY_ROOT_TYPE_INACCESSIBLE', [
      { name: 'a', sdl: fed2(`type Query @inaccessible { x: Int }`, ['@inaccessible']) },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('QUERY_ROOT_TYPE_INACCESSIBLE', [
      { name: 'a', sdl: fed2(`type Query { x: Int y: Int @inaccessible }`, ['@inaccessible']) },
    ]);
  });
});
