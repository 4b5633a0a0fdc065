import { Kind, print, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import type { AppliedDirective } from '../../subgraph/state.js';
import { directive, str } from '../ast.js';
import { mergeArgumentsByStrategy } from './directive-strategies.js';

/** Which linked features the supergraph uses (collected while merging, read by the preamble). */
export interface FeatureUsage {
  readonly uses: Set<
    | 'tag'
    | 'inaccessible'
    | 'authenticated'
    | 'requiresScopes'
    | 'policy'
    | 'cost'
    | 'listSize'
    | 'context'
    | 'cacheTag'
  >;
  /** Custom directives kept by `@composeDirective`: supergraph name to whether it is repeatable. */
  readonly composed?: ReadonlyMap<
    string,
    { readonly repeatable: boolean; readonly hidesArguments?: boolean }
  >;
  /** Subgraph name to its `join__Graph` value (for `@join__directive` and `@context` names). */
  readonly graphEnum?: ReadonlyMap<string, string>;
}

type Element = { readonly directives: readonly AppliedDirective[] };

/** Directives merged by name (first application wins, or a per-argument strategy). */
const MERGED = new Set(['deprecated', 'specifiedBy', 'cost', 'listSize']);
const AUTH = ['authenticated', 'requiresScopes', 'policy'] as const;

/**
 * The directives an element keeps in the supergraph, merged over the subgraphs that define it,
 * in Apollo's order: `@inaccessible`, then `@join__directive`s (`@cacheTag`, one per subgraph
 * application), then (fields only) the authorization directives, then every other kept directive
 * in order of first application over the subgraphs, then `@context` (names prefixed with the
 * subgraph). Kept: `@tag` (distinct names), `@deprecated`/`@specifiedBy` (first), the
 * authorization directives (`@authenticated`, the AND of scopes and policies), `@cost` and
 * `@listSize` (argument strategies) and `@composeDirective`d directives.
 */
export function mergeAppliedDirectives(
  elements: readonly Element[],
  usage: FeatureUsage,
  options: { readonly authFirst?: boolean } = {},
): ConstDirectiveNode[] {
  const all = elements.flatMap((e) => e.directives);
  if (all.length === 0) return [];
  const composed = usage.composed;
  const kept = (name: string) =>
    MERGED.has(name) ||
    name === 'tag' ||
    (AUTH as readonly string[]).includes(name) ||
    composed?.has(name) === true;

  const head: ConstDirectiveNode[] = [];
  if (all.some((d) => d.name === 'inaccessible')) {
    usage.uses.add('inaccessible');
    head.push(directive('inaccessible'));
  }
  head.push(...joinDirectives(all, usage));

  const order: string[] = [];
  for (const d of all) {
    if (!kept(d.name) || order.includes(d.name)) continue;
    if (options.authFirst && (AUTH as readonly string[]).includes(d.name)) continue;
    order.push(d.name);
  }
  if (options.authFirst) order.unshift(...AUTH.filter((a) => all.some((d) => d.name === a)));

  const body: ConstDirectiveNode[] = [];
  for (const name of order) {
    const applications = all.filter((d) => d.name === name);
    if (name === 'authenticated') {
      usage.uses.add('authenticated');
      body.push(directive('authenticated'));
    } else if (name === 'policy' || name === 'requiresScopes') {
      usage.uses.add(name);
      const arg = name === 'policy' ? 'policies' : 'scopes';
      body.push(
        directive(name, [[arg, mergeDisjunctions(applications.map((d) => d.args.get(arg)))]]),
      );
    } else if (name === 'tag' || composed?.get(name)?.repeatable === true) {
      if (name === 'tag') usage.uses.add('tag');
      body.push(...distinct(applications));
    } else {
      if (name === 'cost') usage.uses.add('cost');
      if (name === 'listSize') usage.uses.add('listSize');
      body.push(mergeNonRepeatable(name, applications));
    }
  }
  return [...head, ...body, ...contexts(all, usage)];
}

/** Repeatable directives: each distinct application once, in order. */
function distinct(applications: readonly AppliedDirective[]): ConstDirectiveNode[] {
  const seen = new Set<string>();
  const out: ConstDirectiveNode[] = [];
  for (const d of applications) {
    const node = asSupergraphDirective(d);
    const key = print(node);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(node);
  }
  return out;
}

/**
 * A non-repeatable directive applied in several subgraphs: identical applications are kept as
 * written; otherwise `@cost` and `@listSize` merge argument by argument, and other directives
 * keep the first subgraph's arguments.
 */
function mergeNonRepeatable(
  name: string,
  applications: readonly AppliedDirective[],
): ConstDirectiveNode {
  const first = asSupergraphDirective(applications[0]!);
  const printed = print(first);
  if (applications.every((d) => print(asSupergraphDirective(d)) === printed)) return first;
  const merged = mergeArgumentsByStrategy(name, applications);
  return merged ?? first;
}

/** An application under its supergraph name, with its arguments as written. */
function asSupergraphDirective(d: AppliedDirective): ConstDirectiveNode {
  return directive(d.name, [...d.args]);
}

/** `@cacheTag` becomes `@join__directive(graphs:, name: "federation__cacheTag", args:)`. */
function joinDirectives(
  all: readonly AppliedDirective[],
  usage: FeatureUsage,
): ConstDirectiveNode[] {
  const out: ConstDirectiveNode[] = [];
  for (const d of all) {
    if (d.name !== 'cacheTag') continue;
    usage.uses.add('cacheTag');
    const graph = usage.graphEnum?.get(d.graph) ?? d.graph;
    out.push(
      directive('join__directive', [
        ['graphs', { kind: Kind.LIST, values: [{ kind: Kind.ENUM, value: graph }] }],
        ['name', str('federation__cacheTag')],
        [
          'args',
          {
            kind: Kind.OBJECT,
            fields: [...d.args].map(([argName, value]) => ({
              kind: Kind.OBJECT_FIELD,
              name: { kind: Kind.NAME, value: argName },
              value,
            })),
          },
        ],
      ]),
    );
  }
  return out;
}

/** `@context(name: "x")` of subgraph `s` is `@context(name: "s__x")` in the supergraph. */
function contexts(all: readonly AppliedDirective[], usage: FeatureUsage): ConstDirectiveNode[] {
  const out: ConstDirectiveNode[] = [];
  const seen = new Set<string>();
  for (const d of all) {
    if (d.name !== 'context') continue;
    const value = d.args.get('name');
    if (value?.kind !== Kind.STRING) continue;
    usage.uses.add('context');
    const name = `${d.graph}__${value.value}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(directive('context', [['name', str(name)]]));
  }
  return out;
}

/**
 * ANDs several `[[A, B], [C]]` requirement lists (outer OR, inner AND): the cross product of
 * their alternatives, each alternative de-duplicated, as the router expects.
 */
function mergeDisjunctions(values: readonly (ConstValueNode | undefined)[]): ConstValueNode {
  const asLists = values.map((v) =>
    v?.kind === Kind.LIST
      ? v.values.map((inner) => (inner.kind === Kind.LIST ? inner.values : [inner]))
      : [],
  );
  let result: ConstValueNode[][] = [[]];
  const seenLists = new Set<string>();
  for (const list of asLists) {
    const key = JSON.stringify(list.map((l) => l.map((x) => print(x))));
    if (seenLists.has(key)) continue;
    seenLists.add(key);
    const next: ConstValueNode[][] = [];
    for (const acc of result) {
      for (const alt of list) {
        const merged = [...acc];
        for (const x of alt) if (!merged.some((m) => print(m) === print(x))) merged.push(x);
        next.push(merged);
      }
    }
    result = next;
  }
  return {
    kind: Kind.LIST,
    values: result.map((alt) => ({ kind: Kind.LIST, values: alt })),
  };
}
