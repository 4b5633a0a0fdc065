import { validateSubgraph } from '@orrery/composition';
import type {
  DeleteSubgraphResponse,
  GraphRef,
  PublishRequest,
  PublishResponse,
  RestoreSubgraphRequest,
} from '@orrery/registry-client';
import { BadRequestError, ConflictError, InvalidSdlError, NotFoundError } from '../errors.js';
import { authorize } from '../keys/access.js';
import type { Query } from '../storage/types.js';
import { recordAudit } from './audit.js';
import { write, type ServiceContext } from './context.js';
import {
  composeAndLaunch,
  relaunchContracts,
  sha256,
  type LaunchContext,
  type LaunchOutcome,
} from './launch.js';
import { checkName, checkRef, formatGraphRef } from './names.js';
import type { RevisionRow, VariantRow } from './rows.js';
import type { Actor } from './types.js';
import {
  ensureVariant,
  insertRevision,
  latestRevision,
  lockVariant,
  requireVariant,
} from './variants-store.js';

/** A contract variant serves its source filtered; subgraphs are published to the source. */
function refuseContract(variant: VariantRow): void {
  if (variant.contract) {
    throw new BadRequestError(
      `${variant.graph}@${variant.name} is a contract of ${variant.contract.source}: publish to the source variant`,
    );
  }
}

/** Launches the variant, then its contracts when the launch succeeded. */
async function launchWithContracts(
  query: Query,
  variant: VariantRow,
  trigger: Parameters<typeof composeAndLaunch>[2],
  launches: LaunchContext,
): Promise<{ outcome: LaunchOutcome; contractLaunches: PublishResponse['contractLaunches'] }> {
  const outcome = await composeAndLaunch(query, variant, trigger, launches);
  const contractLaunches =
    outcome.supergraphSdl === undefined
      ? []
      : await relaunchContracts(query, variant, outcome.launch, outcome.supergraphSdl, launches);
  return { outcome, contractLaunches };
}

/**
 * Publish: validate the SDL on its own (INVALID_SDL, nothing stored), then under the variant's
 * lock store the revision (unless identical to the current one), compose every live subgraph,
 * record the launch and relaunch the contracts. Composition failure still records the revision:
 * the registry is the record of what is deployed; the last good supergraph keeps being served.
 */
export async function publishSubgraph(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  name: string,
  request: PublishRequest,
): Promise<PublishResponse> {
  checkRef(ref);
  checkName('subgraph', name);
  authorize(actor, 'publish', ref, name);
  if (typeof request?.sdl !== 'string') throw new BadRequestError('sdl must be a string');
  if (request.url !== undefined) checkUrl(request.url);

  const validation = validateSubgraph({ name, url: request.url ?? '', sdl: request.sdl });
  if (!validation.ok) {
    throw new InvalidSdlError(`subgraph ${name} is not a valid subgraph`, validation.errors);
  }
  const sdlHash = sha256(request.sdl);

  return write(context, actor, async (query, launches) => {
    await lockVariant(query, ref);
    const { variant, created: variantCreated } = await ensureVariant(query, ref);
    refuseContract(variant);
    if (
      request.expectedLaunchId !== undefined &&
      request.expectedLaunchId !== (variant.latest_launch_id ?? 0)
    ) {
      throw new ConflictError(
        `the latest launch of ${formatGraphRef(ref)} is ${variant.latest_launch_id ?? 0}, not ${request.expectedLaunchId}`,
      );
    }
    const current = await latestRevision(query, variant.id, name);
    const live = current && !current.deleted ? current : undefined;
    const url = request.url ?? live?.url ?? current?.url;
    if (url === undefined) {
      throw new BadRequestError(`url is required on the first publish of subgraph ${name}`);
    }
    if (live && live.sdl_hash === sdlHash && live.url === url) {
      return {
        subgraph: 'unchanged',
        revision: live.revision,
        supergraphUpdated: false,
        errors: [],
        hints: validation.hints,
        contractLaunches: [],
      };
    }
    const revision = await insertRevision(query, variant.id, {
      name,
      url,
      sdl: request.sdl,
      sdlHash,
      deleted: false,
      actor: actor.name,
      note: request.revisionNote,
    });
    const { outcome, contractLaunches } = await launchWithContracts(
      query,
      variant,
      { kind: 'publish', subgraph: name },
      launches,
    );
    await recordAudit(
      query,
      actor,
      'subgraph.publish',
      { ref, target: name },
      {
        revision: revision.revision,
        sdlHash,
        url,
        launchId: outcome.launch.id,
        status: outcome.launch.status,
        ...(variantCreated ? { variantCreated: true } : {}),
        ...(request.revisionNote ? { note: request.revisionNote } : {}),
      },
    );
    return {
      subgraph: live ? 'updated' : 'created',
      revision: revision.revision,
      launch: outcome.launch,
      supergraphUpdated: outcome.supergraphUpdated,
      errors: outcome.errors,
      hints: [...validation.hints, ...outcome.hints],
      contractLaunches,
    };
  });
}

