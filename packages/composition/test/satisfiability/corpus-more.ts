import { CONTEXT_HEADER, type CorpusSet } from './corpus-set.js';

/** `T.f` reads `prop` from the nearest `@context(name: "uctx")` above it. */
const CONTEXTUAL_T =
  'type T @key(fields: "id") { id: ID! f(x: String @fromContext(field: "$uctx { prop }")): Int }';

/**
 * More corpus sets: `@fromContext` conditions, runtime types of shareable fields, progressive
 * override in conditions. Same contract as corpus.ts: each composes with Apollo apart from
 * satisfiability.
 */
export const MORE_CORPUS: readonly CorpusSet[] = [
  {
    name: 'context set by the parent type',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! t: T } ${CONTEXTUAL_T}`,
    },
  },
  {
    name: 'context missing when the field is reached from another subgraph',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! t: T } ${CONTEXTUAL_T}`,
      b: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
    },
  },
  {
    name: 'context missing on one of two paths',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U v: V } type V { t: T } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! t: T } ${CONTEXTUAL_T}`,
    },
  },
  {
    name: 'context selection needs a key jump',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! @external t: T } ${CONTEXTUAL_T}`,
      b: 'type U @key(fields: "id") { id: ID! prop: String! }',
    },
  },
  {
    name: 'context selection unreachable',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! @external t: T } ${CONTEXTUAL_T}`,
      b: 'type U @key(fields: "id", resolvable: false) { id: ID! prop: String! }',
    },
  },
  {
    name: 'context set by a type of another subgraph',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { z: Int } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! @shareable } ${CONTEXTUAL_T}`,
      b: 'type Query { u: U } type U @key(fields: "id") { id: ID! prop: String! @shareable t: T } type T @key(fields: "id") { id: ID! }',
    },
  },
  {
    name: 'nearest context wins even if its selection fails',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } type U @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! v: V } type V @key(fields: "id") @context(name: "uctx") { id: ID! prop: String! @external t: T } ${CONTEXTUAL_T}`,
      b: 'type V @key(fields: "id", resolvable: false) { id: ID! prop: String! }',
    },
  },
  {
    name: 'context set by an interface, reached through an implementation',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: `type Query { u: U } interface I @context(name: "uctx") { prop: String! t: T } type U implements I @key(fields: "id") { id: ID! prop: String! t: T } ${CONTEXTUAL_T}`,
    },
  },
  {
    name: 'context with type conditions on two types, recursive',
    header: CONTEXT_HEADER,
    subgraphs: {
      a: 'type Query { u: U v: V } type U @key(fields: "id") @context(name: "c") { id: ID! p: String! t: T } type V @key(fields: "id") @context(name: "c") { id: ID! p: String! t: T } type T @key(fields: "id") { id: ID! parent: T u: U f(x: String @fromContext(field: "$c ... on U { p } ... on V { p }")): Int }',
    },
  },
  {
    name: 'progressive override: a labelled key field serves no key',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! k: ID! }',
      b: 'type T @key(fields: "id") @key(fields: "k") { id: ID! k: ID! @override(from: "a", label: "percent(50)") }',
      c: 'type T @key(fields: "k") { k: ID! w: Int }',
    },
  },
  {
    name: 'progressive override: a labelled field serves no @requires',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! n: Int }',
      b: 'type T @key(fields: "id") { id: ID! n: Int @override(from: "a", label: "percent(50)") }',
      c: 'type T @key(fields: "id") { id: ID! n: Int @external s: Int @requires(fields: "n") }',
    },
  },
  {
    name: 'progressive override: a labelled nested field serves no @requires',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! o: O } type O @key(fields: "id") { id: ID! n: Int }',
      b: 'type O @key(fields: "id") { id: ID! n: Int @override(from: "a", label: "percent(50)") }',
      c: 'type T @key(fields: "id") { id: ID! o: O @external s: Int @requires(fields: "o { n }") } type O @key(fields: "id") { id: ID! n: Int @external }',
    },
  },
  {
    name: 'progressive override: labelled requires field, new side unreachable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! o: O } type O @key(fields: "id") { id: ID! n: Int }',
      b: 'type O @key(fields: "id", resolvable: false) { id: ID! n: Int @override(from: "a", label: "percent(50)") }',
      c: 'type T @key(fields: "id") { id: ID! o: O @external s: Int @requires(fields: "o { n }") } type O @key(fields: "id") { id: ID! n: Int @external }',
    },
  },
  {
    name: 'progressive override: unlabelled key still used beside a labelled field',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! k: ID! @shareable x: Int }',
      b: 'type T @key(fields: "id") { id: ID! x: Int @override(from: "a", label: "percent(50)") }',
      c: 'type T @key(fields: "k") { k: ID! @shareable w: Int }',
    },
  },
  {
    name: 'shareable field, union members disjoint across subgraphs',
    subgraphs: {
      a: 'type Query { u: [U] @shareable } union U = A | D type A @shareable { x: Int } type D @shareable { x: Int }',
      b: 'type Query { u: [U] @shareable } union U = B | E type B @shareable { y: Int } type E @shareable { x: Int }',
      c: 'type Query { u: [U] @shareable } union U = B | E type B @shareable { y: Int } type E @shareable { x: Int }',
    },
  },
  {
    name: 'shareable field, interface implementations disjoint',
    subgraphs: {
      a: 'type Query { i: I @shareable } interface I { id: ID! } type A implements I @shareable { id: ID! }',
      b: 'type Query { i: I @shareable } interface I { id: ID! } type B implements I @shareable { id: ID! } type A @shareable { id: ID! }',
    },
  },
  {
    name: 'shareable field, union members overlap (hint)',
    subgraphs: {
      a: 'type Query { u: U @shareable } union U = A | C | D type A @shareable { x: Int } type C @shareable { z: Int } type D @shareable { x: Int }',
      b: 'type Query { u: U @shareable } union U = B | C | D type B @shareable { y: Int } type C @shareable { z: Int } type D @shareable { x: Int }',
      c: 'type Query { u: U @shareable } union U = C | D type C @shareable { z: Int } type D @shareable { x: Int }',
    },
  },
  {
    name: 'shareable entity field, runtime types overlap after a key jump (hint)',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! u: U @shareable } union U = A | C type A @shareable { x: Int } type C @shareable { z: Int }',
      b: 'type T @key(fields: "id") { id: ID! u: U @shareable } union U = B | C type B @shareable { y: Int } type C @shareable { z: Int }',
    },
  },
  {
    name: 'interface field unreachable for one implementation only',
    subgraphs: {
      a: 'type Query { i: I } interface I { id: ID! } type X implements I @key(fields: "id") { id: ID! } type Y implements I @key(fields: "id") { id: ID! }',
      b: 'interface I { id: ID! name: String } type X implements I @key(fields: "id") { id: ID! name: String } type Y implements I @key(fields: "id", resolvable: false) { id: ID! name: String }',
    },
  },
  {
    name: 'key chain of three, last key not resolvable',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") @key(fields: "k") { id: ID! k: ID! }',
      c: 'type T @key(fields: "z") { z: ID! w: Int }',
    },
  },
  {
    name: 'requires from a subgraph that cannot be entered',
    subgraphs: {
      a: 'type Query { t: T } type T @key(fields: "id") { id: ID! }',
      b: 'type T @key(fields: "id") { id: ID! w: Int @external s: Int @requires(fields: "w") }',
      c: 'type T @key(fields: "id", resolvable: false) { id: ID! w: Int }',
    },
  },
];
