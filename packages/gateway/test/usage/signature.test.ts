import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { usageSignature } from '../../src/index.js';

// Apollo's own implementation, as a test oracle: @apollo/utils.usagereporting is a dependency of
// @apollo/server (a devDependency here), resolved from there. It uses graphql's CommonJS copy.
const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@apollo/server'));
const apollo = requireFromServer('@apollo/utils.usagereporting') as {
  usageReportingSignature(document: GraphQL.DocumentNode, operationName: string): string;
};
const gql = requireFromServer('graphql') as typeof GraphQL;

const apolloSignature = (text: string, name: string | undefined) =>
  apollo.usageReportingSignature(gql.parse(text), name ?? '');
const signature = (text: string, name?: string) => usageSignature(parse(text), name);

describe('usageSignature', () => {
  it('gives the reference example of the design notes', () => {
    const text = `
      query GetP($id: ID!) { p: product(id: $id, locale: "de") { price { amount currency } name } }
      fragment Unused on Product { id }
    `;
    expect(signature(text, 'GetP')).toBe(
      'query GetP($id:ID!){product(id:$id,locale:""){name price{amount currency}}}',
    );
  });

  it('hides numbers, strings, lists and objects; keeps booleans, enums, null and variables', () => {
    expect(
      signature(
        '{ a(i: 42, f: 1.5, s: "secret", b: """block""", l: [1, 2], o: { k: "v" }, t: true, e: RED, n: null, v: $v) }',
      ),
    ).toBe('{a(b:"",e:RED,f:0,i:0,l:[],n:null,o:{},s:"",t:true,v:$v)}');
  });

  it('drops unused operations and fragments, keeps fragments in use (sorted first)', () => {
    const text = `
      query B { ...Z ...Y }
      query A { unused }
      fragment Y on Query { y }
      fragment Z on Query { z ...W }
      fragment W on Query { w }
      fragment Unused on Query { u }
    `;
    expect(signature(text, 'B')).toBe(
      'fragment W on Query{w}fragment Y on Query{y}fragment Z on Query{z...W}query B{...Y...Z}',
    );
  });

  it('removes aliases and sorts fields, spreads, then inline fragments', () => {
    expect(signature('{ z: b ... on T { x } ...F a { c: d b } } fragment F on Query { f }')).toBe(
      'fragment F on Query{f}{a{b d}b...F...on T{x}}',
    );
  });

  it('sorts arguments and variable definitions by name', () => {
    expect(signature('query Q($z: Int, $a: [String!]! = ["x"]) { f(z: $z, a: $a, m: 1) }')).toBe(
      'query Q($a:[String!]!=[],$z:Int){f(a:$a,m:0,z:$z)}',
    );
  });

  it('sorts directives of spreads, inline fragments and fragments, as Apollo does', () => {
    expect(
      signature(
        'query Q($v: Boolean!) { ... @skip(if: $v) @include(if: true) { a } ...F @b @a } fragment F on Query @z @y { f }',
      ),
    ).toBe(
      'fragment F on Query@y@z{f}query Q($v:Boolean!){...F@a@b...@include(if:true)@skip(if:$v){a}}',
    );
  });

  it('names the anonymous operation by undefined or an empty name', () => {
    const text = '{ me { name } }';
    expect(signature(text)).toBe('{me{name}}');
    expect(signature(text, '')).toBe('{me{name}}');
  });

  it('keeps strings with spaces intact where they are not hidden (directive names, enums)', () => {
    // Only literals are hidden; names next to punctuation lose their spaces.
    expect(signature('mutation M { do(x: 1) @tag(name: "a b") { id } }')).toBe(
      'mutation M{do(x:0)@tag(name:""){id}}',
    );
  });

  const CORPUS: [string, string | undefined][] = [
    [
      'query GetP($id: ID!) { p: product(id: $id, locale: "de") { price { amount currency } name } } fragment Unused on Product { id }',
      'GetP',
    ],
    [
      '{ a(x: [1, 2], y: { a: 1, b: [{ c: "d" }] }, z: 1.5, b: true, e: FOO, n: null) @skip(if: false) { ... on T @b @a { x } ...F } } fragment F on T { y @include(if: $v) }',
      undefined,
    ],
    [
      'query Q($b: Int = 3, $a: In = { x: 1 }) @live { x: f(b: $b, a: $a) { ... on A { a } ... on B { b } ... { c } } }',
      'Q',
    ],
    [
      'subscription S { onEvent(filter: { kinds: [A, B] }) { __typename id ...on Event { at } } }',
      'S',
    ],
    ['query One { a } query Two { b ...F } fragment F on Query { c d: e }', 'Two'],
    ['query One { a } query Two { b }', 'Missing'],
    [
      '{ search(text: """\n  multi\n  line\n""") { ... on User { name } ... on Post { title } } }',
      undefined,
    ],
    ['query Deep { a { b { c { d(x: -1, y: 2e10) { e } } } } }', 'Deep'],
    ['query V($x: [[Int!]]) { f(x: $x, y: [[1]], z: {}) }', 'V'],
    ['fragment A on T { a } fragment B on T { ...A b } query Q { t { ...B ...A } }', 'Q'],
    ['query Q { f @b(y: 1, x: 2) @a }', 'Q'],
  ];

  it.each(CORPUS)('equals Apollo usageReportingSignature for %s', (text, name) => {
    expect(signature(text, name)).toBe(apolloSignature(text, name));
  });
});
