/**
 * Subgraphs of a variant: list, read, history, publish, delete, restore. Publishing answers 200
 * even when composition fails (the revision is recorded; `launch.status` says `failed`); only an
 * SDL that is not a valid subgraph is refused (`400 INVALID_SDL`, from the service).
 *
 * @module
 */
import type { PublishRequest, RestoreSubgraphRequest } from '@orrery/registry-client';
import {
  defined,
  optionalInteger,
  optionalString,
  requiredString,
  type JsonObject,
} from '../body.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { checkName } from './names.js';
import { VARIANT } from './paths.js';

const SUBGRAPH = `${VARIANT}/subgraphs/:name`;

export function subgraphRoutes(add: AddRoute, { service }: RouteDeps): void {
  add('GET', `${VARIANT}/subgraphs`, async (ctx) => ({
    status: 200,
    json: { subgraphs: await service.listSubgraphs(ctx.actor, ctx.ref()) },
  }));

  add('GET', SUBGRAPH, async (ctx) => ({
    status: 200,
    json: await service.getSubgraph(ctx.actor, ctx.ref(), checkName(ctx.params, 'name')),
  }));

  add('GET', `${SUBGRAPH}/revisions`, async (ctx) => ({
    status: 200,
    json: {
      revisions: await service.listSubgraphRevisions(
        ctx.actor,
        ctx.ref(),
        checkName(ctx.params, 'name'),
      ),
    },
  }));

  add('POST', SUBGRAPH, async (ctx) => {
    const ref = ctx.ref();
    const name = checkName(ctx.params, 'name');
    const request = readPublish(await ctx.json());
    return { status: 200, json: await service.publishSubgraph(ctx.actor, ref, name, request) };
  });

  add('DELETE', SUBGRAPH, async (ctx) => ({
    status: 200,
    json: await service.deleteSubgraph(ctx.actor, ctx.ref(), checkName(ctx.params, 'name')),
  }));

  add('POST', `${SUBGRAPH}/restore`, async (ctx) => {
    const ref = ctx.ref();
    const name = checkName(ctx.params, 'name');
    const body = await ctx.json();
    const request = defined<RestoreSubgraphRequest>({
      revision: optionalInteger(body, 'revision'),
    });
    return { status: 200, json: await service.restoreSubgraph(ctx.actor, ref, name, request) };
  });
}

function readPublish(body: JsonObject): PublishRequest {
  return defined<PublishRequest>({
    sdl: requiredString(body, 'sdl'),
    url: optionalString(body, 'url'),
    revisionNote: optionalString(body, 'revisionNote'),
    expectedLaunchId: optionalInteger(body, 'expectedLaunchId'),
  });
}
