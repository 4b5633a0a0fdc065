import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../src/compose.js';
import { fed2 } from './harness.js';

const IMPORTS = ['@key', '@shareable', '@external', '@override', '@tag'];

/** Each case: one subgraph whose GraphQL (not federation) validity composition rejects. */
const CASES: Record<string, string> = {
  'unknown field type': `type Query { trip: Trip }\ntype Trip { legs: [Leg!]! }`,
  'unknown argument type': `type Query { x(a: Foo): Int }`,
  'unknown directive argument type': `directive @foo(a: Foo) on FIELD_DEFINITION\ntype Query { x: Int }`,
  'unknown interface': `type Query { x: T }\ntype T implements Nope { a: Int }`,
  'unknown union member': `type Query { x: U }\nunion U = Nope`,
  'duplicate type': `type Query { x: T }\ntype T { a: Int }\ntype T { b: Int }`,
  'duplicate type of another kind': `type Query { x: T }\ntype T { a: Int }\ninput T { a: Int }`,
  'duplicate field': `type Query { x: Int x: String }`,
  'field repeated in an extension': `type Query { x: T }\ntype T { a: Int }\nextend type T { a: Int }`,
  'invalid directive argument value': `directive @foo(n: Int) on FIELD_DEFINITION\ntype Query { x: Int @foo(n: "s") }`,
  'invalid enum argument value': `directive @foo(e: E) on FIELD_DEFINITION\ntype Query { x: Int @foo(e: C) }\nenum E { A B }`,
  'invalid list item': `directive @foo(e: [Int]) on FIELD_DEFINITION\ntype Query { x: Int @foo(e: [1, "a"]) }`,
  'invalid federation argument value': `type Query { x: T }\ntype T @key(fields: "id", resolvable: "yes") { id: ID }`,
  'unknown directive argument': `directive @foo(n: Int) on FIELD_DEFINITION\ntype Query { x: Int @foo(m: 1) }`,
  'unknown federation argument': `type Query { x: T }\ntype T @key(fields: "id", foo: 1) { id: ID }`,
  'missing required argument': `directive @foo(n: Int!) on FIELD_DEFINITION\ntype Query { x: Int @foo }`,
  'missing federation argument': `type Query { x: T }\ntype T @key { id: ID }`,
  'directive at a wrong location': `directive @foo on OBJECT\ntype Query { x: Int @foo }`,
  'federation directive at a wrong location': `type Query { x(a: Int @shareable): Int }`,
  'repeated non-repeatable directive': `type Query { x: T }\ntype T @key(fields: "id") { id: ID b: Int @external @external }`,
  'interface field missing': `type Query { x: I }\ninterface I { a: Int }\ntype T implements I { b: Int }`,
  'interface field of another type': `type Query { x: I }\ninterface I { a: Int }\ntype T implements I { a: String }`,
  'interface argument missing': `type Query { x: I }\ninterface I { a(x: Int): Int }\ntype T implements I { a: Int }`,
  'interface argument of another type': `type Query { x: I }\ninterface I { a(x: Int): Int }\ntype T implements I { a(x: String): Int }`,
  'extra required argument': `type Query { x: I }\ninterface I { a: Int }\ntype T implements I { a(x: Int!): Int }`,
  'transitive interface missing': `type Query { x: I }\ninterface J { a: Int }\ninterface I implements J { a: Int }\ntype T implements I { a: Int }`,
  'implementing an object': `type Query { x: T }\ntype U { a: Int }\ntype T implements U { a: Int }`,
  'union of a scalar': `type Query { x: U }\nunion U = Int`,
  'object as argument type': `type Query { x(a: T): Int }\ntype T { a: Int }`,
  'input as field type': `type Query { x: I }\ninput I { a: Int }`,
  'object as directive argument type': `directive @foo(a: Q) on FIELD_DEFINITION\ntype Query { x: Int }\ntype Q { a: Int }`,
  'type without fields': `type Query { x: T }\ntype T`,
  'input without fields': `type Query { x(a: In): Int }\ninput In`,
  'union without members': `type Query { x: U }\nunion U`,
  'enum without values': `type Query { x: E }\nenum E`,
  'invalid argument default': `type Query { x(a: Int = "s"): Int }`,
  'invalid input field default': `type Query { x(a: In): Int }\ninput In { a: Int = "s" }`,
  'invalid input object default': `type Query { x(a: In = {b: 1}): Int }\ninput In { a: Int }`,
  'reserved name': `type Query { x: __T }\ntype __T { a: Int }`,
};

function apolloMessages(sdl: string): string[] {
  const result = composeServices([{ name: 'a', url: 'http://a', typeDefs: parse(sdl) }]);
  return (result.errors ?? []).map((e) => `${String(e.extensions['code'])} ${e.message}`);
}

function ourMessages(sdl: string): string[] {
  const result = composeSubgraphs([{ name: 'a', url: 'http://a', sdl }], {
    runSatisfiability: false,
  });
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.message}`);
}

describe('GraphQL validation of each subgraph (INVALID_GRAPHQL, as @apollo/composition)', () => {
  for (const [label, body] of Object.entries(CASES)) {
    it(label, () => {
      const sdl = fed2(body, IMPORTS);
      const expected = apolloMessages(sdl);
      expect(expected.length).toBeGreaterThan(0);
      expect(ourMessages(sdl)).toEqual(expected);
    });
  }

  it('stops at unknown types, before federation rules and schema validation', () => {
    const sdl = fed2(
      `type Query { x: T y: U }\ntype T @key(fields: "nope") { b: Nope }\ntype U implements T { c: Int }`,
      IMPORTS,
    );
    expect(ourMessages(sdl)).toEqual(apolloMessages(sdl));
  });

  it('accepts what composition accepts: subtypes, defaults, null, single values for lists', () => {
    const sdl = fed2(
      `directive @foo(e: [Int], n: Int!, o: In) on FIELD_DEFINITION
       type Query { x: I @foo(e: 1, n: null, o: {a: 1}) y(a: E = A, b: [Int] = 1, c: In = {a: 2}): Int }
       interface I { a: I b(x: Int): Int }
       type T implements I { a: T! b(x: Int, y: Int): Int }
       input In { a: Int! b: Float = 1 }
       enum E { A B }`,
      IMPORTS,
    );
    expect(apolloMessages(sdl)).toEqual([]);
    expect(ourMessages(sdl)).toEqual([]);
  });
});