/** Delete: a deletion revision (keeping the last SDL for history and restore), then recompose. */
export async function deleteSubgraph(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  name: string,
): Promise<DeleteSubgraphResponse> {
  checkRef(ref);
  checkName('subgraph', name);
  authorize(actor, 'publish', ref, name);
  return write(context, actor, async (query, launches) => {
    await lockVariant(query, ref);
    const variant = await requireVariant(query, ref);
    const current = await latestRevision(query, variant.id, name);
    if (!current || current.deleted) {
      throw new NotFoundError(`subgraph ${name} does not exist in ${formatGraphRef(ref)}`);
    }
    const revision = await insertRevision(query, variant.id, {
      name,
      url: current.url,
      sdl: current.sdl,
      sdlHash: current.sdl_hash,
      deleted: true,
      actor: actor.name,
    });
    const { outcome } = await launchWithContracts(
      query,
      variant,
      { kind: 'delete', subgraph: name },
      launches,
    );
    await recordAudit(
      query,
      actor,
      'subgraph.delete',
      { ref, target: name },
      {
        revision: revision.revision,
        launchId: outcome.launch.id,
        status: outcome.launch.status,
      },
    );
    return {
      launch: outcome.launch,
      supergraphUpdated: outcome.supergraphUpdated,
      errors: outcome.errors,
    };
  });
}

/**
 * Restore: brings back a revision's SDL and URL as a new revision (the last one before the
 * deletion by default, which needs the subgraph to be deleted), then recomposes.
 */
export async function restoreSubgraph(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  name: string,
  request: RestoreSubgraphRequest = {},
): Promise<PublishResponse> {
  checkRef(ref);
  checkName('subgraph', name);
  authorize(actor, 'publish', ref, name);
  if (
    request.revision !== undefined &&
    !(Number.isInteger(request.revision) && request.revision > 0)
  ) {
    throw new BadRequestError('revision must be a positive integer');
  }
  return write(context, actor, async (query, launches) => {
    await lockVariant(query, ref);
    const variant = await requireVariant(query, ref);
    const current = await latestRevision(query, variant.id, name);
    if (!current)
      throw new NotFoundError(`subgraph ${name} does not exist in ${formatGraphRef(ref)}`);
    let source: RevisionRow | undefined;
    if (request.revision === undefined) {
      if (!current.deleted) {
        throw new ConflictError(`subgraph ${name} is not deleted: name the revision to restore`);
      }
      [source] = await query<RevisionRow>(
        `SELECT name, revision, url, sdl, sdl_hash, deleted, actor, note, created_at FROM subgraph_revisions
         WHERE variant_id = $1 AND name = $2 AND NOT deleted ORDER BY revision DESC LIMIT 1`,
        [variant.id, name],
      );
    } else {
      [source] = await query<RevisionRow>(
        `SELECT name, revision, url, sdl, sdl_hash, deleted, actor, note, created_at FROM subgraph_revisions
         WHERE variant_id = $1 AND name = $2 AND revision = $3`,
        [variant.id, name, request.revision],
      );
    }
    if (!source) {
      throw new NotFoundError(
        `subgraph ${name} has no revision ${request.revision ?? 'to restore'}`,
      );
    }
    const live = current.deleted ? undefined : current;
    if (live && live.sdl_hash === source.sdl_hash && live.url === source.url) {
      return {
        subgraph: 'unchanged',
        revision: live.revision,
        supergraphUpdated: false,
        errors: [],
        hints: [],
        contractLaunches: [],
      };
    }
    const revision = await insertRevision(query, variant.id, {
      name,
      url: source.url,
      sdl: source.sdl,
      sdlHash: source.sdl_hash,
      deleted: false,
      actor: actor.name,
      note: `restored revision ${source.revision}`,
    });
    const { outcome, contractLaunches } = await launchWithContracts(
      query,
      variant,
      { kind: 'restore', subgraph: name },
      launches,
    );
    await recordAudit(
      query,
      actor,
      'subgraph.restore',
      { ref, target: name },
      {
        revision: revision.revision,
        restoredRevision: source.revision,
        launchId: outcome.launch.id,
        status: outcome.launch.status,
      },
    );
    return {
      subgraph: live ? 'updated' : 'created',
      revision: revision.revision,
      launch: outcome.launch,
      supergraphUpdated: outcome.supergraphUpdated,
      errors: outcome.errors,
      hints: outcome.hints,
      contractLaunches,
    };
  });
}

/** BAD_REQUEST unless `url` is an absolute URL (a routing URL or a webhook target). */
export function checkUrl(url: unknown, protocols?: readonly string[]): void {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (protocols && !protocols.includes(parsed.protocol))) {
    const kind = protocols ? `${protocols.map((p) => p.replace(':', '')).join(' or ')} ` : '';
    throw new BadRequestError(`url must be an absolute ${kind}URL, got ${JSON.stringify(url)}`);
  }
}
