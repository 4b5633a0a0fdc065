import type {
  GraphRef,
  GraphSummary,
  Launch,
  LaunchList,
  SubgraphDetail,
  SubgraphRevision,
  SubgraphSummary,
  SupergraphResponse,
  VariantSummary,
} from '@orrery/registry-client';
import { BadRequestError, NotFoundError } from '../errors.js';
import { authorize, authorizeGraph, scopeCovers, scopeCoversGraph } from '../keys/access.js';
import { clampLimit } from './admin.js';
import type { ServiceContext } from './context.js';
import { checkName, checkRef, formatGraphRef } from './names.js';
import {
  iso,
  LAUNCH_COLUMNS,
  REVISION_COLUMNS,
  toLaunch,
  toSubgraphDetail,
  toSubgraphRevision,
  VARIANT_COLUMNS,
  type LaunchRow,
  type RevisionRow,
  type VariantRow,
} from './rows.js';
import type { Actor } from './types.js';
import {
  currentSubgraphs,
  latestRevision,
  requireVariant,
  toVariantSummary,
} from './variants-store.js';

/** Graphs the actor can see (all for admins; those its scope covers otherwise). */
export async function listGraphs(context: ServiceContext, actor: Actor): Promise<GraphSummary[]> {
  authorize(actor, 'read');
  const rows = await context.storage.transaction((query) =>
    query<{ name: string; created_at: Date; variants: string[] | null }>(
      `SELECT g.name, g.created_at, array_agg(v.name ORDER BY v.name) FILTER (WHERE v.name IS NOT NULL) AS variants
       FROM graphs g LEFT JOIN variants v ON v.graph_id = g.id GROUP BY g.id ORDER BY g.name`,
    ),
  );
  return rows
    .filter((row) => actor.role === 'admin' || scopeCoversGraph(actor.scope, row.name))
    .map((row) => ({
      name: row.name,
      variants: (row.variants ?? []).filter(
        (variant) =>
          actor.role === 'admin' || scopeCovers(actor.scope, { graph: row.name, variant }),
      ),
      createdAt: iso(row.created_at),
    }));
}

export async function listVariants(
  context: ServiceContext,
  actor: Actor,
  graph: string,
): Promise<VariantSummary[]> {
  checkName('graph', graph);
  authorizeGraph(actor, 'read', graph);
  return context.storage.transaction(async (query) => {
    const rows = await query<VariantRow>(
      `SELECT ${VARIANT_COLUMNS} FROM variants v JOIN graphs g ON g.id = v.graph_id WHERE g.name = $1 ORDER BY v.name`,
      [graph],
    );
    if (rows.length === 0) throw new NotFoundError(`graph ${graph} does not exist`);
    const visible = rows.filter(
      (row) => actor.role === 'admin' || scopeCovers(actor.scope, { graph, variant: row.name }),
    );
    return Promise.all(visible.map((row) => toVariantSummary(query, row)));
  });
}

export async function getVariant(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
): Promise<VariantSummary> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  return context.storage.transaction(async (query) =>
    toVariantSummary(query, await requireVariant(query, ref)),
  );
}

export async function listSubgraphs(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
): Promise<SubgraphSummary[]> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  const rows = await context.storage.transaction(async (query) =>
    currentSubgraphs(query, (await requireVariant(query, ref)).id),
  );
  return rows.map((row) => {
    const { name, url, revision, updatedAt, updatedBy } = toSubgraphDetail(row);
    return { name, url, revision, updatedAt, updatedBy };
  });
}

export async function getSubgraph(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  name: string,
): Promise<SubgraphDetail> {
  checkRef(ref);
  checkName('subgraph', name);
  authorize(actor, 'read', ref);
  const row = await context.storage.transaction(async (query) =>
    latestRevision(query, (await requireVariant(query, ref)).id, name),
  );
  if (!row || row.deleted)
    throw new NotFoundError(`subgraph ${name} does not exist in ${formatGraphRef(ref)}`);
  return toSubgraphDetail(row);
}

