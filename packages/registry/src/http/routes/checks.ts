/**
 * Schema checks of a variant: run one (`POST`, 200 with the result whether it passed or failed:
 * the verdict is `status` in the body), list them newest first, read one. A proposal that is not
 * a valid subgraph is `400 INVALID_SDL`, as for a publish.
 *
 * @module
 */
import type { CheckConfig, CheckRequest } from '@orrery/registry-client';
import { HttpError } from '../errors.js';
import {
  defined,
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
  type JsonObject,
} from '../body.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { pageQuery, positiveId } from './params.js';
import { VARIANT } from './paths.js';

export function checkRoutes(add: AddRoute, { service }: RouteDeps): void {
  add(
    'POST',
    `${VARIANT}/checks`,
    async (ctx) => {
      const ref = ctx.ref();
      const request = readCheckRequest(await ctx.json());
      return { status: 200, json: await service.runCheck(ctx.actor, ref, request) };
    },
    // A check never changes what is served: gateways' cached supergraphs stay valid.
    { keepsDeliveryCache: true },
  );

  add('GET', `${VARIANT}/checks`, async (ctx) => {
    const ref = ctx.ref();
    return { status: 200, json: await service.listChecks(ctx.actor, ref, pageQuery(ctx.query)) };
  });

  add('GET', `${VARIANT}/checks/:id`, async (ctx) => {
    const ref = ctx.ref();
    return {
      status: 200,
      json: await service.getCheck(ctx.actor, ref, positiveId(ctx.params.id, 'check')),
    };
  });
}

function optionalNumber(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HttpError('BAD_REQUEST', `"${key}" must be a number.`);
  }
  return value;
}

function readConfig(body: JsonObject): CheckConfig {
  const planRegressions = optionalString(body, 'planRegressions');
  if (planRegressions !== undefined && !['warn', 'fail', 'off'].includes(planRegressions)) {
    throw new HttpError('BAD_REQUEST', '"planRegressions" must be "warn", "fail" or "off".');
  }
  // Ranges are the service's to check (it answers the same errors to in-process callers).
  return defined<CheckConfig>({
    validationPeriodSeconds: optionalNumber(body, 'validationPeriodSeconds'),
    queryCountThreshold: optionalNumber(body, 'queryCountThreshold'),
    queryPercentageThreshold: optionalNumber(body, 'queryPercentageThreshold'),
    excludedClients: optionalStringArray(body, 'excludedClients'),
    excludedOperations: optionalStringArray(body, 'excludedOperations'),
    trafficVariants: optionalStringArray(body, 'trafficVariants'),
    failOnDangerous: optionalBoolean(body, 'failOnDangerous'),
    planRegressions: planRegressions as CheckConfig['planRegressions'],
  });
}

function readCheckRequest(body: JsonObject): CheckRequest {
  const config = optionalObject(body, 'config');
  const context = optionalObject(body, 'context');
  return defined<CheckRequest>({
    subgraph: requiredString(body, 'subgraph'),
    sdl: requiredString(body, 'sdl'),
    url: optionalString(body, 'url'),
    config: config && readConfig(config),
    context:
      context &&
      defined<NonNullable<CheckRequest['context']>>({
        branch: optionalString(context, 'branch'),
        commit: optionalString(context, 'commit'),
        author: optionalString(context, 'author'),
        message: optionalString(context, 'message'),
      }),
  });
}
