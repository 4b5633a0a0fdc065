import { Kind, print, type ConstDirectiveNode } from 'graphql';
import type { AppliedDirective } from '../../subgraph/state.js';
import { AUTH_DIRECTIVES, conjoin, dnfOf } from '../auth-requirements.js';
import { directive, str } from '../ast.js';
import { subgraphList, type SupergraphContext } from '../context.js';
import { mergeArgumentsByStrategy, strategiesDescription } from './directive-strategies.js';

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
    {
      readonly repeatable: boolean;
      readonly hidesArguments?: boolean;
      /** The subgraphs composing it: applications in other subgraphs are not kept. */
      readonly graphs?: ReadonlySet<string>;
    }
  >;
  /** Subgraph name to its `join__Graph` value (for `@join__directive` and `@context` names). */
  readonly graphEnum?: ReadonlyMap<string, string>;
}

type Element = { readonly directives: readonly AppliedDirective[] };

/** The element whose directives are merged, for the hints merging gives. */
export interface MergeSite {
  readonly context: SupergraphContext;
  /** `T`, `T.f`, `T.f(a:)`, `E.V`, as hints name it. */
  readonly coordinate: string;
}

/** Directives merged by name (the most used arguments win, or a per-argument strategy). */
const MERGED = new Set(['deprecated', 'specifiedBy', 'cost', 'listSize']);
const AUTH = AUTH_DIRECTIVES;

/**
 * The directives an element keeps in the supergraph, merged over the subgraphs that define it,
 * in Apollo's order: `@inaccessible`, then `@join__directive`s (`@cacheTag`, one per subgraph
 * application), then (with `authFirst`: fields, and interfaces inheriting their implementations'
 * requirements) the authorization directives, then every other kept directive in order of first
 * application over the subgraphs, then `@context` (names prefixed with the subgraph). Kept:
 * `@tag` (distinct names), `@deprecated`/`@specifiedBy` (the most used arguments), the
 * authorization directives (`@authenticated`, the AND of scopes and policies), `@cost` and
 * `@listSize` (argument strategies) and `@composeDirective`d directives. Applications that
 * differ between subgraphs give MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS (merged by a strategy)
 * or INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS (one kept) hints.
 */
export function mergeAppliedDirectives(
  elements: readonly Element[],
  usage: FeatureUsage,
  site: MergeSite,
  options: { readonly authFirst?: boolean } = {},
): ConstDirectiveNode[] {
  const composed = usage.composed;
  const all = elements
    .flatMap((e) => e.directives)
    .filter((d) => composed?.get(d.name)?.graphs?.has(d.graph) !== false);
  if (all.length === 0) return [];
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
      body.push(mergeRequirements(name, applications, site));
    } else if (name === 'tag' || composed?.get(name)?.repeatable === true) {
      if (name === 'tag') usage.uses.add('tag');
      body.push(...distinct(applications));
    } else {
      if (name === 'cost') usage.uses.add('cost');
      if (name === 'listSize') usage.uses.add('listSize');
      body.push(mergeNonRepeatable(name, applications, site));
    }
  }
  return [...head, ...body, ...contexts(all, usage)];
}

/**
 * `@requiresScopes` / `@policy` applied several times: kept as written when all applications
 * agree, otherwise the AND of their requirement lists (with a hint).
 */
function mergeRequirements(
  name: 'policy' | 'requiresScopes',
  applications: readonly AppliedDirective[],
  site: MergeSite,
): ConstDirectiveNode {
  const first = asSupergraphDirective(applications[0]!);
  if (allPrintedAlike(applications, first)) return first;
  const arg = name === 'policy' ? 'policies' : 'scopes';
  const merged = conjoin(applications.map((d) => dnfOf(d.args.get(arg)))) ?? [];
  mergedHint(name, applications, site, `{ "${arg}": DNF_CONJUNCTION }`);
  return directive(name, [
    [
      arg,
      {
        kind: Kind.LIST,
        values: merged.map((alt) => ({
          kind: Kind.LIST,
          values: alt.map((value) => str(value)),
        })),
      },
    ],
  ]);
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
 * keep the arguments most subgraphs use (the first subgraph's on a tie), each with its hint.
 */
function mergeNonRepeatable(
  name: string,
  applications: readonly AppliedDirective[],
  site: MergeSite,
): ConstDirectiveNode {
  const first = asSupergraphDirective(applications[0]!);
  if (allPrintedAlike(applications, first)) return first;
  const merged = mergeArgumentsByStrategy(name, applications);
  if (merged) {
    mergedHint(name, applications, site, strategiesDescription(name));
    return merged;
  }
  // Group the applications by their printed arguments, in order of first use.
  const groups = new Map<string, { node: ConstDirectiveNode; graphs: string[] }>();
  for (const d of applications) {
    const node = asSupergraphDirective(d);
    const key = printArguments(node);
    const group = groups.get(key);
    if (group) group.graphs.push(d.graph);
    else groups.set(key, { node, graphs: [d.graph] });
  }
  const ranked = [...groups].sort(([, a], [, b]) => b.graphs.length - a.graphs.length);
  const [chosenKey, chosen] = ranked[0]!;
  const others = [...groups].filter(([key]) => key !== chosenKey);
  site.context.hint(
    'INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
    `Non-repeatable directive @${name} is applied to "${site.coordinate}" in multiple subgraphs but with incompatible arguments. The supergraph will use arguments ${chosenKey} (from ${subgraphList(chosen.graphs)}), but found ${others.map(([key, g]) => `arguments ${key} in ${subgraphList(g.graphs)}`).join(' and ')}.`,
    applications.map((d) => [d.graph, d.node] as const),
  );
  return chosen.node;
}

function allPrintedAlike(
  applications: readonly AppliedDirective[],
  first: ConstDirectiveNode,
): boolean {
  const printed = print(first);
  return applications.every((d) => print(asSupergraphDirective(d)) === printed);
}

/** `{v: 1, w: "x"}`: an application's arguments as Apollo's hints print them. */
function printArguments(node: ConstDirectiveNode): string {
  return `{${(node.arguments ?? []).map((a) => `${a.name.value}: ${print(a.value)}`).join(', ')}}`;
}

function mergedHint(
  name: string,
  applications: readonly AppliedDirective[],
  site: MergeSite,
  strategies: string,
): void {
  site.context.hint(
    'MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
    `Directive @${name} is applied to "${site.coordinate}" in multiple subgraphs with different arguments. Merging strategies used by arguments: ${strategies}`,
    applications.map((d) => [d.graph, d.node] as const),
  );
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