export async function listSubgraphRevisions(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  name: string,
): Promise<SubgraphRevision[]> {
  checkRef(ref);
  checkName('subgraph', name);
  authorize(actor, 'read', ref);
  const rows = await context.storage.transaction(async (query) => {
    const variant = await requireVariant(query, ref);
    return query<RevisionRow>(
      `SELECT ${REVISION_COLUMNS} FROM subgraph_revisions WHERE variant_id = $1 AND name = $2 ORDER BY revision DESC`,
      [variant.id, name],
    );
  });
  if (rows.length === 0)
    throw new NotFoundError(`subgraph ${name} does not exist in ${formatGraphRef(ref)}`);
  return rows.map(toSubgraphRevision);
}

/** Launches newest first, `limit` per page (20 by default, 100 at most), older than `before`. */
export async function listLaunches(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  options: { limit?: number; before?: number } = {},
): Promise<LaunchList> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  const limit = clampLimit(options.limit, 20, 100);
  if (options.before !== undefined && !Number.isInteger(options.before)) {
    throw new BadRequestError('before must be a launch id');
  }
  const rows = await context.storage.transaction(async (query) => {
    const variant = await requireVariant(query, ref);
    return query<LaunchRow>(
      `SELECT ${LAUNCH_COLUMNS} FROM launches WHERE variant_id = $1 AND ($2::int IS NULL OR id < $2::int)
       ORDER BY id DESC LIMIT $3`,
      [variant.id, options.before ?? null, limit + 1],
    );
  });
  const page = rows.slice(0, limit).map((row) => toLaunch(ref.graph, ref.variant, row));
  return rows.length > limit ? { launches: page, nextBefore: page.at(-1)!.id } : { launches: page };
}

export async function getLaunch(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  id: number,
): Promise<Launch> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  if (!Number.isInteger(id)) throw new BadRequestError('a launch id is an integer');
  const [row] = await context.storage.transaction(async (query) => {
    const variant = await requireVariant(query, ref);
    return query<LaunchRow>(
      `SELECT ${LAUNCH_COLUMNS} FROM launches WHERE variant_id = $1 AND id = $2`,
      [variant.id, id],
    );
  });
  if (!row) throw new NotFoundError(`launch ${id} of ${formatGraphRef(ref)} does not exist`);
  return toLaunch(ref.graph, ref.variant, row);
}

/**
 * The served supergraph (or a given successful launch's): one indexed query, as gateways poll
 * it. NOT_FOUND until the variant has a successful launch.
 */
export async function getSupergraph(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  options: { launchId?: number } = {},
): Promise<SupergraphResponse> {
  checkRef(ref);
  authorize(actor, 'supergraph', ref);
  if (options.launchId !== undefined && !Number.isInteger(options.launchId)) {
    throw new BadRequestError('a launch id is an integer');
  }
  const [row] = await context.storage.transaction((query) =>
    query<{
      id: number;
      hash: string;
      supergraph_sdl: string;
      api_schema_sdl: string;
      created_at: Date;
    }>(
      `SELECT l.id, a.hash, a.supergraph_sdl, a.api_schema_sdl, l.created_at
       FROM variants v JOIN graphs g ON g.id = v.graph_id
       JOIN launches l ON l.variant_id = v.id AND l.id = COALESCE($3::int, v.served_launch_id)
       JOIN artifacts a ON a.hash = l.supergraph_hash
       WHERE g.name = $1 AND v.name = $2`,
      [ref.graph, ref.variant, options.launchId ?? null],
    ),
  );
  if (!row) {
    throw new NotFoundError(
      options.launchId === undefined
        ? `${formatGraphRef(ref)} has no supergraph yet (no successful launch)`
        : `${formatGraphRef(ref)} has no successful launch ${options.launchId}`,
    );
  }
  return {
    launchId: row.id,
    hash: row.hash,
    supergraphSdl: row.supergraph_sdl,
    apiSchemaSdl: row.api_schema_sdl,
    createdAt: iso(row.created_at),
  };
}

/** The variant's served launch id (`undefined` when none or no such variant), for waiters. */
export async function servedLaunchId(
  context: ServiceContext,
  ref: GraphRef,
): Promise<number | undefined> {
  const [row] = await context.storage.transaction((query) =>
    query<{ served_launch_id: number | null }>(
      `SELECT v.served_launch_id FROM variants v JOIN graphs g ON g.id = v.graph_id WHERE g.name = $1 AND v.name = $2`,
      [ref.graph, ref.variant],
    ),
  );
  return row?.served_launch_id ?? undefined;
}
