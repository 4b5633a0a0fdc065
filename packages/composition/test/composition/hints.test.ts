import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { expectHint, expectSameSupergraph, fed2, type TestSubgraph } from './harness.js';

const ALL = ['@key', '@shareable', '@override'];
const V27 = (sdl: string, imports: readonly string[] = ALL) => fed2(sdl, imports, '2.7');

describe('hints, checked against @apollo/composition', () => {
  it('INCONSISTENT_UNION_MEMBER', () => {
    expectHint('INCONSISTENT_UNION_MEMBER', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { u: U } union U = A | B type A { x: Int @shareable } type B { y: Int }`,
          ALL,
        ),
      },
      {
        name: 'b',
        sdl: fed2(`type Query { v: U } union U = A type A { x: Int @shareable }`, ALL),
      },
    ]);
  });

  it('UNUSED_ENUM_TYPE', () => {
    expectHint('UNUSED_ENUM_TYPE', [
      { name: 'a', sdl: fed2(`type Query { x: Int } enum E { A }`, ALL) },
    ]);
  });

  it('OVERRIDDEN_FIELD_CAN_BE_REMOVED', () => {
    expectHint('OVERRIDDEN_FIELD_CAN_BE_REMOVED', [
      {
        name: 'a',
        sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }`, ALL),
      },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }`, ALL),
      },
    ]);
  });

  it('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED', () => {
    expectHint('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED', [
      { name: 'a', sdl: fed2(`type Query { t: T } type T @key(fields: "id") { id: ID! }`, ALL) },
      {
        name: 'b',
        sdl: fed2(`type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }`, ALL),
      },
    ]);
  });

  it('OVERRIDE_MIGRATION_IN_PROGRESS, for a field still used by a key and for one that is not', () => {
    expectHint('OVERRIDE_MIGRATION_IN_PROGRESS', [
      {
        name: 'a',
        sdl: V27(
          `type Query { t: T } type T @key(fields: "id") @key(fields: "k") { id: ID! x: Int k: Int }`,
        ),
      },
      {
        name: 'b',
        sdl: V27(
          `type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "percent(10)") k: Int @override(from: "a", label: "flag") }`,
        ),
      },
    ]);
  });

  it('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED when the source field is @external (not an error)', () => {
    expectHint('OVERRIDE_DIRECTIVE_CAN_BE_REMOVED', [
      {
        name: 'a',
        sdl: V27(
          `type Query { t: T } type T @key(fields: "id") { id: ID! r: Int @requires(fields: "e") e: Int @external }`,
          ['@key', '@requires', '@external'],
        ),
      },
      { name: 'b', sdl: V27(`type T @key(fields: "id") { id: ID! e: Int @override(from: "a") }`) },
    ]);
  });

  it('OVERRIDDEN_FIELD_CAN_BE_REMOVED, for a source field still used by a key or an interface', () => {
    expectHint('OVERRIDDEN_FIELD_CAN_BE_REMOVED', [
      {
        name: 'a',
        sdl: V27(
          `type Query { t: T i: I } interface I { x: Int } type T implements I @key(fields: "id") @key(fields: "k") { id: ID! x: Int k: Int }`,
        ),
      },
      {
        name: 'b',
        sdl: V27(
          `type T @key(fields: "id") { id: ID! x: Int @override(from: "a") k: Int @override(from: "a") }`,
        ),
      },
    ]);
  });

  it('INCONSISTENT_ENTITY', () => {
    expectHint('INCONSISTENT_ENTITY', [
      {
        name: 'a',
        sdl: fed2(
          `type Query { t: T u: U } type T @key(fields: "id") { id: ID! a: Int } type U @shareable { id: ID! }`,
          ALL,
        ),
      },
      {
        name: 'b',
        sdl: fed2(
          `type T @shareable { id: ID! b: Int } type U @key(fields: "id") { id: ID! }`,
          ALL,
        ),
      },
      { name: 'c', sdl: fed2(`type T @shareable { id: ID! b: Int }`, ALL) },
    ]);
  });

  const valueTypes: TestSubgraph[] = [
    {
      name: 'a',
      sdl: fed2(
        `type Query { v: V @shareable i: I @shareable } type V @shareable { a: Int b: Int } interface I { a: Int } type K implements I @shareable { a: Int }`,
        ALL,
      ),
    },
    {
      name: 'b',
      sdl: fed2(
        `type Query { v: V @shareable i: I @shareable } type V @shareable { a: Int c: Int } interface I { b: Int } type K implements I @shareable { a: Int b: Int }`,
        ALL,
      ),
    },
  ];

  it('INCONSISTENT_OBJECT_VALUE_TYPE_FIELD', () => {
    expectHint('INCONSISTENT_OBJECT_VALUE_TYPE_FIELD', valueTypes);
  });

  it('INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD', () => {
    expectHint('INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD', valueTypes);
  });

  it('INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE, types grouped by subgraph', () => {
    const sdl = (a: string, b: string) =>
      fed2(`type Query { f(a: ${a}, b: ${b}): Int @shareable }`, ALL);
    expectHint('INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE', [
      { name: 'a', sdl: sdl('Int', '[Int!]') },
      { name: 'b', sdl: sdl('Int!', '[Int]') },
      { name: 'c', sdl: sdl('Int', '[Int!]!') },
    ]);
  });

  it('INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE, on input fields and output fields', () => {
    const sdl = (input: string, output: string) =>
      fed2(`type Query { g(i: In): ${output} @shareable } input In { x: ${input} }`, ALL);
    expectHint('INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE', [
      { name: 'a', sdl: sdl('Int', 'Int') },
      { name: 'b', sdl: sdl('Int!', 'Int!') },
      { name: 'c', sdl: sdl('Int!', 'Int!') },
    ]);
  });

  // Executable directives: kept when every subgraph defines them with a common location.
  const executable: TestSubgraph[] = [
    {
      name: 'a',
      sdl: fed2(
        `directive @e1(a: Int, b: String) repeatable on QUERY | FIELD | INLINE_FRAGMENT
         directive @e2 on FIELD_DEFINITION
         directive @e3 on FIELD | FIELD_DEFINITION
         directive @e4 on FIELD | MUTATION | QUERY
         directive @e5 on FIELD
         type Query { x: Int }`,
        ALL,
      ),
    },
    {
      name: 'b',
      sdl: fed2(
        `directive @e1(a: Int) on FIELD | QUERY | INLINE_FRAGMENT | SUBSCRIPTION
         directive @e2 on FIELD
         directive @e3 on FIELD_DEFINITION | FIELD
         directive @e4 on QUERY | FIELD
         directive @e5 on QUERY
         type Query { y: Int }`,
        ALL,
      ),
    },
    {
      name: 'c',
      sdl: fed2(
        `directive @e1(a: Int) on FIELD | QUERY | INLINE_FRAGMENT | FRAGMENT_SPREAD
         directive @e4 on QUERY | FIELD
         directive @e5 on FIELD
         type Query { z: Int }`,
        ALL,
      ),
    },
  ];

  it.each([
    'INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE',
    'INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE',
    'INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS',
    'NO_EXECUTABLE_DIRECTIVE_INTERSECTION',
    'INCONSISTENT_ARGUMENT_PRESENCE',
  ])('%s', (code) => {
    expectHint(code, executable);
  });

  it('executable directive definitions merge into the supergraph as in Apollo', () => {
    expectSameSupergraph(executable);
  });

  it('INCONSISTENT_DESCRIPTION, on every kind of element', () => {
    const sdl = (d: (s: string) => string) =>
      fed2(
        `${d('dir')} directive @ex(${d('arg')} a: Int) on FIELD
         type Query { ${d('field')} f(${d('farg')} a: Int): Int @shareable v: V @shareable u: U @shareable s: S @shareable e(i: In): E @shareable }
         ${d('object')} type V @shareable { ${d('vfield')} x: Int }
         ${d('union')} union U = V
         ${d('scalar')} scalar S
         ${d('enum')} enum E { ${d('value')} A }
         ${d('input')} input In { ${d('ifield')} x: Int }`,
        ALL,
      );
    expectHint('INCONSISTENT_DESCRIPTION', [
      { name: 'a', sdl: sdl((s) => `"${s} a"`) },
      { name: 'b', sdl: sdl((s) => `"""\n${s}\nb\n"""`) },
      { name: 'c', sdl: sdl((s) => (s.startsWith('f') ? '""' : `"${s} a"`)) },
      { name: 'd', sdl: sdl(() => '') },
    ]);
  });

  it('composed directives with inconsistent definitions: no INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_* hint (Apollo 2.14 never raises them)', () => {
    const sdl = (definition: string) =>
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
         @link(url: "https://x.dev/foo/v1.0", import: ["@foo"]) @composeDirective(name: "@foo")
       ${definition}
       type Query { x: Int @foo }`;
    const subgraphs = [
      { name: 'a', sdl: sdl('directive @foo repeatable on FIELD_DEFINITION | OBJECT') },
      { name: 'b', sdl: sdl('directive @foo on FIELD_DEFINITION').replace('x: Int', 'y: Int') },
    ];
    const result = composeSubgraphs(
      subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}`, sdl: s.sdl })),
      { runSatisfiability: false },
    );
    expect(result.hints.map((h) => h.code)).not.toContain(
      'INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_REPEATABLE',
    );
    expect(result.hints.map((h) => h.code)).not.toContain(
      'INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_LOCATIONS',
    );
    // And the supergraph keeps the definition Apollo keeps (the last subgraph's, at equal versions).
    expectSameSupergraph(subgraphs);
  });

  it('INCONSISTENT_DEFAULT_VALUE_PRESENCE, on arguments and input fields (the default is dropped)', () => {
    expectHint('INCONSISTENT_DEFAULT_VALUE_PRESENCE', [
      {
        name: 'a',
        sdl: V27(
          `type Query { x(e: Boolean = false, f: F): Int @shareable } input F { g: [Int] = [1] }`,
        ),
      },
      {
        name: 'b',
        sdl: V27(`type Query { x(e: Boolean, f: F): Int @shareable } input F { g: [Int] }`),
      },
      {
        name: 'c',
        sdl: V27(`type Query { x(e: Boolean = false, f: F): Int @shareable } input F { g: [Int] }`),
      },
    ]);
  });

  it('INCONSISTENT_DESCRIPTION on the schema definition', () => {
    expectHint('INCONSISTENT_DESCRIPTION', [
      { name: 'a', sdl: V27(`"Root A" schema { query: Query } type Query { x: Int }`) },
      { name: 'b', sdl: V27(`"Root A" schema { query: Query } type Query { y: Int }`) },
      { name: 'c', sdl: V27(`"Root C" schema { query: Query } type Query { z: Int }`) },
    ]);
  });
});
