/**
 * The SQL of usage: batch upserts of a validated report, the aggregate reads behind views and
 * checks, the retention purge and the compaction of old rollups (tables in
 * `migrations/0002_usage.sql`).
 *
 * Writes bind whole columns as arrays and `unnest` them: one statement per chunk of rows rather
 * than one per row, and a parameter count that does not grow with the rows (PostgreSQL allows
 * 65 535 parameters per statement). Rows arrive sorted, so concurrent reports lock rows in the
 * same order and cannot deadlock.
 *
 * @module
 */
import type { Query } from '../storage/types.js';
import type { ValidatedReport, ValidOperation, ValidRow } from './usage-validate.js';

/** Rows per upsert statement: large enough to amortise a round trip, small enough to stay cheap. */
const ROW_CHUNK = 5_000;
/** Operations per upsert (signatures can be long). */
const OPERATION_CHUNK = 500;
/** Coordinate pairs per insert. */
const COORDINATE_CHUNK = 20_000;
/** The largest value an `integer` column takes: adding counts saturates there, never fails. */
const INT_MAX = 2_147_483_647;

/**
 * Ingests hold this lock shared, the purge exclusive: the purge deletes operations that no
 * rollup references, which must not race with a report that adds the first new rollup of one.
 */
export async function lockUsage(query: Query, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await query(`SELECT ${fn}(hashtextextended('orrery:usage', 0))`);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Stores a validated report for the variant: operations, their coordinates, rollups, drops. */
export async function storeUsage(
  query: Query,
  variant: { readonly id: number; readonly graph_id: number },
  report: ValidatedReport,
  receivedAt: number,
): Promise<void> {
  if (report.rows.length > 0) {
    const created = await upsertOperations(query, variant.graph_id, report);
    await insertCoordinates(query, variant.graph_id, created);
    for (const chunk of chunks(report.rows, ROW_CHUNK)) {
      await upsertRows(query, variant, chunk);
    }
  }
  if (report.dropped > 0) {
    await query(
      `INSERT INTO usage_dropped (variant_id, minute, dropped)
       VALUES ($1, date_trunc('minute', $2::timestamptz), LEAST($3::bigint, ${INT_MAX})::int)
       ON CONFLICT (variant_id, minute)
       DO UPDATE SET dropped = LEAST(usage_dropped.dropped::bigint + excluded.dropped, ${INT_MAX})::int`,
      [variant.id, new Date(receivedAt).toISOString(), report.dropped],
    );
  }
}

/**
 * Upserts the report's operations (first and last seen widened to this report's rows) and
 * returns those that were new: only they need their coordinates written (an operation's id
 * covers its coordinates, so a known operation's list cannot have changed).
 */
async function upsertOperations(
  query: Query,
  graphId: number,
  report: ValidatedReport,
): Promise<ValidOperation[]> {
  const seen = new Map<string, { first: number; last: number }>();
  for (const row of report.rows) {
    const span = seen.get(row.operationId);
    if (!span) seen.set(row.operationId, { first: row.minute, last: row.minute });
    else {
      span.first = Math.min(span.first, row.minute);
      span.last = Math.max(span.last, row.minute);
    }
  }
  const byId = new Map(report.operations.map((operation) => [operation.id, operation]));
  const created: ValidOperation[] = [];
  for (const chunk of chunks(report.operations, OPERATION_CHUNK)) {
    const inserted = await query<{ id: string; inserted: boolean }>(
      `INSERT INTO usage_operations (graph_id, id, name, type, signature, first_seen, last_seen)
       SELECT $1, t.id, t.name, t.type, t.signature, t.first_seen::timestamptz, t.last_seen::timestamptz
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS t (id, name, type, signature, first_seen, last_seen)
       ON CONFLICT (graph_id, id) DO UPDATE SET
         first_seen = LEAST(usage_operations.first_seen, excluded.first_seen),
         last_seen = GREATEST(usage_operations.last_seen, excluded.last_seen)
       RETURNING id, (xmax = 0) AS inserted`,
      [
        graphId,
        chunk.map((operation) => operation.id),
        chunk.map((operation) => operation.name),
        chunk.map((operation) => operation.type),
        chunk.map((operation) => operation.signature),
        chunk.map((operation) => new Date(seen.get(operation.id)!.first).toISOString()),
        chunk.map((operation) => new Date(seen.get(operation.id)!.last).toISOString()),
      ],
    );
    // `xmax = 0` is PostgreSQL's tell for "this row version was inserted, not updated".
    for (const row of inserted) if (row.inserted) created.push(byId.get(row.id)!);
  }
  return created;
}

async function insertCoordinates(
  query: Query,
  graphId: number,
  operations: readonly ValidOperation[],
): Promise<void> {
  const pairs: [string, string][] = [];
  for (const operation of operations) {
    for (const coordinate of operation.coordinates) pairs.push([operation.id, coordinate]);
  }
  for (const chunk of chunks(pairs, COORDINATE_CHUNK)) {
    await query(
      `INSERT INTO usage_operation_coordinates (graph_id, operation_id, coordinate)
       SELECT $1, t.operation_id, t.coordinate FROM unnest($2::text[], $3::text[]) AS t (operation_id, coordinate)
       ON CONFLICT DO NOTHING`,
      [graphId, chunk.map((pair) => pair[0]), chunk.map((pair) => pair[1])],
    );
  }
}

async function upsertRows(
  query: Query,
  variant: { readonly id: number; readonly graph_id: number },
  rows: readonly ValidRow[],
): Promise<void> {
  await query(
    `INSERT INTO usage_minutes (variant_id, minute, operation_id, client_name, client_version, graph_id, count, errors)
     SELECT $1, t.minute::timestamptz, t.operation_id, t.client_name, t.client_version, $2,
       LEAST(t.count::bigint, ${INT_MAX})::int, LEAST(t.errors::bigint, ${INT_MAX})::int
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[])
       AS t (minute, operation_id, client_name, client_version, count, errors)
     ON CONFLICT (variant_id, minute, operation_id, client_name, client_version) DO UPDATE SET
       count = LEAST(usage_minutes.count::bigint + excluded.count, ${INT_MAX})::int,
       errors = LEAST(usage_minutes.errors::bigint + excluded.errors, usage_minutes.count::bigint + excluded.count, ${INT_MAX})::int`,
    [
      variant.id,
      variant.graph_id,
      rows.map((row) => new Date(row.minute).toISOString()),
      rows.map((row) => row.operationId),
      rows.map((row) => row.clientName),
      rows.map((row) => row.clientVersion),
      rows.map((row) => row.count),
      rows.map((row) => row.errors),
    ],
  );
}

// ---- Reads -----------------------------------------------------------------------------------

/** What to read: variants of one graph, a time range, optionally a coordinate filter. */
export interface UsageRange {
  readonly graphId: number;
  readonly variantIds: readonly number[];
  readonly since: Date;
  readonly until: Date;
  /** Only operations referencing one of these; every operation when absent. */
  readonly coordinates?: readonly string[];
  /**
   * With `coordinates`: also the operations with the same name, type and signature as one that
   * references them (the same text whose variable values touched other coordinates, or
   * reported before a publish changed what it touches), so thresholds see the whole text.
   */
  readonly sameText?: boolean;
}

/** Requests of one operation by one client in the range. */
export interface ClientTotals {
  readonly operation_id: string;
  readonly client_name: string;
  readonly client_version: string;
  readonly requests: number;
  readonly errors: number;
  readonly first_seen: Date;
  readonly last_seen: Date;
}

export interface OperationDetails {
  readonly id: string;
  readonly name: string | null;
  readonly type: ValidOperation['type'];
  readonly signature: string;
}

/** All requests of the variants in the range. */
export async function totalRequests(query: Query, range: UsageRange): Promise<number> {
  const [row] = await query<{ total: number }>(
    `SELECT coalesce(sum(count), 0)::float8 AS total FROM usage_minutes
     WHERE variant_id = ANY($1::int[]) AND minute >= $2 AND minute <= $3`,
    [range.variantIds, range.since.toISOString(), range.until.toISOString()],
  );
  return row?.total ?? 0;
}

/** Requests per operation and client in the range (sums as float8: exact, and a JS number). */
export async function clientTotals(query: Query, range: UsageRange): Promise<ClientTotals[]> {
  const params: unknown[] = [
    range.variantIds,
    range.since.toISOString(),
    range.until.toISOString(),
  ];
  let filter = '';
  if (range.coordinates !== undefined) {
    params.push(range.graphId, range.coordinates);
    const referencing = `SELECT c.operation_id FROM usage_operation_coordinates c
      WHERE c.graph_id = $4 AND c.coordinate = ANY($5::text[])`;
    filter = range.sameText
      ? `AND u.operation_id IN (SELECT o.id FROM usage_operations o JOIN usage_operations m
          ON m.graph_id = o.graph_id AND m.type = o.type AND m.signature = o.signature
          AND m.name IS NOT DISTINCT FROM o.name
          WHERE o.graph_id = $4 AND m.id IN (${referencing}))`
      : `AND u.operation_id IN (${referencing})`;
  }
  return query<ClientTotals>(
    `SELECT u.operation_id, u.client_name, u.client_version,
       sum(u.count)::float8 AS requests, sum(u.errors)::float8 AS errors,
       min(u.minute) AS first_seen, max(u.minute) AS last_seen
     FROM usage_minutes u
     WHERE u.variant_id = ANY($1::int[]) AND u.minute >= $2 AND u.minute <= $3 ${filter}
     GROUP BY u.operation_id, u.client_name, u.client_version`,
    params,
  );
}

export async function operationDetails(
  query: Query,
  graphId: number,
  ids: readonly string[],
): Promise<Map<string, OperationDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await query<OperationDetails>(
    `SELECT id, name, type, signature FROM usage_operations WHERE graph_id = $1 AND id = ANY($2::text[])`,
    [graphId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Each operation's coordinates, sorted. */
export async function operationCoordinates(
  query: Query,
  graphId: number,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await query<{ operation_id: string; coordinate: string }>(
    `SELECT operation_id, coordinate FROM usage_operation_coordinates
     WHERE graph_id = $1 AND operation_id = ANY($2::text[]) ORDER BY operation_id, coordinate`,
    [graphId, ids],
  );
  for (const row of rows) out.get(row.operation_id)?.push(row.coordinate);
  return out;
}

// ---- Retention -------------------------------------------------------------------------------

/**
 * Deletes rollups and drop counts older than `cutoff`, then the operations (and their
 * coordinates) no rollup references any more. Returns how many rollup rows went.
 */
export async function purgeBefore(query: Query, cutoff: Date): Promise<number> {
  await lockUsage(query, 'exclusive');
  const at = cutoff.toISOString();
  // Per variant, so the primary key's (variant_id, minute) prefix serves the range.
  const [gone] = await query<{ count: number }>(
    `WITH gone AS (
       DELETE FROM usage_minutes WHERE variant_id IN (SELECT id FROM variants) AND minute < $1
       RETURNING 1)
     SELECT count(*)::int AS count FROM gone`,
    [at],
  );
  await query(`DELETE FROM usage_dropped WHERE minute < $1`, [at]);
  await query(
    `DELETE FROM usage_operations o WHERE NOT EXISTS (
       SELECT 1 FROM usage_minutes u WHERE u.graph_id = o.graph_id AND u.operation_id = o.id)`,
  );
  return gone?.count ?? 0;
}

// ---- Compaction ------------------------------------------------------------------------------

/**
 * Folds the rollups older than `cutoff` into one row per `unit` (UTC hour or day): the rows of
 * an operation, client and version in that hour or day are deleted and their counts added to
 * the row at the start of the bucket, in one statement. Returns how many rows were folded.
 *
 * Why: a row per minute is what recent traffic needs (a view of the last hour, a check run
 * right after a deploy), but kept for the whole retention it is up to 43 200 rows per
 * operation and client a month. Older traffic is read over days (the 7-day check window), where
 * an hour or a day is precise enough. A bucket is stored under its first minute, so every read
 * (`minute >= since AND minute <= until`) works unchanged: a bucket counts as a whole when its
 * start is in the range. Rows already at a bucket's start are left in place (they receive the
 * others' counts), so the fold is idempotent and a late report for an old minute, stored as a
 * minute row, is folded by the next run.
 */
export async function compactBefore(
  query: Query,
  unit: 'hour' | 'day',
  cutoff: Date,
): Promise<number> {
  await lockUsage(query, 'exclusive');
  const at = cutoff.toISOString();
  // date_trunc with 'UTC': buckets do not depend on the session's time zone.
  const bucket = `date_trunc('${unit}', minute, 'UTC')`;
  const [folded] = await query<{ count: number }>(
    `WITH moved AS (
       DELETE FROM usage_minutes
       WHERE variant_id IN (SELECT id FROM variants) AND minute < $1 AND minute <> ${bucket}
       RETURNING variant_id, ${bucket} AS bucket, operation_id, client_name, client_version,
         graph_id, count, errors),
     added AS (
       INSERT INTO usage_minutes (variant_id, minute, operation_id, client_name, client_version, graph_id, count, errors)
       SELECT variant_id, bucket, operation_id, client_name, client_version, graph_id,
         LEAST(sum(count), ${INT_MAX})::int, LEAST(sum(errors), sum(count), ${INT_MAX})::int
       FROM moved
       GROUP BY variant_id, bucket, operation_id, client_name, client_version, graph_id
       ON CONFLICT (variant_id, minute, operation_id, client_name, client_version) DO UPDATE SET
         count = LEAST(usage_minutes.count::bigint + excluded.count, ${INT_MAX})::int,
         errors = LEAST(usage_minutes.errors::bigint + excluded.errors, usage_minutes.count::bigint + excluded.count, ${INT_MAX})::int)
     SELECT count(*)::int AS count FROM moved`,
    [at],
  );
  // Drop counts (one row per variant and minute at most) follow the same buckets.
  await query(
    `WITH moved AS (
       DELETE FROM usage_dropped WHERE minute < $1 AND minute <> ${bucket}
       RETURNING variant_id, ${bucket} AS bucket, dropped)
     INSERT INTO usage_dropped (variant_id, minute, dropped)
     SELECT variant_id, bucket, LEAST(sum(dropped), ${INT_MAX})::int FROM moved
     GROUP BY variant_id, bucket
     ON CONFLICT (variant_id, minute)
     DO UPDATE SET dropped = LEAST(usage_dropped.dropped::bigint + excluded.dropped, ${INT_MAX})::int`,
    [at],
  );
  return folded?.count ?? 0;
}
