/**
 * What the executor needs per plan, computed once when the plan is cached: each fetch's request
 * body prefix, which entity fetches may share a request, and whether the plan holds nodes the
 * gateway cannot run. The plan's schedules and merged operations are cached here too, filled on
 * first use. Also the per-supergraph type matcher used for `requires` type conditions and
 * rewrites.
 *
 * @module
 */
import type { SupergraphModel } from '@orrery/core';
import type { FetchNode, PlanNode, QueryPlan } from '@orrery/query-planner';
import type { BatchOperation } from './batch-operation.js';
import type { TypeMatcher } from './data.js';
import type { Schedule } from './schedule.js';

/** Per-fetch data computed once. */
export interface PreparedFetch {
  /** `{"query":"...","operationName":"..."` — the body without variables and closing brace. */
  readonly bodyPrefix: string;
  /** Response names of the operation's top-level fields (root fetches; for failure errors). */
  rootFields?: readonly string[];
  /**
   * For an entity fetch that may share a request with others: the index of its operation in
   * {@link PreparedPlan.operations} (fetches with the same operation, name aside, and the same
   * output rewrites share it, and their representations are deduplicated together). -1 for
   * root fetches and entity fetches that always go alone.
   */
  readonly operationIndex: number;
}

/** A plan ready to run. */
export interface PreparedPlan {
  readonly plan: QueryPlan;
  readonly fetches: ReadonlyMap<FetchNode, PreparedFetch>;
  /** Set when the plan holds a node the gateway does not execute (`Defer`, `Subscription`). */
  readonly unsupported?: string;
  /** The variables `Condition` nodes read (a schedule exists per combination of their values). */
  readonly conditions: readonly string[];
  /** The distinct operations of entity fetches that may share requests, by `operationIndex`. */
  readonly operations: readonly FetchNode[];
  /** Schedules built so far, by condition values (see schedule.ts). */
  readonly schedules: Map<string, Schedule>;
  /** Merged operations built so far, by the `operationIndex`es they merge (`null`: cannot). */
  readonly batches: Map<string, BatchOperation | null>;
}

/**
 * An entity fetch's operation with its name left out, plus its output rewrites: fetches with
 * equal keys ask the subgraph the same thing about each representation.
 */
function operationKey(node: FetchNode): string | undefined {
  if (
    !node.requires ||
    node.operationKind !== 'query' ||
    node.contextRewrites?.length ||
    node.hasDefers
  ) {
    return undefined;
  }
  let text = node.operation;
  if (node.operationName) {
    const head = `query ${node.operationName}`;
    if (text.startsWith(head)) text = `query${text.slice(head.length)}`;
  }
  return node.outputRewrites?.length ? `${text}\u0000${JSON.stringify(node.outputRewrites)}` : text;
}

/** Walks the plan once, preparing every fetch. */
export function preparePlan(plan: QueryPlan): PreparedPlan {
  const fetches = new Map<FetchNode, PreparedFetch>();
  const conditions = new Set<string>();
  const operations: FetchNode[] = [];
  const operationIndexes = new Map<string, number>();
  let unsupported: string | undefined;
  const visit = (node: PlanNode): void => {
    switch (node.kind) {
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(visit);
        break;
      case 'Flatten':
        visit(node.node);
        break;
      case 'Condition':
        conditions.add(node.condition);
        if (node.ifClause) visit(node.ifClause);
        if (node.elseClause) visit(node.elseClause);
        break;
      case 'Defer':
        unsupported ??= '@defer is not supported by this gateway yet';
        break;
      case 'Fetch': {
        let bodyPrefix = `{"query":${JSON.stringify(node.operation)}`;
        if (node.operationName)
          bodyPrefix += `,"operationName":${JSON.stringify(node.operationName)}`;
        const key = operationKey(node);
        let operationIndex = -1;
        if (key !== undefined) {
          operationIndex = operationIndexes.get(key) ?? operations.length;
          if (operationIndex === operations.length) {
            operations.push(node);
            operationIndexes.set(key, operationIndex);
          }
        }
        fetches.set(node, { bodyPrefix, operationIndex });
        break;
      }
    }
  };
  if (plan.node) {
    if (plan.node.kind === 'Subscription') {
      unsupported = 'Subscriptions are not supported by this gateway yet';
    } else {
      visit(plan.node);
    }
  }
  const prepared: PreparedPlan = {
    plan,
    fetches,
    conditions: [...conditions],
    operations,
    schedules: new Map(),
    batches: new Map(),
  };
  return unsupported === undefined ? prepared : { ...prepared, unsupported };
}

