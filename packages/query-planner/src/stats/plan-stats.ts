/**
 * Numbers that describe a plan's cost independently of its text: how many subgraph requests it
 * makes and how many of them must wait for one another. The plan-quality corpus compares these
 * with Apollo's plans; the CLI prints them with `--stats`.
 *
 * @module
 */
import type { PlanNode, QueryPlan, SubscriptionNode } from '../query-plan.js';

/** What {@link planStats} reports. */
export interface PlanStats {
  /** Every `Fetch` node in the plan, in every branch of every `Condition` and defer chunk. */
  readonly fetches: number;
  /**
   * The longest chain of fetches that must run one after another: `Sequence` adds up, `Parallel`
   * and the branches of a `Condition` take the maximum, a deferred chunk starts after the fetches
   * it depends on. 0 for a plan without fetches.
   */
  readonly sequentialDepth: number;
  /** Fetches per subgraph name, names in alphabetical order. */
  readonly fetchesBySubgraph: Readonly<Record<string, number>>;
}

/**
 * Counts the fetches of `plan` and measures its sequential depth.
 *
 * @example
 * ```ts
 * planStats(plan); // { fetches: 3, sequentialDepth: 3, fetchesBySubgraph: { accounts: 1, ... } }
 * ```
 */
export function planStats(plan: QueryPlan): PlanStats {
  const counts = new Map<string, number>();
  // When each fetch with an `id` finishes, in depth units; deferred chunks wait on these.
  const finishedAt = new Map<string, number>();
  let fetches = 0;

  const walk = (node: PlanNode | SubscriptionNode, start: number): number => {
    switch (node.kind) {
      case 'Fetch':
        fetches++;
        counts.set(node.serviceName, (counts.get(node.serviceName) ?? 0) + 1);
        if (node.id !== undefined) finishedAt.set(node.id, start + 1);
        return start + 1;
      case 'Sequence':
        return node.nodes.reduce((at, child) => walk(child, at), start);
      case 'Parallel':
        return node.nodes.reduce((end, child) => Math.max(end, walk(child, start)), start);
      case 'Flatten':
        return walk(node.node, start);
      case 'Condition': {
        const ifEnd = node.ifClause ? walk(node.ifClause, start) : start;
        const elseEnd = node.elseClause ? walk(node.elseClause, start) : start;
        return Math.max(ifEnd, elseEnd);
      }
      case 'Defer': {
        const primaryEnd = node.primary.node ? walk(node.primary.node, start) : start;
        let end = primaryEnd;
        for (const chunk of node.deferred) {
          // A dependency on an unknown id is treated as "after the primary part".
          const chunkStart = chunk.depends.reduce(
            (at, dep) => Math.max(at, finishedAt.get(dep.id) ?? primaryEnd),
            start,
          );
          end = Math.max(end, chunk.node ? walk(chunk.node, chunkStart) : chunkStart);
        }
        return end;
      }
      case 'Subscription':
        return node.rest ? walk(node.rest, walk(node.primary, start)) : walk(node.primary, start);
    }
  };

  const sequentialDepth = plan.node ? walk(plan.node, 0) : 0;
  const fetchesBySubgraph: Record<string, number> = {};
  for (const name of [...counts.keys()].sort()) fetchesBySubgraph[name] = counts.get(name)!;
  return { fetches, sequentialDepth, fetchesBySubgraph };
}
