import { describe, it } from 'vitest';
import { expectSameSupergraph } from './harness.js';

// Federation 1 subgraphs accepted things Federation 2 rejects; the upgrade drops what has no
// effect (federation-reference §1.7), so these compose exactly as with @apollo/composition.
describe('Federation 1 upgrade', () => {
  const products = {
    name: 'products',
    sdl: `type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`,
  };

  it('keeps an @external interface field, without @external (Fed 1 tolerated it)', () => {
    expectSameSupergraph([
      {
        name: 'a',
        sdl: `type Query { i: I } interface I { x: Int @external } type T implements I { x: Int }`,
      },
    ]);
  });

  it('drops a @provides that only selects key fields of an extension', () => {
    expectSameSupergraph([
      products,
      {
        name: 'reviews',
        sdl: `type Query { u: T @provides(fields: "id") } extend type T @key(fields: "id") { id: ID! @external }`,
      },
    ]);
  });

  it('drops a @requires that only selects key fields of an extension', () => {
    expectSameSupergraph([
      products,
      {
        name: 'reviews',
        sdl: `extend type T @key(fields: "id") { id: ID! @external y: Int @requires(fields: "id") }`,
      },
    ]);
  });

  it('drops a @provides on a field of a leaf type', () => {
    expectSameSupergraph([
      products,
      {
        name: 'reviews',
        sdl: `type Query { n: Int @provides(fields: "x") } extend type T @key(fields: "id") { id: ID! @external }`,
      },
    ]);
  });

  it('removes an unreferenced type left with only unused externals', () => {
    expectSameSupergraph([
      products,
      { name: 'reviews', sdl: `type Query { y: Int } type U { x: Int @external }` },
    ]);
  });
});
