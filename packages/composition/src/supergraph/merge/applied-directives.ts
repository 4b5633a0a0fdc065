import { Kind, print, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import type { AppliedDirective } from '../../subgraph/state.js';
import { directive, str } from '../ast.js';

/** Which linked features the supergraph uses (collected while merging, read by the preamble). */
export interface FeatureUsage {
  readonly uses: Set<
    | 'tag'
    | 'inaccessible'
    | 'authenticated'
    | 'requiresScopes'
    | 'policy'
    | 'cost'
    | 'context'
    | 'cacheTag'
  >;
}

type Element = { readonly directives: readonly AppliedDirective[] };

/**
 * The directives an element keeps in the supergraph, merged over the subgraphs that define it:
 * `@tag` (union of names), `@inaccessible` (if any subgraph has it), `@deprecated` (first reason),
 * `@specifiedBy`, and the authorization directives (`@authenticated`, and the AND of scopes and
 * policies). Written under their supergraph names, in Apollo's order.
 */
export function mergeAppliedDirectives(
  elements: readonly Element[],
  usage: FeatureUsage,
): ConstDirectiveNode[] {
  const out: ConstDirectiveNode[] = [];
  const all = elements.flatMap((e) => e.directives);
  if (all.length === 0) return out;

  const deprecated = all.find((d) => d.name === 'deprecated');
  const specifiedBy = all.find((d) => d.name === 'specifiedBy');
  if (all.some((d) => d.name === 'authenticated')) {
    usage.uses.add('authenticated');
    out.push(directive('authenticated'));
  }
  if (all.some((d) => d.name === 'inaccessible')) {
    usage.uses.add('inaccessible');
    out.push(directive('inaccessible'));
  }
  for (const [name, arg] of [
    ['policy', 'policies'],
    ['requiresScopes', 'scopes'],
  ] as const) {
    const lists = all.filter((d) => d.name === name).map((d) => d.args.get(arg));
    if (lists.length === 0) continue;
    usage.uses.add(name);
    out.push(directive(name, [[arg, mergeDisjunctions(lists)]]));
  }
  const tags: string[] = [];
  for (const d of all) {
    if (d.name !== 'tag') continue;
    const v = d.args.get('name');
    if (v?.kind === Kind.STRING && !tags.includes(v.value)) tags.push(v.value);
  }
  if (tags.length > 0) usage.uses.add('tag');
  for (const t of tags) out.push(directive('tag', [['name', str(t)]]));
  if (deprecated) {
    const reason = deprecated.args.get('reason');
    out.unshift(directive('deprecated', [['reason', reason]]));
  }
  if (specifiedBy) out.unshift(directive('specifiedBy', [['url', specifiedBy.args.get('url')]]));
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
