/**
 * Schema checks: a proposed subgraph SDL composed with the rest of the variant, its API schema
 * diffed against the served one, each breaking or dangerous change weighed against the
 * operations of the traffic window, the same for every contract variant downstream, and the
 * most used operations planned on both supergraphs. The result is stored and linked; nothing
 * else is written (no revision, no launch, no webhook), only an audit entry as publishes have.
 * The parts live in `checks/` (see its README).
 *
 * @module
 */
import { validateSubgraph } from '@orrery/composition';
import {
  formatGraphRef,
  type CheckList,
  type CheckRequest,
  type CheckResult,
  type GraphRef,
} from '@orrery/registry-client';
import { BadRequestError, InvalidSdlError, NotFoundError } from '../errors.js';
import { authorize } from '../keys/access.js';
import { clampLimit } from './admin.js';
import { recordAudit } from './audit.js';
import { checkOperations } from './checks/operations.js';
import { checkContracts } from './checks/contracts.js';
import { checkRequestShape, resolveConfig } from './checks/config.js';
import { skippedOperations } from './checks/impact.js';
import { comparePlans } from './checks/plans.js';
import { composeProposal } from './checks/proposal.js';
import { readSnapshot } from './checks/snapshot.js';
import { checkUrl, readCheck, readChecks, storeCheck, variantKnown } from './checks/store.js';
import type { ServiceContext } from './context.js';
import { checkRef } from './names.js';
import type { Actor } from './types.js';

/**
 * Runs a check and stores its result. Authorized like a publish of the subgraph; an SDL that is
 * not a valid subgraph on its own is INVALID_SDL (400), as for a publish, and stores nothing.
 */
export async function runCheck(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  request: CheckRequest,
): Promise<CheckResult> {
  checkRef(ref);
  checkRequestShape(request);
  authorize(actor, 'publish', ref, request.subgraph);
  const config = resolveConfig(ref, request.config);
  const validation = validateSubgraph({
    name: request.subgraph,
    url: request.url ?? '',
    sdl: request.sdl,
  });
  if (!validation.ok) {
    throw new InvalidSdlError(
      `subgraph ${request.subgraph} is not a valid subgraph`,
      validation.errors,
    );
  }

  const snapshot = await context.storage.transaction((query) =>
    readSnapshot(query, actor, ref, config.trafficVariants),
  );
  const now = new Date();
  const proposal = composeProposal(snapshot, request);
  const proposedSupergraphSdl = proposal.built.ok ? proposal.built.supergraphSdl : undefined;

  const operations = proposal.built.ok
    ? await checkOperations(context, {
        graph: ref.graph,
        trafficVariants: snapshot.trafficVariants,
        config,
        now,
        servedApiSchemaSdl: snapshot.served?.apiSchemaSdl,
        proposedApiSchemaSdl: proposal.apiSchemaSdl!,
        readAll: config.planRegressions !== 'off' && snapshot.served !== undefined,
      })
    : undefined;
  const contracts = await checkContracts(context, {
    graph: ref.graph,
    contracts: snapshot.contracts,
    config,
    now,
    proposedSupergraphSdl,
  });
  const plans = comparePlans(
    config,
    operations?.traffic.operations ?? [],
    snapshot.served?.supergraphSdl,
    proposedSupergraphSdl,
  );
  const operationsTask = operations?.task ?? skippedOperations();
  const failed =
    !proposal.built.ok ||
    operationsTask.status === 'failed' ||
    contracts.some((contract) => contract.status === 'failed') ||
    plans.status === 'failed';

  return context.storage.transaction(async (query) => {
    const result = await storeCheck(query, ref, request, actor.name, (id, createdAt) => ({
      id,
      graph: ref.graph,
      variant: ref.variant,
      subgraph: request.subgraph,
      status: failed ? 'failed' : 'passed',
      url: checkUrl(context.publicUrl, ref, id),
      config,
      ...(request.context ? { context: request.context } : {}),
      ...(snapshot.served ? { baseLaunchId: snapshot.served.launchId } : {}),
      composition: {
        status: proposal.built.ok ? 'passed' : 'failed',
        errors: proposal.built.ok ? [] : proposal.built.errors,
        hints: [...validation.hints, ...proposal.hints],
      },
      operations: operationsTask,
      contracts,
      planRegressions: plans,
      actor: actor.name,
      createdAt,
    }));
    await recordAudit(
      query,
      actor,
      'check.run',
      { ref, target: request.subgraph },
      { checkId: result.id, status: result.status },
    );
    return result;
  });
}

/** Checks of the variant, newest first, `limit` per page (20 by default, 100 at most). */
export async function listChecks(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  options: { limit?: number; before?: number } = {},
): Promise<CheckList> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  const limit = clampLimit(options.limit, 20, 100);
  if (options.before !== undefined && !Number.isInteger(options.before)) {
    throw new BadRequestError('before must be a check id');
  }
  return context.storage.transaction(async (query) => {
    if (!(await variantKnown(query, ref))) {
      throw new NotFoundError(`variant ${formatGraphRef(ref)} does not exist`);
    }
    return readChecks(query, context.publicUrl, ref, { limit, before: options.before });
  });
}

export async function getCheck(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  id: number,
): Promise<CheckResult> {
  checkRef(ref);
  authorize(actor, 'read', ref);
  if (!Number.isInteger(id)) throw new BadRequestError('a check id is an integer');
  const result = await context.storage.transaction((query) =>
    readCheck(query, context.publicUrl, ref, id),
  );
  if (!result) throw new NotFoundError(`check ${id} of ${formatGraphRef(ref)} does not exist`);
  return result;
}
