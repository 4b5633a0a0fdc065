import type { FieldEdge, QueryGraph, QueryGraphVertex } from '@orrery/core';
import type { SelectionSetNode } from 'graphql';
import type { OpField, OpSelection } from '../operation/operation.js';

/**
 * The walker's cost model: how many more fetches a subtree needs from a vertex. The walker asks
 * it to choose among root subgraphs, key jumps and shareable splits; it reads the query graph the
 * way the walker walks it (the same `usable` edges) but plans nothing.
 */

/** The estimate of a field no key jump reaches (strongly discouraged, not impossible). */
export const UNREACHABLE = 100;

/** What the estimate needs of the walker: the graph and which field edges it may follow. */
export interface EstimateSource {
  readonly graph: QueryGraph;
  usable(
    vertex: QueryGraphVertex,
    name: string,
    provided: SelectionSetNode | undefined,
  ): FieldEdge | undefined;
}

export function isAbstract(vertex: QueryGraphVertex): boolean {
  return vertex.kind === 'INTERFACE' || vertex.kind === 'UNION';
}

/** Estimates for one plan, memoised per (selection list, vertex). */
export class FetchEstimates {
  // A plain Map: it lives for one plan, and a WeakMap's ephemeron bookkeeping costs more.
  private readonly memo = new Map<readonly OpSelection[], Map<number, number>>();

  constructor(private readonly source: EstimateSource) {}

  /**
   * How many more fetches resolving `selections` from `vertex` needs (an estimate: each distinct
   * subgraph jumped to at a level counts once).
   */
  estimate(vertex: QueryGraphVertex, selections: readonly OpSelection[]): number {
    let memo = this.memo.get(selections);
    const cached = memo?.get(vertex.id);
    if (cached !== undefined) return cached;
    if (!memo) this.memo.set(selections, (memo = new Map()));
    memo.set(vertex.id, 0); // cycles (none in trees, but be safe)
    const { graph } = this.source;
    const targets = new Set<string>();
    let cost = 0;
    const field = (v: QueryGraphVertex, f: OpField): void => {
      if (f.name.startsWith('__')) return;
      const edge = this.source.usable(v, f.name, undefined);
      if (edge && !edge.requires && !edge.hasContextArguments) {
        if (f.selections && edge.tail) cost += this.estimate(edge.tail, f.selections);
        return;
      }
      if (isAbstract(v)) {
        for (const t of v.downcasts.keys()) {
          const tv = graph.vertex(t, v.subgraph);
          if (tv) field(tv, f);
        }
        return;
      }
      let bestCost = Infinity;
      let bestGraph = '';
      for (const keyEdge of graph.keyEdges(v)) {
        const e = keyEdge.key && this.source.usable(keyEdge.tail, f.name, undefined);
        if (!e) continue;
        let c = e.requires ? 1 : 0;
        if (f.selections && e.tail) c += this.estimate(e.tail, f.selections);
        if (c < bestCost) {
          bestCost = c;
          bestGraph = keyEdge.tail.subgraph;
        }
      }
      if (edge && bestCost === Infinity) {
        bestCost = 1;
        bestGraph = v.subgraph;
      }
      if (bestCost === Infinity) bestCost = UNREACHABLE;
      cost += bestCost;
      targets.add(bestGraph);
    };
    const walk = (v: QueryGraphVertex, list: readonly OpSelection[]): void => {
      for (const s of list) {
        if (s.kind === 'Field') field(v, s);
        else if (s.typeCondition === undefined || s.typeCondition === v.type) walk(v, s.selections);
        else {
          const target = graph.vertex(s.typeCondition, v.subgraph);
          if (target) walk(target, s.selections);
        }
      }
    };
    walk(vertex, selections);
    const total = cost + targets.size;
    memo.set(vertex.id, total);
    return total;
  }
}
