import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';

const link = (version: string, imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: [${imports}])\n`;

function both(sdl: string): { ours: string[]; apollo: string[] } {
  const ours = composeSubgraphs([{ name: 'a', url: 'http://a', sdl }], {
    runSatisfiability: false,
  });
  const apollo = composeServices([{ name: 'a', url: 'http://a', typeDefs: parse(sdl) }]);
  return {
    ours: ours.ok ? [] : ours.errors.map((e) => `${e.code} ${e.message}`),
    apollo: (apollo.errors ?? []).map((e) => `${String(e.extensions['code'])} ${e.message}`),
  };
}

describe('federation directives above the linked version', () => {
  it('importing one fails as Apollo fails it (INVALID_LINK_DIRECTIVE_USAGE)', () => {
    const { ours, apollo } = both(
      `${link('2.0', '"@key", "@interfaceObject"')}type Query { x: Int }`,
    );
    expect(apollo).toEqual([
      'INVALID_LINK_DIRECTIVE_USAGE [a] Cannot import unknown element "@interfaceObject".',
    ]);
    expect(ours).toEqual(apollo);
  });

  it('importing an unknown name, directive or type, fails the same way', () => {
    const { ours, apollo } = both(`${link('2.3', '"@key", "@foo", "Bar"')}type Query { x: Int }`);
    expect(apollo.length).toBe(2);
    expect(ours).toEqual(apollo);
  });

  it('applying one under its federation__ name is an unknown directive (INVALID_GRAPHQL)', () => {
    const { ours, apollo } = both(
      `${link('2.3', '"@key"')}type Query { x: Int @federation__authenticated }`,
    );
    expect(apollo.map((m) => m.split(' ')[0])).toEqual(['INVALID_GRAPHQL']);
    expect(ours.map((m) => m.split(' ')[0])).toEqual(['INVALID_GRAPHQL']);
  });

  it('the same import at the version that introduced it composes', () => {
    const { ours, apollo } = both(
      `${link('2.5', '"@key", "@authenticated"')}type Query { x: Int @authenticated }`,
    );
    expect(apollo).toEqual([]);
    expect(ours).toEqual([]);
  });
});
