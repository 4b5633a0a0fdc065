/**
 * A vitest (pretty-format) snapshot serializer for query plans, so planner tests read as
 * "given this operation, this plan":
 *
 * ```ts
 * import { queryPlanSerializer } from '@orrery/query-planner';
 * expect.addSnapshotSerializer(queryPlanSerializer);
 * expect(plan).toMatchInlineSnapshot(`
 *   QueryPlan {
 *     Fetch(service: "accounts") { ... },
 *   }
 * `);
 * ```
 *
 * @module
 */
import { printQueryPlan } from '../print/print-query-plan.js';
import type { QueryPlan } from '../query-plan.js';

/**
 * The plugin shape vitest's `expect.addSnapshotSerializer` and pretty-format accept, declared
 * here so this package needs neither at runtime.
 */
export interface PlanSnapshotSerializer {
  test(value: unknown): boolean;
  serialize(value: unknown): string;
}

/** Whether `value` looks like a query plan (`{ kind: 'QueryPlan', ... }`). */
export function isQueryPlan(value: unknown): value is QueryPlan {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'QueryPlan'
  );
}

/** Serializes `QueryPlan` values with {@link printQueryPlan}; leaves everything else alone. */
export const queryPlanSerializer: PlanSnapshotSerializer = {
  test: isQueryPlan,
  serialize: (value) => printQueryPlan(value as QueryPlan),
};