/**
 * "Does an object of runtime type `typename` match the type condition": equal names, an
 * implementation of an interface, or a member of a union, in the supergraph (not the API
 * schema: `requires` may name `@inaccessible` types).
 */
export function createTypeMatcher(model: SupergraphModel): TypeMatcher {
  const possible = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of model.types) {
    if (type.kind === 'INTERFACE')
      possible.set(name, new Set(model.implementations.get(name) ?? []));
    else if (type.kind === 'UNION') possible.set(name, new Set(type.unionMembers));
  }
  return (condition, typename) =>
    condition === typename ||
    (typeof typename === 'string' && possible.get(condition)?.has(typename) === true);
}

/** True when `name` is an object type of the supergraph. */
export function createObjectTypeTest(model: SupergraphModel): (name: unknown) => boolean {
  return (name) => typeof name === 'string' && model.types.get(name)?.kind === 'OBJECT';
}

/**
 * For an entity fetch to `serviceName`, the name a representation of concrete type `typename`
 * must carry there: the interface, when the subgraph knows the type only through an
 * `@interfaceObject` for an interface it implements (it has no `WebChannel`, only `Channel`).
 * `undefined` when the name stays.
 *
 * Orrery's planner (like Apollo's) says the same through `inputRewrites` (a `ValueSetter` on
 * `__typename`); this keeps plans from planners that omit the rewrite working, and is a no-op
 * after a rewrite already set the interface name.
 */
export type InterfaceObjectName = (serviceName: string, typename: unknown) => string | undefined;

export function createInterfaceObjectName(model: SupergraphModel): InterfaceObjectName {
  const bySubgraph = new Map<string, Map<string, string>>();
  for (const [name, type] of model.types) {
    if (type.kind !== 'INTERFACE') continue;
    for (const [subgraph, entry] of type.subgraphs) {
      if (!entry.isInterfaceObject) continue;
      let renames = bySubgraph.get(subgraph);
      if (!renames) bySubgraph.set(subgraph, (renames = new Map()));
      for (const implementation of model.implementations.get(name) ?? []) {
        // A type the subgraph defines itself is sent under its own name.
        if (model.types.get(implementation)?.subgraphs.has(subgraph)) continue;
        renames.set(implementation, name);
      }
    }
  }
  return (serviceName, typename) =>
    typeof typename === 'string' ? bySubgraph.get(serviceName)?.get(typename) : undefined;
}

/**
 * True when a `null` from `serviceName`'s `_entities` for an object of type `typename` means
 * "this object does not exist": every field other subgraphs resolve on the type is a key field,
 * so they only hold references to it (`User.profile` returning `{ id }`) and `serviceName` holds
 * its data. The object is then null for the client, like a resolver returning null. When other
 * subgraphs own data of the type (`User.name`), a null only means `serviceName` adds nothing:
 * its fields are null and the object stays.
 */
export type NullEntityTest = (serviceName: string, typename: unknown) => boolean;

export function createNullEntityTest(model: SupergraphModel): NullEntityTest {
  const cache = new Map<string, boolean>();
  const compute = (serviceName: string, typename: string): boolean => {
    const type = model.types.get(typename);
    if (!type || type.kind !== 'OBJECT') return false;
    const keyFields = new Set<string>();
    for (const entry of type.subgraphs.values()) {
      for (const key of entry.keys) {
        for (const selection of key.fields.selectionSet.selections) {
          if (selection.kind === 'Field') keyFields.add(selection.name.value);
        }
      }
    }
    for (const field of type.fields.values()) {
      if (keyFields.has(field.name)) continue;
      for (const [subgraph, entry] of field.subgraphs) {
        if (subgraph !== serviceName && !entry.external) return false;
      }
    }
    return true;
  };
  return (serviceName, typename) => {
    if (typeof typename !== 'string') return false;
    const key = `${serviceName}\u0000${typename}`;
    let answer = cache.get(key);
    if (answer === undefined) cache.set(key, (answer = compute(serviceName, typename)));
    return answer;
  };
}
