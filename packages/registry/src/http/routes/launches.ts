/**
 * Launch history of a variant, newest first, paged with `?limit=` and `?before=`.
 *
 * @module
 */
import { HttpError } from '../errors.js';
import { queryInteger } from '../body.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { VARIANT } from './paths.js';

export function launchRoutes(add: AddRoute, { service }: RouteDeps): void {
  add('GET', `${VARIANT}/launches`, async (ctx) => {
    const ref = ctx.ref();
    const limit = queryInteger(ctx.query, 'limit', { min: 1, max: 100 });
    const before = queryInteger(ctx.query, 'before', { min: 1, max: Number.MAX_SAFE_INTEGER });
    const options: { limit?: number; before?: number } = {};
    if (limit !== undefined) options.limit = limit;
    if (before !== undefined) options.before = before;
    return { status: 200, json: await service.listLaunches(ctx.actor, ref, options) };
  });

  add('GET', `${VARIANT}/launches/:id`, async (ctx) => {
    const ref = ctx.ref();
    return { status: 200, json: await service.getLaunch(ctx.actor, ref, launchId(ctx.params.id)) };
  });
}

/** A launch id from a path or query parameter: a positive integer. */
export function launchId(raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new HttpError('BAD_REQUEST', `"${raw ?? ''}" is not a launch id (a positive integer).`);
  }
  return value;
}
