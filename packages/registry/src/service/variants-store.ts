import { formatGraphRef, type GraphRef, type VariantSummary } from '@orrery/registry-client';
import { NotFoundError } from '../errors.js';
import type { Query } from '../storage/types.js';
import {
  iso,
  REVISION_COLUMNS,
  VARIANT_COLUMNS,
  type RevisionRow,
  type VariantRow,
} from './rows.js';

/**
 * Takes the variant's write lock until the transaction ends. Keyed by name, not row id, so it
 * also serialises the publishes that race to create the variant. Every write to a variant (its
 * subgraphs, launches, contract launches) holds it: launch ids are allocated under it, and two
 * publishes can never compose from the same stale set of subgraphs.
 */
export async function lockVariant(query: Query, ref: GraphRef): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `orrery:variant:${formatGraphRef(ref)}`,
  ]);
}

export async function findVariant(query: Query, ref: GraphRef): Promise<VariantRow | undefined> {
  const [row] = await query<VariantRow>(
    `SELECT ${VARIANT_COLUMNS} FROM variants v JOIN graphs g ON g.id = v.graph_id
     WHERE g.name = $1 AND v.name = $2`,
    [ref.graph, ref.variant],
  );
  return row;
}

export async function requireVariant(query: Query, ref: GraphRef): Promise<VariantRow> {
  const row = await findVariant(query, ref);
  if (!row) throw new NotFoundError(`variant ${formatGraphRef(ref)} does not exist`);
  return row;
}

/** The variant, created (with its graph) when missing; `created` says which. */
export async function ensureVariant(
  query: Query,
  ref: GraphRef,
  contract?: unknown,
): Promise<{ variant: VariantRow; created: boolean }> {
  const existing = await findVariant(query, ref);
  if (existing) return { variant: existing, created: false };
  // Another variant of the same graph may be creating the graph right now (it holds a different
  // variant lock): ON CONFLICT makes the insert safe, the select finds whichever row won.
  await query(`INSERT INTO graphs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [ref.graph]);
  await query(
    `INSERT INTO variants (graph_id, name, contract)
     SELECT id, $2, $3::jsonb FROM graphs WHERE name = $1`,
    [ref.graph, ref.variant, contract === undefined ? null : JSON.stringify(contract)],
  );
  return { variant: (await findVariant(query, ref))!, created: true };
}

/** The newest revision of each subgraph of the variant, deleted ones included. */
export async function latestRevisions(query: Query, variantId: number): Promise<RevisionRow[]> {
  return query<RevisionRow>(
    `SELECT DISTINCT ON (name) ${REVISION_COLUMNS} FROM subgraph_revisions
     WHERE variant_id = $1 ORDER BY name, revision DESC`,
    [variantId],
  );
}

/** The live subgraphs of the variant (newest revision not a deletion), by name. */
export async function currentSubgraphs(query: Query, variantId: number): Promise<RevisionRow[]> {
  return (await latestRevisions(query, variantId)).filter((row) => !row.deleted);
}

export async function latestRevision(
  query: Query,
  variantId: number,
  name: string,
): Promise<RevisionRow | undefined> {
  const [row] = await query<RevisionRow>(
    `SELECT ${REVISION_COLUMNS} FROM subgraph_revisions
     WHERE variant_id = $1 AND name = $2 ORDER BY revision DESC LIMIT 1`,
    [variantId, name],
  );
  return row;
}

/** Appends a revision (the next number for this subgraph) and returns it. */
export async function insertRevision(
  query: Query,
  variantId: number,
  revision: {
    name: string;
    url: string;
    sdl: string;
    sdlHash: string;
    deleted: boolean;
    actor: string;
    note?: string | undefined;
  },
): Promise<RevisionRow> {
  const [row] = await query<RevisionRow>(
    // clock_timestamp(): revisions are written under the variant's lock, so their times follow
    // the order the writes happened in, not the order their transactions began in.
    `INSERT INTO subgraph_revisions (variant_id, name, revision, url, sdl, sdl_hash, deleted, actor, note, created_at)
     SELECT $1, $2, COALESCE(MAX(revision), 0) + 1, $3, $4, $5, $6, $7, $8, clock_timestamp()
     FROM subgraph_revisions WHERE variant_id = $1 AND name = $2
     RETURNING ${REVISION_COLUMNS}`,
    [
      variantId,
      revision.name,
      revision.url,
      revision.sdl,
      revision.sdlHash,
      revision.deleted,
      revision.actor,
      revision.note ?? null,
    ],
  );
  return row!;
}

export async function toVariantSummary(query: Query, row: VariantRow): Promise<VariantSummary> {
  const live = await currentSubgraphs(query, row.id);
  return {
    graph: row.graph,
    name: row.name,
    ...(row.contract ? { contract: row.contract } : {}),
    ...(row.served_launch_id !== null ? { servedLaunchId: row.served_launch_id } : {}),
    ...(row.latest_launch_id !== null ? { latestLaunchId: row.latest_launch_id } : {}),
    subgraphCount: live.length,
    createdAt: iso(row.created_at),
  };
}
