/**
 * The operations task: each change of the diff weighed against traffic. A breaking change that
 * counted operations use is `broken` and fails the task; a dangerous one is
 * `potentially-affected` and fails it only with `failOnDangerous`; one nobody uses over the
 * thresholds is `unused`; safe changes are `safe`.
 *
 * @module
 */
import type {
  AffectedOperation,
  ChangeImpact,
  CheckedChange,
  OperationsTask,
  SchemaChange,
} from '@orrery/registry-client';
import type { AppliedConfig } from './config.js';
import { matches, usageMatchers, type SchemaFacts, type UsageMatcher } from './coordinates.js';
import type { Traffic, TrafficOperation } from './traffic.js';

/**
 * graphql-inspector's `suppressRemovalOfDeprecatedField`: removing an element that was already
 * `@deprecated` is dangerous rather than breaking. Clients were told to move off it, so the
 * operations still using it are reported as potentially affected, and only fail the check with
 * `failOnDangerous`. The change keeps its code and `meta.deprecated`.
 */
export function soften(change: SchemaChange): SchemaChange {
  return change.severity === 'breaking' && change.meta?.deprecated === true
    ? { ...change, severity: 'dangerous' }
    : change;
}

/** The matchers of every breaking or dangerous change (safe ones need none). */
export function changeMatchers(
  changes: readonly SchemaChange[],
  facts: SchemaFacts,
): (readonly UsageMatcher[] | undefined)[] {
  return changes.map((change) => (change.severity === 'safe' ? [] : usageMatchers(change, facts)));
}

/**
 * Weighs the (softened) changes against the traffic. `matchers[i]` are those of `changes[i]`;
 * `undefined` marks a change usage cannot reveal (a code this version does not know): it counts
 * as used whenever any operation of the window is over the thresholds, since no traffic can
 * clear it.
 */
export function weighChanges(
  changes: readonly SchemaChange[],
  matchers: readonly (readonly UsageMatcher[] | undefined)[],
  traffic: Traffic,
  config: AppliedConfig,
): OperationsTask {
  const counted = traffic.operations.filter((operation) => operation.counted);
  const affected = new Map<
    string,
    { operation: TrafficOperation; broken: boolean; coordinates: Set<string> }
  >();
  const checked: CheckedChange[] = changes.map((change, index) => {
    if (change.severity === 'safe') {
      return { ...change, impact: 'safe', affectedOperations: 0, affectedRequests: 0 };
    }
    const list = matchers[index];
    const breaking = change.severity === 'breaking';
    const used = list === undefined ? [] : counted.filter((op) => matches(list, op));
    for (const operation of used) {
      const entry = affected.get(operation.operationId) ?? {
        operation,
        broken: false,
        coordinates: new Set<string>(),
      };
      entry.broken ||= breaking;
      entry.coordinates.add(change.coordinate);
      affected.set(operation.operationId, entry);
    }
    const isUsed = list === undefined ? counted.length > 0 : used.length > 0;
    const impact: ChangeImpact = !isUsed ? 'unused' : breaking ? 'broken' : 'potentially-affected';
    return {
      ...change,
      impact,
      affectedOperations: used.length,
      affectedRequests: used.reduce((sum, op) => sum + op.requests, 0),
    };
  });
  const affectedOperations: AffectedOperation[] = [...affected.values()]
    .map(({ operation, broken, coordinates }) => ({
      operationId: operation.operationId,
      name: operation.name,
      type: operation.type,
      signature: operation.signature,
      requests: operation.requests,
      percentage: operation.percentage,
      clients: operation.clients,
      classification: broken ? ('broken' as const) : ('potentially-affected' as const),
      coordinates: [...coordinates].sort(),
    }))
    .sort((a, b) => b.requests - a.requests || a.operationId.localeCompare(b.operationId));
  const failed = checked.some(
    (change) =>
      change.impact === 'broken' ||
      (config.failOnDangerous && change.impact === 'potentially-affected'),
  );
  return {
    status: failed ? 'failed' : 'passed',
    totalRequests: traffic.totalRequests,
    changes: checked,
    affectedOperations,
  };
}

/** The operations task when there is nothing to weigh (composition failed). */
export function skippedOperations(totalRequests = 0): OperationsTask {
  return { status: 'skipped', totalRequests, changes: [], affectedOperations: [] };
}
