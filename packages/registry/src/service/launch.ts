import { applyContract, composeSubgraphs, diffSchemas } from '@orrery/composition';
import {
  formatGraphRef,
  type ContractConfig,
  type Diagnostic,
  type Launch,
  type LaunchTrigger,
  type SchemaChange,
} from '@orrery/registry-client';
import { createHash } from 'node:crypto';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Query } from '../storage/types.js';
import { enqueueDeliveries } from '../webhooks/enqueue.js';
import {
  LAUNCH_COLUMNS,
  toLaunch,
  type LaunchRow,
  type RevisionRow,
  type VariantRow,
} from './rows.js';
import { currentSubgraphs, lockVariant, findVariant } from './variants-store.js';

/** The notification channel every launch is announced on (payload: {@link LaunchNotice}). */
export const LAUNCH_CHANNEL = 'orrery_launch';

/** What a launch notification carries. */
export interface LaunchNotice {
  readonly graph: string;
  readonly variant: string;
  readonly launchId: number;
  readonly servedLaunchId: number | null;
}

/**
 * What the launches of one write share: who caused them, where webhook links point, and the
 * webhook deliveries recorded so far (sent once the transaction has committed).
 */
export interface LaunchContext {
  readonly actor: string;
  readonly publicUrl: string;
  readonly deliveries: string[];
}

/** A recorded launch and what the caller reports about it. */
export interface LaunchOutcome {
  readonly launch: Launch;
  /** The served supergraph changed (success with a hash different from the one served before). */
  readonly supergraphUpdated: boolean;
  readonly errors: readonly Diagnostic[];
  readonly hints: readonly Diagnostic[];
  /** The new supergraph (success only), for contract launches. */
  readonly supergraphSdl?: string;
}

/** A supergraph built from subgraphs or filtered for a contract, or why it could not be. */
export type Built =
  | { readonly ok: true; readonly supergraphSdl: string; readonly apiSchema: GraphQLSchema }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** Shared by launches writing an artifact, exclusive for collecting unreferenced ones. */
export const ARTIFACTS_LOCK_KEY = `hashtextextended('orrery:artifacts', 0)`;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Sorted, as `toApiSchema` prints it, so the stored API schema does not depend on subgraph order.
export const printApiSchema = (schema: GraphQLSchema) =>
  printSchema(lexicographicSortSchema(schema));

/**
 * What clients see change between two printed API schemas (launch history and schema checks
 * share it, so a check lists exactly the changes the publish would record).
 */
export function diffApiSchemas(
  oldApiSchema: string | GraphQLSchema,
  newApiSchemaSdl: string,
): SchemaChange[] {
  // Composition types `meta` as a closed interface, the wire as an open record: copy it across.
  return diffSchemas(oldApiSchema, newApiSchemaSdl).map(({ meta, ...change }): SchemaChange =>
    meta ? { ...change, meta: { ...meta } } : change,
  );
}

/** Composes subgraphs into a supergraph (publishes and checks), with composition's hints. */
export function buildSupergraph(subgraphs: readonly { name: string; url: string; sdl: string }[]): {
  built: Built;
  hints: readonly Diagnostic[];
} {
  const result = composeSubgraphs(subgraphs.map((s) => ({ name: s.name, url: s.url, sdl: s.sdl })));
  const built: Built = result.ok
    ? { ok: true, supergraphSdl: result.supergraphSdl, apiSchema: result.apiSchema }
    : { ok: false, errors: result.errors };
  return { built, hints: result.hints };
}

/** Filters a source supergraph with a contract's tags (contract launches and schema checks). */
export function buildContract(supergraphSdl: string, config: ContractConfig): Built {
  const result = applyContract(supergraphSdl, {
    includeTags: config.includeTags,
    excludeTags: config.excludeTags,
    hideUnreachableTypes: config.hideUnreachableTypes,
  });
  return result.ok
    ? { ok: true, supergraphSdl: result.supergraphSdl, apiSchema: result.apiSchema }
    : { ok: false, errors: result.errors };
}

/**
 * Appends launch `latest + 1` to the variant: on success stores the artifact (once per content
 * hash) and serves it; on failure only records the errors, the served launch stays. Announces
 * the launch (delivered on commit) and queues its webhook deliveries. The caller holds the
 * variant's lock.
 */
