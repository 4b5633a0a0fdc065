/**
 * Satisfiability corpus: small subgraph sets, satisfiable or not, each run through
 * `@apollo/composition` (the oracle) and through `validateSatisfiability`. Every set composes
 * with Apollo apart from satisfiability, so a difference in verdict is ours to explain.
 */
import { MORE_CORPUS } from './corpus-more.js';
import type { CorpusSet } from './corpus-set.js';

export { CONTEXT_HEADER, type CorpusSet, FEDERATION_HEADER } from './corpus-set.js';

const BASE_CORPUS: readonly CorpusSet[] = [
  {
    name: 'one subgraph',
    subgraphs: { a: 'type Query { t: T } type T { id: ID! n: Int }' },
  },
  {
    name: 'entity extended with a common key',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! a: Int }',
      b: 'type T @key(fields: "id") { id: ID! b: Int }',
    },
  },
  {
    name: 'value type field missing, no key in the other subgraph',
    subgraphs: {
      a: 'type Query { p: P } type P @shareable { x: Int }',
      b: 'type Query { q: P } type P @shareable { x: Int z: Int }',
    },
  },
  {
    name: 'different keys, key field not resolvable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "k") { k: ID! b: Int c: U } type U { v: Int }',
    },
  },
  {
    name: 'different keys bridged by a third subgraph',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") { id: ID! k: ID! @shareable }',
      c: 'type T @key(fields: "k") { k: ID! @shareable c: Int }',
    },
  },
  {
    name: 'resolvable: false key blocks jumps',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id", resolvable: false) { id: ID! w: Int }',
    },
  },
  {
    name: 'resolvable: false reference is fine',
    subgraphs: {
      a: 'type Query { r: R } type R { t: T } type T @key(fields: "id", resolvable: false) { id: ID! }',
      b: 'type T @key(fields: "id") { id: ID! w: Int }',
    },
  },
  {
    name: 'several keys, one usable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! }',
      b: 'type T @key(fields: "sku") { sku: String! b: Int }',
    },
  },
  {
    name: 'composite key',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id org { id }") { id: ID! org: Org! } type Org @shareable { id: ID! }',
      b: 'type T @key(fields: "id org { id }") { id: ID! org: Org! b: Int } type Org @shareable { id: ID! }',
    },
  },
  {
    name: 'requires satisfied',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! w: Int }',
      b: 'type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }',
    },
  },
  {
    name: 'requires not satisfiable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int @external y: Int @requires(fields: "x") }',
      b: 'type T @key(fields: "id", resolvable: false) { id: ID! x: Int }',
    },
  },
  {
    name: 'external field not provided',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int @external y: Int @requires(fields: "x") }',
      b: 'type T @key(fields: "id", resolvable: false) { id: ID! x: Int } type Query { b: Int }',
    },
  },
  {
    name: 'provides makes a field reachable',
    subgraphs: {
      a: 'type Query { r: [R] } type R @key(fields: "id") { id: ID! u: U @provides(fields: "name") } type U @key(fields: "id", resolvable: false) { id: ID! name: String @external }',
      b: 'type U @key(fields: "id") { id: ID! name: String @shareable }',
    },
  },
  {
    name: 'provides on a value type path only',
    subgraphs: {
      a: 'type Query { u: U @provides(fields: "name") other: U } type U @key(fields: "id", resolvable: false) { id: ID! name: String @external }',
      b: 'type U @key(fields: "id", resolvable: false) { id: ID! name: String @shareable } type Query { b: Int }',
    },
  },
  {
    name: 'override moves a field',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }',
      b: 'type T @key(fields: "id") { id: ID! x: Int @override(from: "a") }',
    },
  },
  {
    name: 'override to a subgraph that cannot be reached',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }',
      b: 'type T @key(fields: "id", resolvable: false) { id: ID! x: Int @override(from: "a") }',
    },
  },
  {
    name: 'progressive override, both sides reachable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }',
      b: 'type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "percent(10)") }',
    },
  },
  {
    name: 'progressive override, new side unreachable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! x: Int }',
      b: 'type T @key(fields: "id", resolvable: false) { id: ID! x: Int @override(from: "a", label: "percent(10)") }',
    },
  },
  {
    name: 'interface with implementations across subgraphs',
    subgraphs: {
      a: 'type Query { i: I } interface I { id: ID! } type X implements I @key(fields: "id") { id: ID! } type Y implements I @key(fields: "id") { id: ID! }',
      b: 'type Y @key(fields: "id") { id: ID! w: Int }',
    },
  },
  {
    name: 'interface implementation field unreachable',
    subgraphs: {
      a: 'type Query { i: I } interface I { id: ID! } type X implements I @key(fields: "id") { id: ID! } type Y implements I @key(fields: "id") { id: ID! }',
      b: 'type Y @key(fields: "id", resolvable: false) { id: ID! w: Int }',
    },
  },
  {
    name: 'union members across subgraphs',
    subgraphs: {
      a: 'type Query { u: U } union U = X | Y type X @key(fields: "id") { id: ID! } type Y { n: Int }',
      b: 'type X @key(fields: "id") { id: ID! m: Int }',
    },
  },
  {
    name: 'union member field without key',
    subgraphs: {
      a: 'type Query { u: U } union U = X | Y type X @shareable { id: ID! } type Y { n: Int }',
      b: 'type X @shareable { id: ID! m: Int } type Query { x: X }',
    },
  },
  {
    name: 'interfaceObject adds fields',
    subgraphs: {
      a: 'type Query { i: I } interface I @key(fields: "id") { id: ID! } type X implements I @key(fields: "id") { id: ID! }',
      b: 'type I @key(fields: "id") @interfaceObject { id: ID! r: Int }',
    },
  },
  {
    name: 'interfaceObject entry point with downcast',
    subgraphs: {
      a: 'type Query { a: Int } interface I @key(fields: "id") { id: ID! } type X implements I @key(fields: "id") { id: ID! x: Int }',
      b: 'type I @key(fields: "id") @interfaceObject { id: ID! r: Int } type Query { ii: I }',
    },
  },
  {
    name: 'mutation result needs a key jump',
    subgraphs: {
      a: 'type Query { x: Int } type Mutation { m: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "k") { k: ID! q: Int }',
    },
  },
  {
    name: 'mutation result reachable',
    subgraphs: {
      a: 'type Query { x: Int } type Mutation { m: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") { id: ID! q: Int } type Mutation { n: Int }',
    },
  },
  {
    name: 'shareable root field, field only in one subgraph',
    subgraphs: {
      a: 'type Query { t: T @shareable } type T @key(fields: "id") { id: ID! a: Int }',
      b: 'type Query { t: T @shareable } type T @key(fields: "id") { id: ID! b: Int }',
    },
  },
  {
    name: 'shareable value type diverging',
    subgraphs: {
      a: 'type Query { v: V @shareable } type V @shareable { a: Int }',
      b: 'type Query { v: V @shareable } type V @shareable { a: Int b: Int }',
    },
  },
  {
    name: 'nested path through two entities',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") { id: ID! u: U } type U @key(fields: "uid") { uid: ID! }',
      c: 'type U @key(fields: "uid") { uid: ID! name: String }',
    },
  },
  {
    name: 'inaccessible unreachable field is ignored',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "k") { k: ID! @inaccessible }',
    },
  },
  {
    name: 'field arguments in the witness',
    subgraphs: {
      a: 'enum E { P Q } input In { x: Int! y: String } type Query { t(a: Int!, b: String, e: E, i: In, l: [ID!]): T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "k") { k: ID! b(f: Float, c: Boolean): Int }',
    },
  },
  {
    name: 'key with nested entity',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! u: U @shareable } type U @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "u { id }") { u: U! @shareable b: Int } type U @key(fields: "id") { id: ID! }',
    },
  },
  {
    name: 'query root reachable from a nested field',
    subgraphs: {
      a: 'type Query { a: A } type A { q: Query }',
      b: 'type Query { b: Int }',
    },
  },
  {
    name: 'requires with a nested selection',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! d: D } type D @shareable { w: Int h: Int }',
      b: 'type T @key(fields: "id") { id: ID! d: D @external s: Int @requires(fields: "d { w }") } type D @shareable { w: Int h: Int }',
    },
  },
  {
    name: 'interface field known only to another subgraph',
    subgraphs: {
      a: 'type Query { i: I } interface I { id: ID! } type X implements I @key(fields: "id") { id: ID! }',
      b: 'interface I { id: ID! name: String } type X implements I @key(fields: "id") { id: ID! name: String }',
    },
  },
  {
    name: 'recursive type',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! self: T next: [T] }',
      b: 'type T @key(fields: "id") { id: ID! b: Int other: T }',
    },
  },
  {
    name: 'nested provides',
    subgraphs: {
      a: 'type Query { r: R } type R { t: T @provides(fields: "u { name }") } type T @key(fields: "id") { id: ID! u: U @external } type U @key(fields: "id") { id: ID! name: String @external }',
      b: 'type T @key(fields: "id") { id: ID! u: U @shareable } type U @key(fields: "id", resolvable: false) { id: ID! name: String @shareable }',
    },
  },
  {
    name: 'requires needing a key jump chain',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! k: ID! @shareable }',
      b: 'type T @key(fields: "k") { k: ID! @shareable w: Int }',
      c: 'type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }',
    },
  },
  {
    name: 'override of a key field',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! a: Int }',
      b: 'type T @key(fields: "id") { id: ID! @override(from: "a") b: Int }',
    },
  },
  {
    name: 'entity interface with a field on implementations elsewhere',
    subgraphs: {
      a: 'type Query { i: I } interface I @key(fields: "id") { id: ID! } type X implements I @key(fields: "id") { id: ID! }',
      b: 'type X @key(fields: "id") { id: ID! extra: Int }',
    },
  },
  {
    name: 'subscription field result needs a jump',
    subgraphs: {
      a: 'type Query { x: Int } type Subscription { s: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "k") { k: ID! q: Int }',
    },
  },
  {
    name: 'two unsatisfiable paths through different parents',
    subgraphs: {
      a: 'type Query { t: T p: P } type T @key(fields: "id") { id: ID! v: V } type P @key(fields: "id") { id: ID! v: V } type V @shareable { x: Int }',
      b: 'type V @shareable { x: Int y: Int } type Query { v: V }',
    },
  },
  {
    name: 'key fields provided by a third subgraph path',
    subgraphs: {
      a: 'type Query { list: [T] } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") @key(fields: "email") { id: ID! email: String! }',
      c: 'type T @key(fields: "email") { email: String! score: Int }',
    },
  },
];

export const CORPUS: readonly CorpusSet[] = [...BASE_CORPUS, ...MORE_CORPUS];
