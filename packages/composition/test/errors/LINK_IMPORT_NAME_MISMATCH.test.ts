import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('LINK_IMPORT_NAME_MISMATCH', () => {
  it('is reported when subgraphs apply a spec directive under different names', () => {
    const [error] = expectCode('LINK_IMPORT_NAME_MISMATCH', [
      {
        name: 'a',
        sdl: fed2(`type Query { x: Int @t1(name: "t") }`, [], '2.3').replace(
          '[]',
          '[{name: "@tag", as: "@t1"}]',
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type Query { y: Int @t2(name: "u") }`, [], '2.5').replace(
          '[]',
          '[{name: "@tag", as: "@t2"}]',
        ),
      },
      {
        name: 'c',
        sdl: fed2(`type Query { z: Int @t1(name: "v") }`, [], '2.1').replace(
          '[]',
          '[{name: "@tag", as: "@t1"}]',
        ),
      },
      {
        name: 'd',
        sdl: fed2(`type Query { w: Int @inaccessible @tag(name: "w") }`, ['@tag', '@inaccessible']),
      },
    ]);
    expect(error?.message).toBe(
      'The "@tag" directive (from https://specs.apollo.dev/federation/v2.5) is imported with mismatched name between subgraphs: it is imported as "@t2" in subgraph "b" but "@t1" in subgraphs "a" and "c" and "@tag" in subgraph "d"',
    );
  });

  it('is not reported when only one name is applied', () => {
    expectNoCode('LINK_IMPORT_NAME_MISMATCH', [
      {
        name: 'a',
        sdl: fed2(`type Query { x: Int }`, []).replace('[]', '[{name: "@tag", as: "@t1"}]'),
      },
      { name: 'b', sdl: fed2(`type Query { y: Int @tag(name: "u") }`, ['@tag']) },
    ]);
  });
});