async function recordLaunch(
  query: Query,
  variant: VariantRow,
  trigger: LaunchTrigger,
  subgraphs: readonly { name: string; revision: number }[],
  built: Built,
  context: LaunchContext,
): Promise<{ launch: Launch; supergraphUpdated: boolean }> {
  const [previous] = await query<{ supergraph_hash: string; api_schema_sdl: string }>(
    `SELECT l.supergraph_hash, a.api_schema_sdl FROM variants v
     JOIN launches l ON l.variant_id = v.id AND l.id = v.served_launch_id
     JOIN artifacts a ON a.hash = l.supergraph_hash WHERE v.id = $1`,
    [variant.id],
  );
  const [{ id }] = (await query<{ id: number }>(
    `UPDATE variants SET latest_launch_id = COALESCE(latest_launch_id, 0) + 1
     WHERE id = $1 RETURNING latest_launch_id AS id`,
    [variant.id],
  )) as [{ id: number }];

  let hash: string | null = null;
  let changes: readonly SchemaChange[] = [];
  if (built.ok) {
    hash = sha256(built.supergraphSdl);
    const apiSchemaSdl = printApiSchema(built.apiSchema);
    // What clients see change, against the supergraph served until now. A failed launch
    // changes nothing; the first launch has nothing to compare with.
    if (previous && previous.supergraph_hash !== hash) {
      changes = diffApiSchemas(previous.api_schema_sdl, apiSchemaSdl);
    }
    await query(`SELECT pg_advisory_xact_lock_shared(${ARTIFACTS_LOCK_KEY})`);
    await query(
      `INSERT INTO artifacts (hash, supergraph_sdl, api_schema_sdl) VALUES ($1, $2, $3)
       ON CONFLICT (hash) DO NOTHING`,
      [hash, built.supergraphSdl, apiSchemaSdl],
    );
  }
  // clock_timestamp(), not now(): now() is when the transaction began, before it waited for the
  // variant's lock, so launch times would not follow launch ids.
  const [row] = await query<LaunchRow>(
    `INSERT INTO launches (variant_id, id, trigger, status, supergraph_hash, errors, changes, actor, subgraphs, created_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $9::jsonb, $7, $8::jsonb, clock_timestamp())
     RETURNING ${LAUNCH_COLUMNS}`,
    [
      variant.id,
      id,
      JSON.stringify(trigger),
      built.ok ? 'success' : 'failed',
      hash,
      JSON.stringify(built.ok ? [] : built.errors),
      context.actor,
      JSON.stringify(subgraphs),
      JSON.stringify(changes),
    ],
  );
  let served = variant.served_launch_id;
  if (built.ok) {
    await query('UPDATE variants SET served_launch_id = $2 WHERE id = $1', [variant.id, id]);
    served = id;
  }
  const launch = toLaunch(variant.graph, variant.name, row!);
  const notice: LaunchNotice = {
    graph: variant.graph,
    variant: variant.name,
    launchId: id,
    servedLaunchId: served,
  };
  await query('SELECT pg_notify($1, $2)', [LAUNCH_CHANNEL, JSON.stringify(notice)]);
  context.deliveries.push(
    ...(await enqueueDeliveries(query, variant.id, launch, context.publicUrl)),
  );
  return {
    launch,
    supergraphUpdated: hash !== null && hash !== (previous?.supergraph_hash ?? null),
  };
}

/** Composes the variant's live subgraphs and records the launch. The caller holds the lock. */
export async function composeAndLaunch(
  query: Query,
  variant: VariantRow,
  trigger: LaunchTrigger,
  context: LaunchContext,
): Promise<LaunchOutcome> {
  const subgraphs: RevisionRow[] = await currentSubgraphs(query, variant.id);
  const { built, hints } = buildSupergraph(subgraphs);
  const snapshot = subgraphs.map((s) => ({ name: s.name, revision: s.revision }));
  const recorded = await recordLaunch(query, variant, trigger, snapshot, built, context);
  return {
    ...recorded,
    errors: built.ok ? [] : built.errors,
    hints,
    ...(built.ok ? { supergraphSdl: built.supergraphSdl } : {}),
  };
}

/**
 * Launches a contract variant from its source's supergraph (the source's launch `sourceLaunchId`).
 * The caller holds the contract variant's lock.
 */
export async function launchContract(
  query: Query,
  contract: VariantRow,
  config: ContractConfig,
  source: { launchId: number; supergraphSdl: string; subgraphs: unknown },
  context: LaunchContext,
): Promise<LaunchOutcome> {
  const built = buildContract(source.supergraphSdl, config);
  const trigger: LaunchTrigger = {
    kind: 'contract',
    sourceLaunchId: source.launchId,
    source: config.source,
  };
  const snapshot = Array.isArray(source.subgraphs)
    ? (source.subgraphs as { name: string; revision: number }[])
    : [];
  const recorded = await recordLaunch(query, contract, trigger, snapshot, built, context);
  return {
    ...recorded,
    errors: built.ok ? [] : built.errors,
    hints: [],
    ...(built.ok ? { supergraphSdl: built.supergraphSdl } : {}),
  };
}

/**
 * Relaunches every contract variant whose source is `source`, after the source's successful
 * launch. Locks are taken source first, then contract, always in that order (contracts take no
 * publishes of their own), so this cannot deadlock with another write.
 */
export async function relaunchContracts(
  query: Query,
  source: VariantRow,
  sourceLaunch: Launch,
  supergraphSdl: string,
  context: LaunchContext,
): Promise<Launch[]> {
  const sourceRef = formatGraphRef({ graph: source.graph, variant: source.name });
  const contracts = await query<{ name: string }>(
    `SELECT name FROM variants WHERE graph_id = $1 AND contract ->> 'source' = $2 ORDER BY name`,
    [source.graph_id, sourceRef],
  );
  const [snapshot] = await query<{ subgraphs: unknown }>(
    'SELECT subgraphs FROM launches WHERE variant_id = $1 AND id = $2',
    [source.id, sourceLaunch.id],
  );
  const launches: Launch[] = [];
  for (const { name } of contracts) {
    const ref = { graph: source.graph, variant: name };
    await lockVariant(query, ref);
    const contract = await findVariant(query, ref);
    if (!contract?.contract) continue;
    const outcome = await launchContract(
      query,
      contract,
      contract.contract,
      { launchId: sourceLaunch.id, supergraphSdl, subgraphs: snapshot?.subgraphs },
      context,
    );
    launches.push(outcome.launch);
  }
  return launches;
}
