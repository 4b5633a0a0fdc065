/**
 * Stored check results: appended under a per-variant advisory lock (ids are `latest + 1`, the
 * way launches are numbered), listed newest first, read back by id.
 *
 * @module
 */
import {
  formatGraphRef,
  type CheckList,
  type CheckRequest,
  type CheckResult,
  type CheckSummary,
  type GraphRef,
} from '@orrery/registry-client';
import type { Query } from '../../storage/types.js';
import { iso } from '../rows.js';
import { findVariant } from '../variants-store.js';

/** `${publicUrl}/api/v1/graphs/G/variants/V/checks/ID`. */
export function checkUrl(publicUrl: string, ref: GraphRef, id: number): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/api/v1/graphs/${encodeURIComponent(ref.graph)}/variants/${encodeURIComponent(ref.variant)}/checks/${id}`;
}

/**
 * Allocates the next id of the variant's checks, lets `build` produce the result with it, and
 * stores it. The lock is the checks' own (not the variant's write lock), so a check never waits
 * for a publish, nor a publish for a check.
 */
export async function storeCheck(
  query: Query,
  ref: GraphRef,
  request: CheckRequest,
  actor: string,
  build: (id: number, createdAt: string) => CheckResult,
): Promise<CheckResult> {
  await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `orrery:checks:${formatGraphRef(ref)}`,
  ]);
  const [{ id, now }] = (await query<{ id: number; now: Date }>(
    `SELECT COALESCE(MAX(id), 0) + 1 AS id, clock_timestamp() AS now FROM checks
     WHERE graph = $1 AND variant = $2`,
    [ref.graph, ref.variant],
  )) as [{ id: number; now: Date }];
  const result = build(id, iso(now));
  const variant = await findVariant(query, ref);
  await query(
    `INSERT INTO checks (graph, variant, id, variant_id, subgraph, status, request, result, actor, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      ref.graph,
      ref.variant,
      id,
      variant?.id ?? null,
      request.subgraph,
      result.status,
      JSON.stringify(request),
      JSON.stringify(result),
      actor,
      now,
    ],
  );
  return result;
}

interface CheckRow {
  readonly id: number;
  readonly result: CheckResult;
}

/** The stored result, its link rebuilt from the registry's current public URL. */
function toResult(publicUrl: string, ref: GraphRef, row: CheckRow): CheckResult {
  return { ...row.result, url: checkUrl(publicUrl, ref, row.id) };
}

export function toSummary(result: CheckResult): CheckSummary {
  return {
    id: result.id,
    subgraph: result.subgraph,
    status: result.status,
    url: result.url,
    changes: result.operations.changes.length,
    breaking: result.operations.changes.filter((change) => change.severity === 'breaking').length,
    affectedOperations: result.operations.affectedOperations.length,
    actor: result.actor,
    createdAt: result.createdAt,
  };
}

/** Newest first, `limit` per page, older than `before`; `undefined` when none exist at all. */
export async function readChecks(
  query: Query,
  publicUrl: string,
  ref: GraphRef,
  options: { limit: number; before?: number | undefined },
): Promise<CheckList> {
  const rows = await query<CheckRow>(
    `SELECT id, result FROM checks WHERE graph = $1 AND variant = $2
     AND ($3::int IS NULL OR id < $3::int) ORDER BY id DESC LIMIT $4`,
    [ref.graph, ref.variant, options.before ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map((row) => toSummary(toResult(publicUrl, ref, row)));
  return rows.length > options.limit
    ? { checks: page, nextBefore: page.at(-1)!.id }
    : { checks: page };
}

export async function readCheck(
  query: Query,
  publicUrl: string,
  ref: GraphRef,
  id: number,
): Promise<CheckResult | undefined> {
  const [row] = await query<CheckRow>(
    'SELECT id, result FROM checks WHERE graph = $1 AND variant = $2 AND id = $3',
    [ref.graph, ref.variant, id],
  );
  return row && toResult(publicUrl, ref, row);
}

/** Whether the variant exists or has checks (listing an unknown variant is NOT_FOUND). */
export async function variantKnown(query: Query, ref: GraphRef): Promise<boolean> {
  if (await findVariant(query, ref)) return true;
  const [row] = await query<{ found: number }>(
    'SELECT 1 AS found FROM checks WHERE graph = $1 AND variant = $2 LIMIT 1',
    [ref.graph, ref.variant],
  );
  return row !== undefined;
}
