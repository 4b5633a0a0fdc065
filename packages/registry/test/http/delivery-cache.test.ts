/**
 * The delivery micro-cache on the real service (in-memory PGlite), its clock driven by the
 * test: hits within the TTL, one read for concurrent misses, expiry, authorization on hits,
 * and what a revoked key can still do within the TTL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryCache } from '../../src/http/delivery-cache.js';
import { SYSTEM_ACTOR } from '../../src/keys/access.js';
import type { RegistryService } from '../../src/service/types.js';
import { PRODUCTS, PRODUCTS_V2, startTestBackend, type TestBackend } from './harness.js';

const REF = { graph: 'cache', variant: 'prod' };

describe('delivery cache', () => {
  let backend: TestBackend;
  let service: RegistryService;
  const calls = { authenticate: 0, getSupergraph: 0 };
  let now = 0;

  beforeAll(async () => {
    backend = await startTestBackend();
    const real = backend.service;
    service = Object.assign(Object.create(real) as RegistryService, {
      authenticate(rawKey: string) {
        calls.authenticate += 1;
        return real.authenticate(rawKey);
      },
      getSupergraph(...args: Parameters<RegistryService['getSupergraph']>) {
        calls.getSupergraph += 1;
        return real.getSupergraph(...args);
      },
    });
    await real.publishSubgraph(SYSTEM_ACTOR, REF, 'products', {
      sdl: PRODUCTS,
      url: 'http://products.test/graphql',
    });
  });
  afterAll(() => backend.close());

  it('serves repeated reads within the TTL from memory, one read for concurrent misses', async () => {
    const cache = createDeliveryCache(service, 1000, () => now);
    const before = calls.getSupergraph;
    const [a, b] = await Promise.all([
      cache.supergraph(SYSTEM_ACTOR, REF),
      cache.supergraph(SYSTEM_ACTOR, REF),
    ]);
    await cache.supergraph(SYSTEM_ACTOR, REF);
    expect(a).toEqual(b);
    expect(calls.getSupergraph - before).toBe(1);
  });

  it('sees a launch made elsewhere once the TTL is over, or at once after clearSupergraphs', async () => {
    const cache = createDeliveryCache(service, 1000, () => now);
    const first = await cache.supergraph(SYSTEM_ACTOR, REF);
    // A publish that does not go through this cache (another process, say).
    const published = await backend.service.publishSubgraph(SYSTEM_ACTOR, REF, 'products', {
      sdl: PRODUCTS_V2,
    });
    expect((await cache.supergraph(SYSTEM_ACTOR, REF)).launchId).toBe(first.launchId);
    now += 1001;
    expect((await cache.supergraph(SYSTEM_ACTOR, REF)).launchId).toBe(published.launch!.id);

    await backend.service.publishSubgraph(SYSTEM_ACTOR, REF, 'products', { sdl: PRODUCTS });
    cache.clearSupergraphs();
    expect((await cache.supergraph(SYSTEM_ACTOR, REF)).launchId).toBeGreaterThan(
      published.launch!.id,
    );
  });

  it('checks the key scope on every hit', async () => {
    const cache = createDeliveryCache(service, 1000, () => now);
    await cache.supergraph(SYSTEM_ACTOR, REF);
    const outsider = {
      keyId: 'k',
      name: 'other-fleet',
      role: 'gateway' as const,
      scope: { variants: ['cache@staging'] },
    };
    await expect(cache.supergraph(outsider, REF)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps verified keys for the TTL (a revoked key reads until it ends), never unknown ones', async () => {
    const cache = createDeliveryCache(service, 1000, () => now);
    const created = await backend.service.createKey(SYSTEM_ACTOR, {
      name: 'fleet',
      role: 'gateway',
      scope: { variants: ['cache@prod'] },
    });
    const before = calls.authenticate;
    expect(await cache.authenticate(created.key)).toMatchObject({ keyId: created.id });
    await backend.service.revokeKey(SYSTEM_ACTOR, created.id);
    expect(await cache.authenticate(created.key)).toMatchObject({ keyId: created.id });
    expect(calls.authenticate - before).toBe(1);
    now += 1001;
    expect(await cache.authenticate(created.key)).toBeNull();

    const unknown = `orr_gateway_0123456789abcdef_${'0'.repeat(64)}`;
    expect(await cache.authenticate(unknown)).toBeNull();
    expect(await cache.authenticate(unknown)).toBeNull();
    expect(calls.authenticate - before).toBe(4);
  });

  it('passes everything through when the TTL is 0', async () => {
    const cache = createDeliveryCache(service, 0, () => now);
    const before = calls.getSupergraph;
    await cache.supergraph(SYSTEM_ACTOR, REF);
    await cache.supergraph(SYSTEM_ACTOR, REF);
    expect(calls.getSupergraph - before).toBe(2);
  });
});
