import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

describe('INVALID_LINK_DIRECTIVE_USAGE', () => {
  it('is reported', () => {
    expectCode('INVALID_LINK_DIRECTIVE_USAGE', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [{ name: "@key", as: "primaryKey" }]) type Query { x: Int }`,
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INVALID_LINK_DIRECTIVE_USAGE', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [{ name: "@key", as: "@primaryKey" }]) type Query { x: Int }`,
      },
    ]);
  });
});
