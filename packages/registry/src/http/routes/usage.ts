/**
 * Usage: gateways POST reports (JSON, optionally `content-encoding: gzip`, decompressed by
 * `readBody` within the body limit) and get `202` with what was accepted; people and checks read
 * who used a coordinate, or the most used operations, over a period (`7d`, `12h`, `30m`, or
 * seconds) and a set of variants of the graph. The service validates the report and checks roles.
 *
 * @module
 */
import type { UsageReport } from '@orrery/registry-client';
import type { UsageViewOptions } from '../../service/types.js';
import { queryInteger } from '../body.js';
import { HttpError } from '../errors.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { VARIANT } from './paths.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
};

export function usageRoutes(add: AddRoute, { service }: RouteDeps): void {
  add(
    'POST',
    `${VARIANT}/usage`,
    async (ctx) => {
      const ref = ctx.ref();
      // The service validates the report field by field (BAD_REQUEST for a malformed one).
      const report = (await ctx.json()) as unknown as UsageReport;
      return { status: 202, json: await service.ingestUsage(ctx.actor, ref, report) };
    },
    { keepsDeliveryCache: true },
  );

  add('GET', `${VARIANT}/usage`, async (ctx) => {
    const ref = ctx.ref();
    const coordinate = ctx.query.get('coordinate');
    if (coordinate === null || coordinate === '') {
      throw new HttpError(
        'BAD_REQUEST',
        '"coordinate" is required (for example ?coordinate=Product.name); the most used operations are at .../usage/operations.',
      );
    }
    return {
      status: 200,
      json: await service.getCoordinateUsage(ctx.actor, ref, coordinate, viewOptions(ctx.query)),
    };
  });

  add('GET', `${VARIANT}/usage/operations`, async (ctx) => {
    const ref = ctx.ref();
    const limit = queryInteger(ctx.query, 'limit', { min: 1, max: 1_000 });
    const options = { ...viewOptions(ctx.query), ...(limit !== undefined && { limit }) };
    return { status: 200, json: await service.listOperationUsage(ctx.actor, ref, options) };
  });
}

/** `period` and `variants` from the query string. */
function viewOptions(query: URLSearchParams): UsageViewOptions {
  const period = query.get('period');
  const variants = query.get('variants');
  return {
    ...(period !== null && period !== '' && { periodSeconds: parsePeriod(period) }),
    ...(variants !== null &&
      variants !== '' && {
        variants: variants
          .split(',')
          .map((variant) => variant.trim())
          .filter((variant) => variant !== ''),
      }),
  };
}

/** `7d`, `12h`, `30m`, `2w`, `90s` or plain seconds; 400 otherwise. */
export function parsePeriod(raw: string): number {
  const match = /^(\d{1,9})([smhdw]?)$/.exec(raw.trim());
  if (!match) {
    throw new HttpError(
      'BAD_REQUEST',
      `"period" must be a duration such as 7d, 12h, 30m or a number of seconds, not ${JSON.stringify(raw)}.`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
}
