/**
 * Usage: gateways report what clients sent (pre-aggregated per operation, client and minute);
 * the registry keeps per-minute rollups, folded into hours and then days as they age
 * (`compactUsage`), for `usageRetentionDays` and answers who used what, for people (the views)
 * and for schema checks (`queryUsage`).
 *
 * - `usage-validate.ts`: a report's rows and operations checked one by one, the bad ones
 *   rejected with reasons, the rest merged;
 * - `usage-store.ts`: the SQL (batch upserts, aggregate reads, the purge, the compaction).
 *
 * Reports are not audited: gateways send one every few seconds, and a rollup row says enough.
 *
 * @module
 */
import type {
  GraphRef,
  OperationUsage,
  UsageIngestResponse,
  UsageReport,
  UsageView,
} from '@orrery/registry-client';
import { BadRequestError, ForbiddenError } from '../errors.js';
import { authorize } from '../keys/access.js';
import type { Query } from '../storage/types.js';
import { clampLimit } from './admin.js';
import type { ServiceContext } from './context.js';
import { checkName, checkRef } from './names.js';
import type { Actor, UsageCompaction, UsageViewOptions } from './types.js';
import {
  clientTotals,
  compactBefore,
  lockUsage,
  operationCoordinates,
  operationDetails,
  purgeBefore,
  storeUsage,
  totalRequests,
  type UsageRange,
} from './usage-store.js';
import { validateUsageReport } from './usage-validate.js';
import { requireVariant } from './variants-store.js';

/** Usage of one variant set in a time range, for checks. */
export interface UsageQuery {
  readonly graph: string;
  readonly variants: readonly string[];
  readonly since: Date;
  readonly until?: Date;
  /**
   * Only operations that reference at least one of these coordinates, plus the operations with
   * the same name, type and signature as one of them (other ids of the same text: thresholds
   * weigh the text); all when absent.
   */
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

/** Period of the views when none is given: 7 days, as Apollo's and Hive's checks default to. */
export const DEFAULT_USAGE_PERIOD_SECONDS = 7 * 86_400;
/** The longest period a view reads: a year (retention is usually far shorter). */
export const MAX_USAGE_PERIOD_SECONDS = 366 * 86_400;

/**
 * Stores a gateway's report for `ref`. Gateway keys scoped to the variant and admins may report;
 * publishers may not (they could otherwise forge the traffic their checks are weighed against).
 * Invalid rows and operations are rejected one by one; the rest is stored in one transaction.
 */
export async function ingestUsage(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  report: UsageReport,
): Promise<UsageIngestResponse> {
  checkRef(ref);
  if (actor.role !== 'admin' && actor.role !== 'gateway') {
    throw new ForbiddenError(`a ${actor.role} key may not report usage`);
  }
  // Gateways read supergraphs of the variants in their scope; they report usage for the same.
  authorize(actor, 'supergraph', ref);
  const now = Date.now();
  const validated = validateUsageReport(report, now, context.usageRetentionDays);
  await context.storage.transaction(async (query) => {
    const variant = await requireVariant(query, ref);
    if (validated.rows.length === 0 && validated.dropped === 0) return;
    await lockUsage(query, 'shared');
    await storeUsage(query, variant, validated, now);
  });
  return {
    accepted: validated.accepted,
    rejected: validated.rejected,
    ...(validated.errors.length > 0 && { errors: validated.errors }),
  };
}

/** Operations and clients that used `coordinate` in the period. */
export async function getCoordinateUsage(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  coordinate: string,
  options: UsageViewOptions = {},
): Promise<UsageView> {
  if (typeof coordinate !== 'string' || coordinate === '' || coordinate.length > 512) {
    throw new BadRequestError('coordinate must be a schema coordinate such as Product.name');
  }
  const view = await readView(context, actor, ref, options, [coordinate], undefined);
  return { coordinate, ...view };
}

/** The most used operations in the period (`limit` default 50, at most 1 000). */
export async function listOperationUsage(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  options: UsageViewOptions & { limit?: number } = {},
): Promise<UsageView> {
  const limit = clampLimit(options.limit, 50, 1_000);
  return readView(context, actor, ref, options, undefined, limit);
}

/**
 * Deletes rollups older than the retention (`usageRetentionDays` before `now`) and the
 * operations no rollup references any more; returns how many rollup rows went. Run on start and
 * hourly by the service.
 */
export async function purgeUsage(context: ServiceContext, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - context.usageRetentionDays * 86_400_000);
  return context.storage.transaction((query) => purgeBefore(query, cutoff));
}

/**
 * Folds rollups older than `usageCompaction.hourlyAfterHours` into one row per UTC hour and
 * those older than `usageCompaction.dailyAfterDays` into one row per UTC day (see
 * `compactBefore`), in one transaction. Run on start and hourly by the service, after the purge.
 */
export async function compactUsage(
  context: ServiceContext,
  now: Date = new Date(),
): Promise<UsageCompaction> {
  const policy = context.usageCompaction;
  if (policy === false) return { hourly: 0, daily: 0 };
  return context.storage.transaction(async (query) => {
    // Days first: what they fold need not be folded into hours on the way.
    const daily = await compactBefore(
      query,
      'day',
      new Date(now.getTime() - policy.dailyAfterDays * 86_400_000),
    );
    const hourly = await compactBefore(
      query,
      'hour',
      new Date(now.getTime() - policy.hourlyAfterHours * 3_600_000),
    );
    return { hourly, daily };
  });
}

