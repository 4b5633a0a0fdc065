/**
 * Supergraph delivery for gateways: the served supergraph (or a pinned launch's) as SDL or JSON,
 * with a strong ETag (the quoted supergraph hash), `304` on `If-None-Match`, and a long-poll
 * (`?wait=SECONDS`) that holds a request whose ETag is current until a new launch is served.
 *
 * The long-poll is what makes a publish reach a fleet in about a second without every gateway
 * polling every second: `service.waitForLaunch` is woken in-process by the publish, or through
 * PostgreSQL `LISTEN/NOTIFY` when the publish went through another registry process.
 *
 * @module
 */
import {
  SUPERGRAPH_HEADERS,
  type GraphRef,
  type SupergraphResponse,
} from '@orrery/registry-client';
import { queryInteger } from '../body.js';
import { HttpError } from '../errors.js';
import type { AddRoute, Answer, RequestContext, RouteDeps } from '../types.js';
import { launchId } from './launches.js';
import { VARIANT } from './paths.js';

/** The longest `?wait=` honoured, in seconds (load balancers commonly cut idle requests at 60). */
export const MAX_WAIT_SECONDS = 60;

export function supergraphRoutes(add: AddRoute, deps: RouteDeps): void {
  add('GET', `${VARIANT}/supergraph`, (ctx) => serveSupergraph(ctx, deps), { delivery: true });
}

async function serveSupergraph(ctx: RequestContext, deps: RouteDeps): Promise<Answer> {
  const { service } = deps;
  const ref = ctx.ref();
  const rawLaunch = ctx.query.get('launch');
  const pinned = rawLaunch === null || rawLaunch === '' ? undefined : launchId(rawLaunch);
  const format = readFormat(ctx.query.get('format'));
  const wait = queryInteger(ctx.query, 'wait', { min: 0, max: MAX_WAIT_SECONDS }) ?? 0;

  let supergraph =
    pinned === undefined
      ? await deps.cache.supergraph(ctx.actor, ref)
      : await service.getSupergraph(ctx.actor, ref, { launchId: pinned });
  const known = parseIfNoneMatch(ctx.headers['if-none-match']);
  // A pinned launch never changes, so there is nothing to wait for.
  if (known.matches(supergraph.hash) && wait > 0 && pinned === undefined) {
    deps.longPolls.waiting += 1;
    try {
      supergraph = await waitForChange(deps, ctx, ref, supergraph, known, wait * 1000);
    } finally {
      deps.longPolls.waiting -= 1;
    }
  }

  const headers = deliveryHeaders(supergraph, deps.pollIntervalSeconds, pinned !== undefined);
  if (known.matches(supergraph.hash)) return { status: 304, headers };
  if (format === 'json') return { status: 200, json: supergraph, headers };
  return {
    status: 200,
    text: supergraph.supergraphSdl,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  };
}

/**
 * Holds the request until the served supergraph's hash is one the client does not have, the
 * time is up, or the client goes away; returns the supergraph to answer with.
 */
async function waitForChange(
  { service, cache }: RouteDeps,
  ctx: RequestContext,
  ref: GraphRef,
  current: SupergraphResponse,
  known: EntityTags,
  timeoutMs: number,
): Promise<SupergraphResponse> {
  const deadline = Date.now() + timeoutMs;
  let supergraph = current;
  while (known.matches(supergraph.hash) && !ctx.signal.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let next: number | null;
    try {
      next = await service.waitForLaunch(ref, supergraph.launchId, remaining, ctx.signal);
    } catch (error) {
      // An abort (client gone, registry closing) ends the wait; anything else is a real error.
      if (ctx.signal.aborted) break;
      throw error;
    }
    if (next === null || ctx.signal.aborted) break;
    // Past the cache: the launch that woke us may be newer than what it holds.
    const fresh = await service.getSupergraph(ctx.actor, ref);
    cache.remember(ref, fresh);
    // A launch can recompose to the same supergraph (same hash): keep waiting past it. Never
    // go backwards, and never spin if storage has not caught up with the notification.
    if (fresh.launchId <= supergraph.launchId) break;
    supergraph = fresh;
  }
  return supergraph;
}

function deliveryHeaders(
  supergraph: SupergraphResponse,
  pollIntervalSeconds: number,
  pinned: boolean,
): Record<string, string> {
  return {
    etag: `"${supergraph.hash}"`,
    [SUPERGRAPH_HEADERS.launchId]: String(supergraph.launchId),
    [SUPERGRAPH_HEADERS.supergraphHash]: supergraph.hash,
    [SUPERGRAPH_HEADERS.pollInterval]: String(pollIntervalSeconds),
    // The served supergraph changes with every launch: caches must revalidate. A pinned
    // launch's never changes. `private`: answers depend on the key.
    'cache-control': pinned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
  };
}

function readFormat(raw: string | null): 'sdl' | 'json' {
  if (raw === null || raw === '' || raw === 'sdl' || raw === 'graphql') return 'sdl';
  if (raw === 'json') return 'json';
  throw new HttpError('BAD_REQUEST', `"format" must be "json" or "sdl", not "${raw}".`);
}

/** The entity tags of an `If-None-Match` header (weak comparison, as RFC 9110 says for it). */
export interface EntityTags {
  matches(hash: string): boolean;
}

export function parseIfNoneMatch(header: string | string[] | undefined): EntityTags {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const tags = new Set<string>();
  let any = false;
  for (const part of raw.split(',')) {
    let tag = part.trim();
    if (tag === '') continue;
    if (tag === '*') {
      any = true;
      continue;
    }
    if (tag.startsWith('W/')) tag = tag.slice(2);
    if (tag.length >= 2 && tag.startsWith('"') && tag.endsWith('"')) tag = tag.slice(1, -1);
    tags.add(tag);
  }
  return { matches: (hash) => any || tags.has(hash) };
}
