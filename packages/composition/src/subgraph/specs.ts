/**
 * What the linked specs a subgraph may use define: federation directive names per version, and
 * the other specs (`tag`, `inaccessible`, auth, cost, context) whose directives composition
 * understands. Names here are canonical: what a directive is called when imported without rename.
 */

/** Federation directives, with the minor version of federation 2 that introduced each. */
export const FEDERATION_DIRECTIVES: ReadonlyMap<string, number> = new Map([
  ['key', 0],
  ['requires', 0],
  ['provides', 0],
  ['external', 0],
  ['tag', 0],
  ['extends', 0],
  ['shareable', 0],
  ['inaccessible', 0],
  ['override', 0],
  ['composeDirective', 1],
  ['interfaceObject', 3],
  ['authenticated', 5],
  ['requiresScopes', 5],
  ['policy', 6],
  ['context', 8],
  ['fromContext', 8],
  ['cost', 9],
  ['listSize', 9],
  ['cacheTag', 12],
]);

/** Federation types, with the minor version that introduced each. */
export const FEDERATION_TYPES: ReadonlyMap<string, number> = new Map([
  ['FieldSet', 0],
  ['Scope', 5],
  ['Policy', 6],
  ['ContextFieldValue', 8],
]);

/** The federation 2 minor versions composition knows (`federation/v2.0` to `v2.12`). */
export const MAX_FEDERATION_MINOR = 12;

/** Directives a Federation 1 subgraph may use without any `@link`. */
export const FED1_DIRECTIVES: ReadonlySet<string> = new Set([
  'key',
  'requires',
  'provides',
  'external',
  'extends',
  'tag',
  'inaccessible',
]);

/**
 * Specs other than federation that can be linked on their own, the directives they define, and
 * the federation minor version they need.
 */
export const OTHER_SPECS: ReadonlyMap<string, { directives: readonly string[]; minor: number }> =
  new Map([
    ['tag', { directives: ['tag'], minor: 0 }],
    ['inaccessible', { directives: ['inaccessible'], minor: 0 }],
    ['authenticated', { directives: ['authenticated'], minor: 5 }],
    ['requiresScopes', { directives: ['requiresScopes'], minor: 5 }],
    ['policy', { directives: ['policy'], minor: 6 }],
    ['context', { directives: ['context', 'fromContext'], minor: 8 }],
    ['cost', { directives: ['cost', 'listSize'], minor: 9 }],
  ]);

/** Built-in GraphQL directives, always known. */
export const BUILT_IN_DIRECTIVES: ReadonlySet<string> = new Set([
  'deprecated',
  'specifiedBy',
  'include',
  'skip',
  'oneOf',
  'defer',
  'stream',
]);

/** Types a subgraph server adds, which never reach the supergraph. */
export const SUBGRAPH_ONLY_TYPES: ReadonlySet<string> = new Set([
  '_Any',
  '_Entity',
  '_Service',
  '_FieldSet',
  'FieldSet',
]);

/** Root fields a subgraph server adds, which never reach the supergraph. */
export const SUBGRAPH_ONLY_ROOT_FIELDS: ReadonlySet<string> = new Set(['_service', '_entities']);