/** Internal query used by checks (no authorization: the caller has checked the actor). */
export async function queryUsage(
  context: ServiceContext,
  request: UsageQuery,
): Promise<UsageQueryResult> {
  const until = request.until ?? new Date();
  return context.storage.transaction(async (query) => {
    const range = await resolveRange(query, request.graph, request.variants, request.since, until);
    if (range === undefined) return { totalRequests: 0, operations: [] };
    const withFilter =
      request.coordinates === undefined
        ? range
        : { ...range, coordinates: request.coordinates, sameText: true };
    const total = await totalRequests(query, range);
    const operations = await readOperations(query, withFilter, undefined);
    const coordinates = await operationCoordinates(
      query,
      range.graphId,
      operations.map((operation) => operation.operationId),
    );
    return {
      totalRequests: total,
      operations: operations.map((operation) => ({
        ...operation,
        coordinates: coordinates.get(operation.operationId) ?? [],
      })),
    };
  });
}

// ---- Views -----------------------------------------------------------------------------------

async function readView(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  options: UsageViewOptions,
  coordinates: readonly string[] | undefined,
  limit: number | undefined,
): Promise<Omit<UsageView, 'coordinate'>> {
  checkRef(ref);
  const variants =
    options.variants && options.variants.length > 0 ? options.variants : [ref.variant];
  for (const variant of variants) checkName('variant', variant);
  // Every role reads usage of the variants in its scope, gateway keys included.
  authorize(actor, 'supergraph', ref);
  for (const variant of variants) authorize(actor, 'supergraph', { graph: ref.graph, variant });
  const periodSeconds = options.periodSeconds ?? DEFAULT_USAGE_PERIOD_SECONDS;
  if (
    !Number.isInteger(periodSeconds) ||
    periodSeconds < 1 ||
    periodSeconds > MAX_USAGE_PERIOD_SECONDS
  ) {
    throw new BadRequestError(
      `the period must be 1 second to ${MAX_USAGE_PERIOD_SECONDS / 86_400} days`,
    );
  }
  const to = new Date();
  const from = new Date(to.getTime() - periodSeconds * 1000);
  const unique = [...new Set(variants)];
  return context.storage.transaction(async (query) => {
    await requireVariant(query, ref);
    const range = await resolveRange(query, ref.graph, unique, from, to);
    const base = { from: from.toISOString(), to: to.toISOString(), variants: unique };
    if (range === undefined) return { ...base, totalRequests: 0, operations: [] };
    const total = await totalRequests(query, range);
    const filtered = coordinates === undefined ? range : { ...range, coordinates };
    return {
      ...base,
      totalRequests: total,
      operations: await readOperations(query, filtered, limit),
    };
  });
}

/** The graph's id and the ids of those of `variants` that exist; `undefined` when none does. */
async function resolveRange(
  query: Query,
  graph: string,
  variants: readonly string[],
  since: Date,
  until: Date,
): Promise<UsageRange | undefined> {
  const rows = await query<{ id: number; graph_id: number }>(
    `SELECT v.id, v.graph_id FROM variants v JOIN graphs g ON g.id = v.graph_id
     WHERE g.name = $1 AND v.name = ANY($2::text[])`,
    [graph, [...variants]],
  );
  if (rows.length === 0) return undefined;
  return { graphId: rows[0]!.graph_id, variantIds: rows.map((row) => row.id), since, until };
}

/** Operations with requests in the range, most requests first, each with its clients. */
async function readOperations(
  query: Query,
  range: UsageRange,
  limit: number | undefined,
): Promise<OperationUsage[]> {
  const totals = await clientTotals(query, range);
  const byOperation = new Map<
    string,
    {
      requests: number;
      errors: number;
      first: number;
      last: number;
      clients: { name: string; version: string; requests: number }[];
    }
  >();
  for (const row of totals) {
    const first = row.first_seen.getTime();
    const last = row.last_seen.getTime();
    const client = { name: row.client_name, version: row.client_version, requests: row.requests };
    const entry = byOperation.get(row.operation_id);
    if (!entry) {
      byOperation.set(row.operation_id, {
        requests: row.requests,
        errors: row.errors,
        first,
        last,
        clients: [client],
      });
      continue;
    }
    entry.requests += row.requests;
    entry.errors += row.errors;
    entry.first = Math.min(entry.first, first);
    entry.last = Math.max(entry.last, last);
    entry.clients.push(client);
  }
  const ranked = [...byOperation.entries()].sort(
    ([idA, a], [idB, b]) => b.requests - a.requests || (idA < idB ? -1 : idA > idB ? 1 : 0),
  );
  const top = limit === undefined ? ranked : ranked.slice(0, limit);
  const details = await operationDetails(
    query,
    range.graphId,
    top.map(([id]) => id),
  );
  const operations: OperationUsage[] = [];
  for (const [id, entry] of top) {
    const detail = details.get(id);
    // Cannot happen while ingest and purge hold the usage lock; skipped rather than invented.
    if (!detail) continue;
    operations.push({
      operationId: id,
      name: detail.name,
      type: detail.type,
      signature: detail.signature,
      requests: entry.requests,
      errors: entry.errors,
      clients: entry.clients.sort(
        (a, b) =>
          b.requests - a.requests ||
          a.name.localeCompare(b.name) ||
          a.version.localeCompare(b.version),
      ),
      firstSeen: new Date(entry.first).toISOString(),
      lastSeen: new Date(entry.last).toISOString(),
    });
  }
  return operations;
}
