/**
 * Usage ingest and views. SKELETON: the usage helper replaces this file.
 *
 * @module
 */
import type {
  GraphRef,
  UsageIngestResponse,
  UsageReport,
  UsageView,
} from '@orrery/registry-client';
import type { ServiceContext } from './context.js';
import type { Actor, UsageViewOptions } from './types.js';

/** Usage of one variant set in a time range, for checks. */
export interface UsageQuery {
  readonly graph: string;
  readonly variants: readonly string[];
  readonly since: Date;
  readonly until?: Date;
  /** Only operations that reference at least one of these coordinates; all when absent. */
  readonly coordinates?: readonly string[];
}

export interface UsageQueryResult {
  /** All requests of the variants in the range (for percentages), whatever their coordinates. */
  readonly totalRequests: number;
  /** Each with its per-client counts and its full coordinate list. */
  readonly operations: readonly (UsageView['operations'][number] & {
    readonly coordinates: readonly string[];
  })[];
}

const todo = (): never => {
  throw new Error('usage: not implemented yet');
};

export async function ingestUsage(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _report: UsageReport,
): Promise<UsageIngestResponse> {
  return todo();
}

export async function getCoordinateUsage(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _coordinate: string,
  _options?: UsageViewOptions,
): Promise<UsageView> {
  return todo();
}

export async function listOperationUsage(
  _context: ServiceContext,
  _actor: Actor,
  _ref: GraphRef,
  _options?: UsageViewOptions & { limit?: number },
): Promise<UsageView> {
  return todo();
}

export async function purgeUsage(_context: ServiceContext, _now?: Date): Promise<number> {
  return todo();
}

/** Internal query used by checks (no authorization: the caller has checked the actor). */
export async function queryUsage(
  _context: ServiceContext,
  _query: UsageQuery,
): Promise<UsageQueryResult> {
  return todo();
}
