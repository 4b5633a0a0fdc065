/**
 * Launch history of a variant, newest first, paged with `?limit=` and `?before=`.
 *
 * @module
 */
import type { AddRoute, RouteDeps } from '../types.js';
import { pageQuery, positiveId } from './params.js';
import { VARIANT } from './paths.js';

export function launchRoutes(add: AddRoute, { service }: RouteDeps): void {
  add('GET', `${VARIANT}/launches`, async (ctx) => {
    const ref = ctx.ref();
    return { status: 200, json: await service.listLaunches(ctx.actor, ref, pageQuery(ctx.query)) };
  });

  add('GET', `${VARIANT}/launches/:id`, async (ctx) => {
    const ref = ctx.ref();
    return { status: 200, json: await service.getLaunch(ctx.actor, ref, launchId(ctx.params.id)) };
  });
}

/** A launch id from a path or query parameter: a positive integer. */
export function launchId(raw: string | undefined): number {
  return positiveId(raw, 'launch');
}
