import type { QueryGraphVertex } from '@orrery/core';
import { PlanLimitError } from '../limits.js';
import type {
  Condition,
  NormalizedOperation,
  OpField,
  OpSelection,
} from '../operation/operation.js';
import { type DeferBlock, type FetchGroup, shareConditions } from './fetch-group.js';
import type { PlanWalker, Position } from './walk.js';

/**
 * Splits the root fields among subgraphs. Queries and subscriptions: each root field goes to the
 * subgraph where its subtree needs the fewest further fetches, a subgraph already fetched from
 * counting as free, so fields of one subgraph share one fetch. Mutations: fields run in order,
 * consecutive fields of one subgraph share a fetch. Returns the root groups of the primary part
 * in plan order; root fields of a deferred fragment (queries only, as Apollo) get root groups of
 * their chunk, which the assembler finds among the walker's groups.
 */
export function planRootFields(walker: PlanWalker, operation: NormalizedOperation): FetchGroup[] {
  const roots = walker.graph.roots[operation.kind];
  const fields: RootField[] = [];
  flattenRoot(walker, operation, operation.selections, [], fields);
  const graphsOf = new Map<DeferBlock | undefined, Map<string, FetchGroup>>();
  const ordered: FetchGroup[] = [];
  let last: FetchGroup | undefined;
  try {
    for (const { field, block } of fields) {
      walker.currentDefer = block;
      let byGraph = graphsOf.get(block);
      if (!byGraph) graphsOf.set(block, (byGraph = new Map()));
      last = planRootField(field, byGraph, last);
    }
  } finally {
    walker.currentDefer = undefined;
  }
  return ordered;

  /** Plans one root field; returns the group it went to (mutations continue in it). */
  function planRootField(
    field: OpField,
    byGraph: Map<string, FetchGroup>,
    last: FetchGroup | undefined,
  ): FetchGroup | undefined {
    if (field.name.startsWith('__')) return last;
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
          const group = rootGroup(byGraph, vertex.subgraph);
          shareConditions(group, field.conditions);
          walker.walkObjectField(rootPosition(group, vertex), { ...field, selections });
        }
        return last;
      }
    }
    const subgraph = best.vertex.subgraph;
    const group =
      operation.kind === 'mutation'
        ? last?.subgraph === subgraph
          ? last
          : rootGroup(byGraph, subgraph, true)
        : rootGroup(byGraph, subgraph);
    shareConditions(group, field.conditions);
    walker.walkObjectField(rootPosition(group, best.vertex), field);
    return group;
  }

  function rootGroup(
    byGraph: Map<string, FetchGroup>,
    subgraph: string,
    fresh = false,
  ): FetchGroup {
    let group = fresh ? undefined : byGraph.get(subgraph);
    if (!group) {
      group = walker.newGroup(subgraph, operation.kind, [], undefined, []);
      byGraph.set(subgraph, group);
      if (!walker.currentDefer) ordered.push(group);
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
    queryPath: [],
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

interface RootField {
  readonly field: OpField;
  /** The deferred chunk the field belongs to; undefined in the primary part. */
  readonly block: DeferBlock | undefined;
}

/**
 * Root fields with the conditions of the root fragments around them folded in. A deferred root
 * fragment of a query opens a chunk (nested in the chunk of an enclosing deferred fragment);
 * `@defer` on a mutation or subscription root is planned as if absent (Apollo rejects it).
 */
function flattenRoot(
  walker: PlanWalker,
  operation: NormalizedOperation,
  selections: readonly OpSelection[],
  conditions: readonly Condition[],
  out: RootField[],
): void {
  const block = walker.currentDefer;
  for (const s of selections) {
    if (s.kind === 'Field') {
      const field = conditions.length ? { ...s, conditions: [...conditions, ...s.conditions] } : s;
      out.push({ field, block });
    } else if (operation.kind === 'query' && walker.isDeferred(s)) {
      walker.currentDefer = walker.openDeferBlock(s, [], operation.rootType);
      try {
        flattenRoot(walker, operation, s.selections, [...conditions, ...s.conditions], out);
      } finally {
        walker.currentDefer = block;
      }
    } else {
      flattenRoot(walker, operation, s.selections, [...conditions, ...s.conditions], out);
    }
  }
}
