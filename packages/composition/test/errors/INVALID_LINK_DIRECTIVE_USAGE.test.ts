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

  it("is reported for a federation import named like another linked spec's directive", () => {
    for (const [name, url] of [
      ['@tag', 'https://specs.apollo.dev/tag/v0.3'],
      ['@authenticated', 'https://specs.apollo.dev/authenticated/v0.1'],
    ] as const) {
      expectCode('INVALID_LINK_DIRECTIVE_USAGE', [
        {
          name: 'a',
          sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "${name}"]) @link(url: "${url}")\ntype Query { t: Int ${name}${name === '@tag' ? '(name: "x")' : ''} }`,
        },
      ]);
    }
  });

  it('is not reported for a spec linked with its own import and no federation import of it', () => {
    expectNoCode('INVALID_LINK_DIRECTIVE_USAGE', [
      {
        name: 'a',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"]) @link(url: "https://specs.apollo.dev/tag/v0.3", import: ["@tag"])\ntype Query { t: Int @tag(name: "x") }`,
      },
    ]);
  });
});
