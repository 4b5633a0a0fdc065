/**
 * `@orrery/query-planner`: client operations to query plans over federated subgraphs.
 *
 * Pure: no I/O, no Node built-ins.
 */

// Planning
export { createQueryPlanner, planQuery, tryCreateQueryPlanner } from './planner.js';
export type {
  CreateQueryPlannerResult,
  PlanOptions,
  PlanResult,
  QueryPlanner,
  QueryPlannerOptions,
} from './planner.js';

// Limits
export { DEFAULT_LIMITS } from './limits.js';
export type { PlannerLimits } from './limits.js';

// The plan data model
export type {
  ConditionNode,
  DataRewrite,
  DeferNode,
  DeferredNode,
  FetchNode,
  FlattenNode,
  ParallelNode,
  PlanNode,
  PlanSelection,
  QueryPlan,
  ResponsePath,
  SequenceNode,
  SubscriptionNode,
} from './query-plan.js';

// Printing plans (Apollo's text format), measuring them, snapshotting them
export { printQueryPlan } from './print/print-query-plan.js';
export { planStats } from './stats/plan-stats.js';
export type { PlanStats } from './stats/plan-stats.js';
export { isQueryPlan, queryPlanSerializer } from './testing/snapshot-serializer.js';
export type { PlanSnapshotSerializer } from './testing/snapshot-serializer.js';
