/**
 * A micro-cache for the delivery hot path (the supergraph route and `/uplink`), where a fleet
 * of gateways asks the same question many times a second: "is this still the supergraph?".
 * Without it every poll costs two database transactions (the key, the supergraph), which on
 * PGlite's single connection caps a registry at a few hundred polls per second.
 *
 * - Keys: a verified key's actor is kept for `ttlMs` (by the key's sha256, never the key), so a
 *   revoked key may still read supergraphs for up to `ttlMs`. Unknown keys are never cached.
 *   The management API does not use this cache: there a revocation is exact.
 * - Supergraphs: the served supergraph of a variant is kept for `ttlMs`, and concurrent misses
 *   share one database read. A write through this process clears it at once; a launch made by
 *   another process is seen within `ttlMs`. Long-polls are not affected: they are woken by the
 *   launch itself and read the new supergraph past the cache.
 * - Authorization is checked on every request, hit or miss, with the service's own rule.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { formatGraphRef, type GraphRef, type SupergraphResponse } from '@orrery/registry-client';
import { authorize } from '../keys/access.js';
import type { Actor, RegistryService } from '../service/types.js';

export interface DeliveryCache {
  /** `service.authenticate`, cached for verified keys. */
  authenticate(rawKey: string): Promise<Actor | null>;
  /** The served supergraph of `ref` for `actor` (authorized on every call). */
  supergraph(actor: Actor, ref: GraphRef): Promise<SupergraphResponse>;
  /** Records a supergraph read past the cache (after a long-poll wake-up). */
  remember(ref: GraphRef, supergraph: SupergraphResponse): void;
  /** Forgets every cached supergraph (after a write through this process). */
  clearSupergraphs(): void;
}

/** Bounds memory: past this many keys or variants the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  readonly value: Promise<T>;
  readonly expires: number;
}

export function createDeliveryCache(
  service: RegistryService,
  ttlMs: number,
  now: () => number = () => performance.now(),
): DeliveryCache {
  const keys = new Map<string, Entry<Actor | null>>();
  const supergraphs = new Map<string, Entry<SupergraphResponse>>();

  const cached = <T>(
    map: Map<string, Entry<T>>,
    id: string,
    load: () => Promise<T>,
    keep: (value: T) => boolean,
  ): Promise<T> => {
    const time = now();
    const hit = map.get(id);
    if (hit !== undefined && hit.expires > time) return hit.value;
    if (map.size >= MAX_ENTRIES) map.clear();
    const value = load();
    const entry = { value, expires: time + ttlMs };
    map.set(id, entry);
    // Failures and values not worth keeping are dropped once known, so the next call retries.
    value.then(
      (result) => {
        if (!keep(result) && map.get(id) === entry) map.delete(id);
      },
      () => {
        if (map.get(id) === entry) map.delete(id);
      },
    );
    return value;
  };

  if (ttlMs <= 0) {
    return {
      authenticate: (rawKey) => service.authenticate(rawKey),
      supergraph: (actor, ref) => service.getSupergraph(actor, ref),
      remember() {},
      clearSupergraphs() {},
    };
  }

  return {
    authenticate(rawKey) {
      const id = createHash('sha256').update(rawKey).digest('hex');
      return cached(
        keys,
        id,
        () => service.authenticate(rawKey),
        (actor) => actor !== null,
      );
    },
    async supergraph(actor, ref) {
      // The same check the service makes, so a cache hit never widens what a key may read.
      authorize(actor, 'supergraph', ref);
      return cached(
        supergraphs,
        formatGraphRef(ref),
        () => service.getSupergraph(actor, ref),
        () => true,
      );
    },
    remember(ref, supergraph) {
      supergraphs.set(formatGraphRef(ref), {
        value: Promise.resolve(supergraph),
        expires: now() + ttlMs,
      });
    },
    clearSupergraphs() {
      supergraphs.clear();
    },
  };
}
