import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

describe('INVALID_LINK_IDENTIFIER', () => {
  it('is reported', () => {
    expectCode('INVALID_LINK_IDENTIFIER', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) @link(url: "https://example.com/not-a-spec-url") type Query { x: Int }`,
      },
    ]);
  });

  it('is not reported when the graph is valid', () => {
    expectNoCode('INVALID_LINK_IDENTIFIER', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) @link(url: "https://example.com/myspec/v1.0") type Query { x: Int }`,
      },
    ]);
  });
});
