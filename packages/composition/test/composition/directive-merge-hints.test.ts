import { describe, it } from 'vitest';
import { expectHint, fed2, type TestSubgraph } from './harness.js';

const IMPORTS = [
  '@key',
  '@shareable',
  '@tag',
  '@inaccessible',
  '@authenticated',
  '@requiresScopes',
  '@policy',
  '@cost',
  '@listSize',
  '@composeDirective',
];
const v29 = (sdl: string) => fed2(sdl, IMPORTS, '2.9');

/** A subgraph linking a custom spec at `version`, composing its `@custom` directive or not. */
function custom(version: string, sdl: string, compose = true, importAs = '@custom'): string {
  const name = importAs.slice(1);
  const imported = importAs === '@custom' ? '"@custom"' : `{ name: "@custom", as: "${importAs}" }`;
  return `extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@composeDirective"])
    @link(url: "https://example.com/custom/v${version}", import: [${imported}])
    ${compose ? `@composeDirective(name: "${importAs}")` : ''}
  directive @${name}(v: Int) on FIELD_DEFINITION | OBJECT
  ${sdl}`;
}

function shareable(field: (subgraph: number) => string, count = 2): TestSubgraph[] {
  return Array.from({ length: count }, (_, i) => ({
    name: String.fromCharCode(97 + i),
    sdl: v29(`${i === 0 ? 'type Query { t: T }' : ''} type T @shareable { ${field(i)} }`),
  }));
}

describe('directive merging hints, checked against @apollo/composition', () => {
  it('MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS for scopes, policies, @cost and @listSize', () => {
    expectHint(
      'MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
      shareable((i) =>
        i === 0
          ? 'x(first: Int): [Int] @requiresScopes(scopes: [["a"], ["b"]]) @cost(weight: 1) @listSize(assumedSize: 2)'
          : 'x(first: Int): [Int] @requiresScopes(scopes: [["a"]]) @cost(weight: 3) @listSize(slicingArguments: ["first"])',
      ),
    );
    expectHint('MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS', [
      {
        name: 'a',
        sdl: v29(`type Query { t: T } type T @shareable @policy(policies: [["p"]]) { x: Int }`),
      },
      { name: 'b', sdl: v29(`type T @shareable @policy(policies: [["q"]]) { x: Int }`) },
    ]);
  });

  it('MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS for requirements an interface inherits', () => {
    expectHint('MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS', [
      {
        name: 'a',
        sdl: v29(`type Query { i: I }
          interface I { x: Int }
          type S implements I { x: Int @requiresScopes(scopes: [["s1"]]) }
          type R implements I { x: Int @requiresScopes(scopes: [["s2"], ["s3"]]) }`),
      },
    ]);
  });

  it('INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: the arguments most subgraphs use win', () => {
    expectHint(
      'INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
      shareable((i) => `x: Int @deprecated(reason: "${i === 0 ? 'old' : 'gone'}")`, 3),
    );
    expectHint('INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS', [
      {
        name: 'a',
        sdl: custom('1.0', 'type Query { t: T } type T @shareable { x: Int @custom(v: 1) }'),
      },
      { name: 'b', sdl: custom('1.0', 'type T @shareable { x: Int @custom(v: 2) }') },
    ]);
  });

  it('DIRECTIVE_COMPOSITION_INFO when composing a directive the supergraph keeps anyway', () => {
    for (const directive of ['@tag', '@inaccessible', '@authenticated', '@policy']) {
      expectHint('DIRECTIVE_COMPOSITION_INFO', [
        {
          name: 'a',
          sdl: v29(`extend schema @composeDirective(name: "${directive}") type Query { t: Int }`),
        },
      ]);
    }
  });

  it('DIRECTIVE_COMPOSITION_INFO when a linked feature has different major versions', () => {
    expectHint('DIRECTIVE_COMPOSITION_INFO', [
      { name: 'a', sdl: custom('1.0', 'type Query { t: Int @custom(v: 1) }') },
      { name: 'b', sdl: custom('2.0', 'type Query { u: Int @custom(v: 1) }', false) },
    ]);
  });

  it('DIRECTIVE_COMPOSITION_WARN when a subgraph imports a composed directive under another name', () => {
    expectHint('DIRECTIVE_COMPOSITION_WARN', [
      { name: 'a', sdl: custom('1.0', 'type Query { t: Int @custom(v: 1) }') },
      { name: 'b', sdl: custom('1.0', 'type Query { u: Int @other(v: 1) }', false, '@other') },
    ]);
  });
});
