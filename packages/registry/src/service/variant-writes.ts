import type {
  ContractConfig,
  CreateVariantRequest,
  CreateVariantResponse,
  GraphRef,
  Launch,
} from '@orrery/registry-client';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { authorize } from '../keys/access.js';
import type { Query } from '../storage/types.js';
import { recordAudit } from './audit.js';
import { write, type ServiceContext } from './context.js';
import { ARTIFACTS_LOCK_KEY, composeAndLaunch, launchContract } from './launch.js';
import { checkRef, formatGraphRef, refFromBody } from './names.js';
import type { Actor } from './types.js';
import {
  currentSubgraphs,
  ensureVariant,
  findVariant,
  insertRevision,
  lockVariant,
  requireVariant,
  toVariantSummary,
} from './variants-store.js';

function checkTags(field: string, value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string' || tag === '')) {
    throw new BadRequestError(`contract.${field} must be a list of tag names`);
  }
  return value as string[];
}

/** Validates a contract config from a request and normalises its optional parts. */
function contractConfig(ref: GraphRef, raw: ContractConfig): ContractConfig {
  const source = refFromBody('contract.source', raw.source);
  if (source.graph !== ref.graph) {
    throw new BadRequestError(
      `a contract's source must be a variant of the same graph (${ref.graph})`,
    );
  }
  if (source.variant === ref.variant)
    throw new BadRequestError('a contract cannot be its own source');
  return {
    source: formatGraphRef(source),
    includeTags: checkTags('includeTags', raw.includeTags),
    excludeTags: checkTags('excludeTags', raw.excludeTags),
    hideUnreachableTypes: raw.hideUnreachableTypes === true,
  };
}

/**
 * Creates a variant: empty, as a copy of another variant's live subgraphs (then launched), or as
 * a contract of a variant of the same graph (launched from the source's served supergraph when
 * there is one). CONFLICT when it exists.
 */
export async function createVariant(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  request: CreateVariantRequest = {},
): Promise<CreateVariantResponse> {
  checkRef(ref);
  authorize(actor, 'publish', ref);
  // A copy writes every subgraph of the source: a key limited to some subgraphs may not.
  if (actor.role !== 'admin' && (actor.scope.subgraphs?.length ?? 0) > 0) {
    throw new ForbiddenError(
      `key "${actor.name}" is limited to some subgraphs and may not create variants`,
    );
  }
  if (request.from !== undefined && request.contract !== undefined) {
    throw new BadRequestError('from and contract are mutually exclusive');
  }
  const from = request.from === undefined ? undefined : refFromBody('from', request.from);
  if (from) authorize(actor, 'read', from);
  const contract =
    request.contract === undefined ? undefined : contractConfig(ref, request.contract);
  if (contract) authorize(actor, 'read', refFromBody('contract.source', contract.source));

  return write(context, actor, async (query, launches) => {
    await lockVariant(query, ref);
    if (await findVariant(query, ref))
      throw new ConflictError(`variant ${formatGraphRef(ref)} already exists`);
    let launch: Launch | undefined;

    if (from) {
      const source = await findVariant(query, from);
      if (!source) throw new NotFoundError(`variant ${formatGraphRef(from)} does not exist`);
      // Read the source's subgraphs under the source's lock: a publish to it cannot be half-seen.
      await lockVariant(query, from);
      const subgraphs = await currentSubgraphs(query, source.id);
      const { variant } = await ensureVariant(query, ref);
      for (const subgraph of subgraphs) {
        await insertRevision(query, variant.id, {
          name: subgraph.name,
          url: subgraph.url,
          sdl: subgraph.sdl,
          sdlHash: subgraph.sdl_hash,
          deleted: false,
          actor: actor.name,
          note: `copied from ${formatGraphRef(from)} revision ${subgraph.revision}`,
        });
      }
      if (subgraphs.length > 0) {
        const outcome = await composeAndLaunch(
          query,
          variant,
          { kind: 'variant-created', from: formatGraphRef(from) },
          launches,
        );
        launch = outcome.launch;
      }
    } else if (contract) {
      const sourceRef = refFromBody('contract.source', contract.source);
      const source = await findVariant(query, sourceRef);
      if (!source) throw new NotFoundError(`variant ${contract.source} does not exist`);
      if (source.contract) throw new BadRequestError(`${contract.source} is itself a contract`);
      const { variant } = await ensureVariant(query, ref, contract);
      const [served] = await query<{ id: number; supergraph_sdl: string; subgraphs: unknown }>(
        `SELECT l.id, a.supergraph_sdl, l.subgraphs FROM launches l
         JOIN artifacts a ON a.hash = l.supergraph_hash WHERE l.variant_id = $1 AND l.id = $2`,
        [source.id, source.served_launch_id],
      );
      if (served) {
        const outcome = await launchContract(
          query,
          variant,
          contract,
          {
            launchId: served.id,
            supergraphSdl: served.supergraph_sdl,
            subgraphs: served.subgraphs,
          },
          launches,
        );
        launch = outcome.launch;
      }
    } else {
      await ensureVariant(query, ref);
    }

    const variant = await requireVariant(query, ref);
    await recordAudit(
      query,
      actor,
      'variant.create',
      { ref },
      {
        ...(from ? { from: formatGraphRef(from) } : {}),
        ...(contract ? { contract } : {}),
        ...(launch ? { launchId: launch.id, status: launch.status } : {}),
      },
    );
    return { variant: await toVariantSummary(query, variant), ...(launch ? { launch } : {}) };
  });
}

/**
 * Deletes a variant and everything it owns (subgraph history, launches, webhooks and their
 * deliveries), and its graph when it was the last variant. The audit log keeps the entries about
 * it. Artifacts only its launches referred to are collected afterwards (see `collectArtifacts`).
 */
export async function deleteVariant(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
): Promise<void> {
  checkRef(ref);
  authorize(actor, 'admin', ref);
  const hashes = await write(context, actor, async (query) => {
    await lockVariant(query, ref);
    const variant = await requireVariant(query, ref);
    const rows = await query<{ hash: string }>(
      `SELECT DISTINCT supergraph_hash AS hash FROM launches WHERE variant_id = $1 AND supergraph_hash IS NOT NULL`,
      [variant.id],
    );
    await query('DELETE FROM variants WHERE id = $1', [variant.id]);
    await query(
      `DELETE FROM graphs g WHERE g.id = $1 AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.graph_id = g.id)`,
      [variant.graph_id],
    );
    await recordAudit(
      query,
      actor,
      'variant.delete',
      { ref },
      {
        ...(variant.contract ? { contract: variant.contract } : {}),
      },
    );
    return rows.map((row) => row.hash);
  });
  if (hashes.length > 0)
    await context.storage.transaction((query) => collectArtifacts(query, hashes));
}

/**
 * Deletes the artifacts among `hashes` that no launch refers to. Runs in its own transaction
 * holding the artifacts lock exclusively, while launches hold it shared around their artifact
 * insert: an artifact another variant is re-using right now is either seen as referenced or
 * inserted again after the delete, never left dangling. It takes no other lock, so it cannot be
 * part of a deadlock with a publish.
 */
async function collectArtifacts(query: Query, hashes: readonly string[]): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock(${ARTIFACTS_LOCK_KEY})`);
  await query(
    `DELETE FROM artifacts a WHERE a.hash = ANY($1::text[])
     AND NOT EXISTS (SELECT 1 FROM launches l WHERE l.supergraph_hash = a.hash)`,
    [hashes],
  );
}
