import type { QueryGraphVertex } from '@orrery/core';
import { PlanLimitError } from '../limits.js';
import type {
  Condition,
  NormalizedOperation,
  OpField,
  OpSelection,
} from '../operation/operation.js';
import { type FetchGroup, shareConditions } from './fetch-group.js';
import type { PlanWalker, Position } from './walk.js';

/**
 * Splits the root fields among subgraphs. Queries and subscriptions: each root field goes to the
 * subgraph where its subtree needs the fewest further fetches, a subgraph already fetched from
 * counting as free, so fields of one subgraph share one fetch. Mutations: fields run in order,
 * consecutive fields of one subgraph share a fetch. Returns the root groups in plan order.
 */
export function planRootFields(walker: PlanWalker, operation: NormalizedOperation): FetchGroup[] {
  const roots = walker.graph.roots[operation.kind];
  const fields: OpField[] = [];
  flattenRoot(operation.selections, [], fields);
  const byGraph = new Map<string, FetchGroup>();
  const ordered: FetchGroup[] = [];
  let last: FetchGroup | undefined;
  for (const field of fields) {
    if (field.name.startsWith('__')) continue;
    let best: { vertex: QueryGraphVertex; cost: number } | undefined;
    for (const vertex of roots) {
      const edge = walker.usable(vertex, field.name, undefined);
      if (!edge) continue;
      const reuse =
        operation.kind === 'mutation'
          ? last?.subgraph === vertex.subgraph
          : byGraph.has(vertex.subgraph);
      let cost = reuse ? 0 : 1;
      if (field.selections && edge.tail) cost += walker.estimate(edge.tail, field.selections);
      if (!best || cost < best.cost) best = { vertex, cost };
    }
    if (!best) {
      throw new PlanLimitError(
        'ERR_PLAN_UNSATISFIABLE',
        `No subgraph resolves root field "${operation.rootType}.${field.name}".`,
      );
    }
    // A root field several subgraphs serve (shareable) may be split among them: each takes the
    // sub-selections it resolves best, in parallel root fetches rather than entity jumps.
    if (operation.kind === 'query' && field.selections && best.cost > 0) {
      const split = splitShareable(walker, roots, field, best.vertex, byGraph);
      if (split) {
        for (const [vertex, selections] of split) {
          const group = rootGroup(vertex.subgraph);
          shareConditions(group, field.conditions);
          walker.walkObjectField(rootPosition(group, vertex), { ...field, selections });
        }
        continue;
      }
    }
    const subgraph = best.vertex.subgraph;
    const group =
      operation.kind === 'mutation'
        ? last?.subgraph === subgraph
          ? last
          : rootGroup(subgraph, true)
        : rootGroup(subgraph);
    last = group;
    shareConditions(group, field.conditions);
    walker.walkObjectField(rootPosition(group, best.vertex), field);
  }
  return ordered;

  function rootGroup(subgraph: string, fresh = false): FetchGroup {
    let group = fresh ? undefined : byGraph.get(subgraph);
    if (!group) {
      group = walker.newGroup(subgraph, operation.kind, [], undefined, []);
      byGraph.set(subgraph, group);
      ordered.push(group);
    }
    return group;
  }
}

function rootPosition(group: FetchGroup, vertex: QueryGraphVertex): Position {
  return {
    group,
    vertex,
    sink: group.selection,
    path: [],
    provided: undefined,
    conditions: [],
    touched: undefined,
    plannerAdded: false,
    contexts: undefined,
  };
}

/**
 * Splits a shareable root field's sub-selections among the root subgraphs serving it: each
 * sub-selection goes where it needs the fewest further fetches (the best subgraph on ties).
 * Undefined when everything stays in the best subgraph.
 */
function splitShareable(
  walker: PlanWalker,
  roots: readonly QueryGraphVertex[],
  field: OpField,
  best: QueryGraphVertex,
  byGraph: ReadonlyMap<string, FetchGroup>,
): Map<QueryGraphVertex, OpSelection[]> | undefined {
  const candidates: { root: QueryGraphVertex; tail: QueryGraphVertex }[] = [];
  for (const root of roots) {
    const edge = walker.usable(root, field.name, undefined);
    if (edge?.tail && !edge.requires) candidates.push({ root, tail: edge.tail });
  }
  const bestTail = candidates.find((c) => c.root === best);
  if (candidates.length < 2 || !bestTail) return undefined;
  const split = new Map<QueryGraphVertex, OpSelection[]>();
  for (const selection of field.selections ?? []) {
    let chosen = bestTail;
    let cost = walker.estimate(bestTail.tail, [selection]);
    for (const c of candidates) {
      if (cost === 0) break;
      // A new root fetch costs a fetch, as the jump it replaces does, but runs in parallel rather
      // than after the best subgraph's fetch: it wins ties.
      const extra = byGraph.has(c.root.subgraph) || c.root === best ? 0 : 0.5;
      const e = walker.estimate(c.tail, [selection]) + extra;
      if (e < cost) {
        chosen = c;
        cost = e;
      }
    }
    const list = split.get(chosen.root);
    if (list) list.push(selection);
    else split.set(chosen.root, [selection]);
  }
  if (split.size < 2) return undefined;
  return split;
}

/** Root fields with the conditions of the root fragments around them folded in. */
function flattenRoot(
  selections: readonly OpSelection[],
  conditions: readonly Condition[],
  out: OpField[],
): void {
  for (const s of selections) {
    if (s.kind === 'Field') {
      out.push(conditions.length ? { ...s, conditions: [...conditions, ...s.conditions] } : s);
    } else {
      flattenRoot(s.selections, [...conditions, ...s.conditions], out);
    }
  }
}
