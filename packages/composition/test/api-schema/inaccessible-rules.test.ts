import { describe, expect, it } from 'vitest';
import { toApiSchema } from '../../src/index.js';
import { FED2_HEADER, apolloApiSchema, apolloCompositionCodes } from './apollo-oracle.js';

/** A join v0.3 supergraph header with `@inaccessible` linked; cases append their types. */
const SUPERGRAPH_HEAD = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
{ query: Query mutation: Mutation }
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { A @join__graph(name: "a", url: "http://a") }
`;

interface Case {
  readonly name: string;
  readonly code: string;
  /** Types appended to a supergraph header, and (with `composes`) to a subgraph header. */
  readonly body: string;
  /** The same body as a Fed 2 subgraph makes `@apollo/composition` raise the code too. */
  readonly composes: boolean;
}

const M = 'type Mutation { m: Int }';

const CASES: readonly Case[] = [
  {
    name: 'query root hidden',
    code: 'QUERY_ROOT_TYPE_INACCESSIBLE',
    composes: true,
    body: `type Query @inaccessible { a: Int } ${M}`,
  },
  {
    name: 'visible field returns a hidden type',
    code: 'REFERENCED_INACCESSIBLE',
    composes: true,
    body: `type Query { o: O } type O @inaccessible { x: Int } ${M}`,
  },
  {
    name: 'visible argument takes a hidden input',
    code: 'REFERENCED_INACCESSIBLE',
    composes: true,
    body: `type Query { a(x: X): Int } input X @inaccessible { x: Int } ${M}`,
  },
  {
    name: 'visible input field takes a hidden input',
    code: 'REFERENCED_INACCESSIBLE',
    composes: true,
    body: `type Query { a(x: X): Int } input X { y: Y } input Y @inaccessible { v: Int } ${M}`,
  },
  {
    name: 'default value uses a hidden enum value',
    code: 'DEFAULT_VALUE_USES_INACCESSIBLE',
    composes: true,
    body: `type Query { a(e: [E] = [A, B]): Int } enum E { A B @inaccessible } ${M}`,
  },
  {
    name: 'default value uses a hidden input field',
    code: 'DEFAULT_VALUE_USES_INACCESSIBLE',
    composes: true,
    body: `type Query { a(i: I = { x: 1 }): Int } input I { x: Int @inaccessible y: Int } ${M}`,
  },
  {
    name: 'required argument hidden',
    code: 'REQUIRED_INACCESSIBLE',
    composes: true,
    body: `type Query { a(x: Int! @inaccessible): Int } ${M}`,
  },
  {
    name: 'required input field hidden',
    code: 'REQUIRED_INACCESSIBLE',
    composes: true,
    body: `type Query { a(x: X): Int } input X { x: Int! @inaccessible y: Int } ${M}`,
  },
  {
    name: 'implementing field hidden',
    code: 'IMPLEMENTED_BY_INACCESSIBLE',
    composes: true,
    body: `type Query { a: O } interface I { x: Int y: Int } type O implements I { x: Int @inaccessible y: Int } ${M}`,
  },
  {
    name: 'implementing argument hidden',
    code: 'IMPLEMENTED_BY_INACCESSIBLE',
    composes: true,
    body: `type Query { a: O } interface I { x(a: Int): Int } type O implements I { x(a: Int @inaccessible): Int } ${M}`,
  },
  {
    name: 'built-in scalar hidden',
    code: 'DISALLOWED_INACCESSIBLE',
    composes: false,
    body: `type Query { a: Int } ${M} scalar String @inaccessible`,
  },
  {
    name: 'feature type hidden',
    code: 'DISALLOWED_INACCESSIBLE',
    composes: false,
    body: `type Query { a: Int } ${M} scalar join__X @inaccessible`,
  },
  {
    name: 'type-system directive argument hidden',
    code: 'DISALLOWED_INACCESSIBLE',
    composes: false,
    body: `type Query { a: Int } ${M} directive @ts(a: Int @inaccessible) on OBJECT`,
  },
  {
    name: 'all fields hidden',
    code: 'ONLY_INACCESSIBLE_CHILDREN',
    composes: true,
    body: `type Query { a: O } type O { x: Int @inaccessible } ${M}`,
  },
  {
    name: 'all enum values hidden',
    code: 'ONLY_INACCESSIBLE_CHILDREN',
    composes: true,
    body: `type Query { a: E } enum E { A @inaccessible } ${M}`,
  },
  {
    name: 'all union members hidden',
    code: 'ONLY_INACCESSIBLE_CHILDREN',
    composes: true,
    body: `type Query { a: U } union U = X | Y type X @inaccessible { x: Int } type Y @inaccessible { y: Int } ${M}`,
  },
  {
    name: 'all mutation fields hidden',
    code: 'ONLY_INACCESSIBLE_CHILDREN',
    composes: true,
    body: `type Query { a: Int } type Mutation { m: Int @inaccessible }`,
  },
];

describe('@inaccessible rules raise the codes Apollo raises', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const supergraph = SUPERGRAPH_HEAD + c.body;
      const ours = toApiSchema(supergraph);
      expect(ours.ok).toBe(false);
      const codes = ours.ok ? [] : [...new Set(ours.errors.map((e) => e.code))];
      expect(codes).toEqual([c.code]);
      // Apollo on the same hand-written supergraph.
      expect(apolloApiSchema(supergraph)).toEqual({ codes: [c.code] });
      if (c.composes) {
        const subgraph =
          FED2_HEADER + c.body.replace(/type Query \{/, 'type Query { _anchor: Int @shareable ');
        expect(apolloCompositionCodes([{ name: 'a', sdl: subgraph }])).toContain(c.code);
      }
      // Every diagnostic points at the supergraph element.
      if (!ours.ok) for (const e of ours.errors) expect(e.locations.length).toBe(1);
    });
  }
});

describe('what @inaccessible allows', () => {
  const allowed: readonly [string, string][] = [
    [
      'a hidden mutation root removes the operation',
      `type Query { a: Int } type Mutation @inaccessible { m: Int }`,
    ],
    [
      'a hidden optional argument with a hidden-field parent',
      `type Query { a(x: Int! @inaccessible): Int @inaccessible b: Int } ${M}`,
    ],
    [
      'a hidden required argument with a default',
      `type Query { a(x: Int! = 1 @inaccessible): Int } ${M}`,
    ],
    [
      'a hidden interface a visible object implements',
      `type Query { a: O } interface I @inaccessible { x: Int } type O implements I { x: Int } ${M}`,
    ],
    [
      'a hidden interface field a visible object keeps',
      `type Query { a: O i: I } interface I { x: Int @inaccessible y: Int } type O implements I { x: Int y: Int } ${M}`,
    ],
    [
      'a hidden argument of an executable directive',
      `type Query { a: Int } ${M} directive @exec(a: Int @inaccessible, b: Int) on FIELD`,
    ],
    [
      'a type only hidden fields return (kept)',
      `type Query { a: Int t: T @inaccessible } type T { x: Int } ${M}`,
    ],
  ];
  for (const [name, body] of allowed) {
    it(name, () => {
      const supergraph = SUPERGRAPH_HEAD + body;
      const ours = toApiSchema(supergraph);
      const apollo = apolloApiSchema(supergraph);
      expect('sdl' in apollo).toBe(true);
      expect(ours.ok && ours.sdl).toBe('sdl' in apollo && apollo.sdl);
    });
  }
});

describe('malformed supergraphs', () => {
  const bad: readonly [string, string][] = [
    ['syntax error', 'type Query {'],
    ['not a core schema', 'type Query { a: Int }'],
    [
      'no join link',
      'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query } directive @link(url: String) repeatable on SCHEMA type Query { a: Int }',
    ],
    [
      'unknown join version',
      SUPERGRAPH_HEAD.replace('join/v0.3', 'join/v9.9') + `type Query { a: Int } ${M}`,
    ],
    ['unknown type', SUPERGRAPH_HEAD + `type Query { a: Nope } ${M}`],
    [
      'visible field returns a feature type',
      SUPERGRAPH_HEAD + `type Query { a: join__FieldSet } ${M}`,
    ],
  ];
  for (const [name, sdl] of bad) {
    it(`${name} gives INVALID_FEDERATION_SUPERGRAPH`, () => {
      const result = toApiSchema(sdl);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([
        'INVALID_FEDERATION_SUPERGRAPH',
      ]);
    });
  }
});
