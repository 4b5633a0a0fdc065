/**
 * The query plan: plain, JSON-serialisable data. Built by the planner, cached and executed by the
 * gateway, printed by `printQueryPlan` in Apollo's text format. Field-for-field compatible with
 * Apollo's `QueryPlan` shape, so tools that read Apollo plans read ours.
 */

/** A path into the response: field response names, with `'@'` meaning "every item of the list". */
export type ResponsePath = readonly (string | number)[];

export interface QueryPlan {
  readonly kind: 'QueryPlan';
  /** Absent when the operation needs no fetch at all (e.g. only `__typename` on the root). */
  readonly node?: PlanNode | SubscriptionNode;
}

export type PlanNode =
  SequenceNode | ParallelNode | FetchNode | FlattenNode | DeferNode | ConditionNode;

/** Children run one after another, each seeing the data the previous ones merged. */
export interface SequenceNode {
  readonly kind: 'Sequence';
  readonly nodes: readonly PlanNode[];
}

/** Children run concurrently. */
export interface ParallelNode {
  readonly kind: 'Parallel';
  readonly nodes: readonly PlanNode[];
}

/** Runs `node` on the objects found at `path` in the data fetched so far. */
export interface FlattenNode {
  readonly kind: 'Flatten';
  readonly path: ResponsePath;
  readonly node: PlanNode;
}

/** One request to one subgraph. */
export interface FetchNode {
  readonly kind: 'Fetch';
  /** The subgraph's name (as in `join__graph(name:)`), not its enum value. */
  readonly serviceName: string;
  /** Unique within a plan; referenced by `Defer` dependencies. */
  readonly id?: string;
  readonly hasDefers?: boolean;
  /** Client variables this fetch forwards. */
  readonly variableUsages?: readonly string[];
  /** Present for entity fetches: the shape of each representation sent in `$representations`. */
  readonly requires?: readonly PlanSelection[];
  /** The subgraph operation text. */
  readonly operation: string;
  readonly operationName?: string;
  readonly operationKind: 'query' | 'mutation' | 'subscription';
  /** Applied to each representation before it is sent. */
  readonly inputRewrites?: readonly DataRewrite[];
  /** Applied to each entity (or the root data) received, before it is merged. */
  readonly outputRewrites?: readonly DataRewrite[];
  /** `@fromContext`: how context values become variables of this fetch. */
  readonly contextRewrites?: readonly DataRewrite[];
}

/** A selection in a `requires` shape. */
export type PlanSelection =
  | {
      readonly kind: 'Field';
      readonly name: string;
      readonly alias?: string;
      readonly selections?: readonly PlanSelection[];
    }
  | {
      readonly kind: 'InlineFragment';
      readonly typeCondition?: string;
      readonly selections: readonly PlanSelection[];
    };

/** A rewrite of fetched or sent data; path elements are field names or `... on T`. */
export type DataRewrite =
  | { readonly kind: 'ValueSetter'; readonly path: readonly string[]; readonly setValueTo: unknown }
  | { readonly kind: 'KeyRenamer'; readonly path: readonly string[]; readonly renameKeyTo: string };

/** Chooses a branch on a Boolean variable (from `@skip`/`@include` around whole fetches). */
export interface ConditionNode {
  readonly kind: 'Condition';
  /** The variable's name, without `$`. */
  readonly condition: string;
  readonly ifClause?: PlanNode;
  readonly elseClause?: PlanNode;
}

/** `@defer`: what is sent first, and the deferred chunks. */
export interface DeferNode {
  readonly kind: 'Defer';
  readonly primary: { readonly subselection?: string; readonly node?: PlanNode };
  readonly deferred: readonly DeferredNode[];
}

export interface DeferredNode {
  readonly depends: readonly { readonly id: string; readonly deferLabel?: string }[];
  readonly label?: string;
  readonly queryPath: readonly string[];
  readonly subselection?: string;
  readonly node?: PlanNode;
}

/** A subscription: the primary subscription fetch, and the plan run for every event. */
export interface SubscriptionNode {
  readonly kind: 'Subscription';
  readonly primary: FetchNode;
  readonly rest?: PlanNode;
}
