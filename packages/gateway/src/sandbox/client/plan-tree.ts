/**
 * The query plan as the sandbox's panel draws it: a tree of steps (sequence, parallel, condition,
 * defer) whose leaves are fetches, each to one subgraph, with the response path it runs at.
 * Plain data computed from the plan JSON (no DOM), so it is tested without a browser.
 *
 * @module
 */
import type { PlanNode, QueryPlan, SubscriptionNode } from '@orrery/query-planner';

/** One step of the plan. */
export type PlanStep =
  | { readonly kind: 'sequence' | 'parallel'; readonly steps: readonly PlanStep[] }
  | {
      readonly kind: 'fetch';
      readonly subgraph: string;
      /** Where in the response the fetch runs (`users.@` for each user), empty at the root. */
      readonly path: string;
      /** Entity fetches send representations of objects fetched earlier. */
      readonly entity: boolean;
      readonly operation: string;
      readonly operationKind: string;
    }
  | {
      readonly kind: 'condition';
      readonly variable: string;
      readonly ifClause: PlanStep | undefined;
      readonly elseClause: PlanStep | undefined;
    }
  | {
      readonly kind: 'defer';
      readonly primary: PlanStep | undefined;
      readonly deferred: readonly { readonly label: string; readonly step: PlanStep | undefined }[];
    };

/** A whole plan: its steps, and how many fetches go to each subgraph. */
export interface PlanTree {
  readonly root: PlanStep | undefined;
  readonly fetchesBySubgraph: readonly { readonly subgraph: string; readonly count: number }[];
  readonly fetchCount: number;
}

function step(node: PlanNode | SubscriptionNode, path: string): PlanStep {
  switch (node.kind) {
    case 'Sequence':
      return { kind: 'sequence', steps: node.nodes.map((n) => step(n, path)) };
    case 'Parallel':
      return { kind: 'parallel', steps: node.nodes.map((n) => step(n, path)) };
    case 'Flatten': {
      const at = node.path.map(String).join('.');
      return step(node.node, path ? `${path}.${at}` : at);
    }
    case 'Fetch':
      return {
        kind: 'fetch',
        subgraph: node.serviceName,
        path,
        entity: node.requires !== undefined,
        operation: node.operation,
        operationKind: node.operationKind,
      };
    case 'Condition':
      return {
        kind: 'condition',
        variable: node.condition,
        ifClause: node.ifClause && step(node.ifClause, path),
        elseClause: node.elseClause && step(node.elseClause, path),
      };
    case 'Defer':
      return {
        kind: 'defer',
        primary: node.primary.node && step(node.primary.node, path),
        deferred: node.deferred.map((d) => ({
          label: d.label ?? d.queryPath.join('.'),
          step: d.node && step(d.node, path),
        })),
      };
    case 'Subscription':
      return {
        kind: 'sequence',
        steps: [step(node.primary, path), ...(node.rest ? [step(node.rest, path)] : [])],
      };
  }
}

function countFetches(s: PlanStep | undefined, into: Map<string, number>): void {
  if (!s) return;
  switch (s.kind) {
    case 'fetch':
      into.set(s.subgraph, (into.get(s.subgraph) ?? 0) + 1);
      return;
    case 'sequence':
    case 'parallel':
      for (const child of s.steps) countFetches(child, into);
      return;
    case 'condition':
      countFetches(s.ifClause, into);
      countFetches(s.elseClause, into);
      return;
    case 'defer':
      countFetches(s.primary, into);
      for (const d of s.deferred) countFetches(d.step, into);
      return;
  }
}

/** The panel's model of `plan` (the `object` of `extensions.queryPlan`). */
export function planTree(plan: QueryPlan): PlanTree {
  const root = plan.node && step(plan.node, '');
  const counts = new Map<string, number>();
  countFetches(root, counts);
  let fetchCount = 0;
  for (const count of counts.values()) fetchCount += count;
  return {
    root,
    fetchesBySubgraph: [...counts].map(([subgraph, count]) => ({ subgraph, count })),
    fetchCount,
  };
}
