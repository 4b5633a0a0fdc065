/**
 * What the executor needs per plan, computed once when the plan is cached: each fetch's request
 * body prefix, and whether the plan holds nodes the gateway cannot run. Also the per-supergraph
 * type matcher used for `requires` type conditions and rewrites.
 *
 * @module
 */
import type { SupergraphModel } from '@orrery/core';
import type { FetchNode, PlanNode, QueryPlan } from '@orrery/query-planner';
import type { TypeMatcher } from './data.js';

/** Per-fetch data computed once. */
export interface PreparedFetch {
  /** `{"query":"...","operationName":"..."` — the body without variables and closing brace. */
  readonly bodyPrefix: string;
  /** Response names of the operation's top-level fields (root fetches; for failure errors). */
  rootFields?: readonly string[];
}

/** A plan ready to run. */
export interface PreparedPlan {
  readonly plan: QueryPlan;
  readonly fetches: ReadonlyMap<FetchNode, PreparedFetch>;
  /** Set when the plan holds a node the gateway does not execute (`Defer`, `Subscription`). */
  readonly unsupported?: string;
}

/** Walks the plan once, preparing every fetch. */
export function preparePlan(plan: QueryPlan): PreparedPlan {
  const fetches = new Map<FetchNode, PreparedFetch>();
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
        fetches.set(node, { bodyPrefix });
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
  return unsupported === undefined ? { plan, fetches } : { plan, fetches, unsupported };
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
