import { PlanLimitError, type PlannerLimits } from '../limits.js';
import type { OpSelection } from '../operation/operation.js';
import type { PlanNode, QueryPlan } from '../query-plan.js';

/**
 * `@defer(if: $variable)`: whether a fragment is deferred is only known at execution, and the two
 * cases plan differently (a chunk of its own, or fields merged into the fetches around it). As
 * Apollo's planner does, the operation is planned once per combination of such variables, and
 * the plans are put under nested `Condition` nodes, variables in the order they first appear
 * (`Condition(if: $a) { Then { <$a true> } Else { <$a false> } }`).
 */

/** The distinct `@defer(if: $variable)` variables of the operation, in order of appearance. */
export function deferVariables(selections: readonly OpSelection[]): string[] {
  const out = new Set<string>();
  const walk = (list: readonly OpSelection[]): void => {
    for (const s of list) {
      if (s.kind === 'Fragment') {
        if (s.defer?.variable !== undefined) out.add(s.defer.variable);
        walk(s.selections);
      } else if (s.selections) {
        walk(s.selections);
      }
    }
  };
  walk(selections);
  return [...out];
}

/**
 * Plans every combination of `variables` with `planBranch` (given the variables that are true)
 * and nests the plans under `Condition` nodes. A plan needs 2^n branches for n variables: more
 * branches than `maxFetches` is refused up front (`ERR_PLAN_TOO_MANY_FETCHES`); the branches'
 * fetches also count together against `maxFetches` (the caller's walker sees the running total).
 */
export function planDeferConditions(
  variables: readonly string[],
  limits: PlannerLimits,
  planBranch: (on: ReadonlySet<string>) => QueryPlan,
): QueryPlan {
  if (2 ** variables.length > limits.maxFetches) {
    throw new PlanLimitError(
      'ERR_PLAN_TOO_MANY_FETCHES',
      `The operation uses ${variables.length} distinct "@defer(if:)" variables: planning each combination needs more than ${limits.maxFetches} plans (maxFetches).`,
    );
  }
  const build = (index: number, on: ReadonlySet<string>): PlanNode | undefined => {
    const variable = variables[index];
    if (variable === undefined) {
      const node = planBranch(on).node;
      // A subscription never gets here (no `@defer` planning), so the node is a PlanNode.
      return node?.kind === 'Subscription' ? undefined : node;
    }
    const ifClause = build(index + 1, new Set([...on, variable]));
    const elseClause = build(index + 1, on);
    if (!ifClause && !elseClause) return undefined;
    return {
      kind: 'Condition',
      condition: variable,
      ...(ifClause ? { ifClause } : {}),
      ...(elseClause ? { elseClause } : {}),
    };
  };
  if (variables.length === 0) return planBranch(new Set());
  const node = build(0, new Set());
  return node ? { kind: 'QueryPlan', node } : { kind: 'QueryPlan' };
}
