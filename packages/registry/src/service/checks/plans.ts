/**
 * Query plan regressions: the most used operations planned on the served supergraph and on the
 * proposed one; a plan that needs more fetches, or more fetches one after another, is reported.
 * A warning by default: the operation still works, it is slower.
 *
 * @module
 */
import type { PlanRegression, TaskStatus } from '@orrery/registry-client';
import { planStats, tryCreateQueryPlanner, type QueryPlanner } from '@orrery/query-planner';
import type { AppliedConfig } from './config.js';
import type { TrafficOperation } from './traffic.js';

/** How many of the most used operations are planned. */
export const PLANNED_OPERATIONS = 50;

export interface PlanTask {
  readonly status: TaskStatus;
  readonly regressions: readonly PlanRegression[];
}

const SKIPPED: PlanTask = { status: 'skipped', regressions: [] };

function planner(supergraphSdl: string): QueryPlanner | undefined {
  const created = tryCreateQueryPlanner(supergraphSdl);
  return created.ok ? created.planner : undefined;
}

function stats(
  planner: QueryPlanner,
  signature: string,
): { fetches: number; depth: number } | undefined {
  const result = planner.plan(signature);
  if (!result.ok) return undefined;
  const { fetches, sequentialDepth } = planStats(result.plan);
  return { fetches, depth: sequentialDepth };
}

/**
 * Compares plans of the top operations (by requests after exclusions). Operations that no longer
 * validate against the proposal are already broken changes, and operations that cannot be
 * planned on either side (a signature whose hidden literals no longer satisfy an input type)
 * tell nothing: both are skipped. Skipped as a task when off, or when there is no served or no
 * proposed supergraph.
 */
export function comparePlans(
  config: AppliedConfig,
  operations: readonly TrafficOperation[],
  servedSupergraphSdl: string | undefined,
  proposedSupergraphSdl: string | undefined,
): PlanTask {
  if (
    config.planRegressions === 'off' ||
    servedSupergraphSdl === undefined ||
    proposedSupergraphSdl === undefined
  ) {
    return SKIPPED;
  }
  const top = mostUsedTexts(operations).slice(0, PLANNED_OPERATIONS);
  if (top.length === 0) return { status: 'passed', regressions: [] };
  const before = planner(servedSupergraphSdl);
  const after = planner(proposedSupergraphSdl);
  if (!before || !after) return SKIPPED;
  const regressions: PlanRegression[] = [];
  for (const operation of top) {
    const old = stats(before, operation.signature);
    const proposed = old && stats(after, operation.signature);
    if (!old || !proposed) continue;
    if (proposed.fetches > old.fetches || proposed.depth > old.depth) {
      regressions.push({
        operationId: operation.operationId,
        name: operation.name,
        requests: operation.requests,
        before: old,
        after: proposed,
      });
    }
  }
  if (regressions.length === 0) return { status: 'passed', regressions };
  return { status: config.planRegressions === 'fail' ? 'failed' : 'warning', regressions };
}

/**
 * The counted operations, one per text (name and signature: variable values or a publish can
 * report one text under several ids, and a text has one plan), each with the requests of all its
 * ids and the id with the most, most requests first.
 */
function mostUsedTexts(operations: readonly TrafficOperation[]): TrafficOperation[] {
  const byText = new Map<string, TrafficOperation>();
  for (const operation of operations) {
    if (!operation.counted) continue;
    const text = `${operation.name ?? ''}\n${operation.signature}`;
    const seen = byText.get(text);
    // `operations` come most requests first: the first id of a text stands for it.
    byText.set(text, seen ? { ...seen, requests: seen.requests + operation.requests } : operation);
  }
  return [...byText.values()].sort((a, b) => b.requests - a.requests);
}
