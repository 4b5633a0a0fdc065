/**
 * `@orrery/query-planner`: client operations to query plans over federated subgraphs.
 *
 * Pure: no I/O, no Node built-ins.
 */

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
