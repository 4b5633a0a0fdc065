/**
 * Supergraph delivery over HTTP: ETag and 304, the delivery headers, pinned launches, JSON,
 * and the long-poll (woken by a publish, ended by its timeout, aborted with its client).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryService } from '../../src/service/types.js';
import {
  PRODUCTS,
  PRODUCTS_V2,
  REVIEWS,
  startTestBackend,
  startTestRegistry,
  until,
  type TestBackend,
  type TestRegistry,
} from './harness.js';

const SUPERGRAPH = '/api/v1/graphs/shop/variants/prod/supergraph';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

describe('supergraph delivery', () => {
  let registry: TestRegistry;
  let gateway: string;
  /** Signals passed to waitForLaunch, to see the long-poll aborted. */
  const waits: AbortSignal[] = [];
  beforeAll(async () => {
    registry = await startTestRegistry({
      backend,
      pollIntervalSeconds: 7,
      wrapService: (service): RegistryService =>
        Object.assign(Object.create(service) as RegistryService, {
          waitForLaunch(...args: Parameters<RegistryService['waitForLaunch']>) {
            if (args[3]) waits.push(args[3]);
            return service.waitForLaunch(...args);
          },
        }),
    });
    gateway = await registry.createKey('gateway', { variants: ['shop@prod'] });
  });
  afterAll(() => registry.close());

  it('404 NOT_FOUND until the variant has a successful launch', async () => {
    const reply = await registry.call('GET', SUPERGRAPH, { key: gateway });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NOT_FOUND');
  });

  it('serves the SDL with a strong ETag and the delivery headers', async () => {
    const published = await registry.publish('shop@prod', 'products', PRODUCTS);
    const reply = await registry.call('GET', SUPERGRAPH, { key: gateway });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body).toContain('type Product');
    const hash = published.launch.supergraphHash;
    expect(reply.headers.etag).toBe(`"${hash}"`);
    expect(reply.headers['x-orrery-supergraph-hash']).toBe(hash);
    expect(reply.headers['x-orrery-launch-id']).toBe(String(published.launch.id));
    expect(reply.headers['x-orrery-poll-interval']).toBe('7');
  });

  it('answers 304 with no body to a current If-None-Match (strong or weak), 200 to a stale one', async () => {
    const first = await registry.call('GET', SUPERGRAPH, { key: gateway });
    const etag = String(first.headers.etag);
    const same = await registry.call('GET', SUPERGRAPH, {
      key: gateway,
      headers: { 'if-none-match': etag },
    });
    expect(same.status).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    expect(same.headers['x-orrery-launch-id']).toBe(first.headers['x-orrery-launch-id']);
    const weak = await registry.call('GET', SUPERGRAPH, {
      key: gateway,
      headers: { 'if-none-match': `W/${etag}` },
    });
    expect(weak.status).toBe(304);
    const stale = await registry.call('GET', SUPERGRAPH, {
      key: gateway,
      headers: { 'if-none-match': '"0000"' },
    });
    expect(stale.status).toBe(200);
  });

  it('serves JSON with ?format=json', async () => {
    const reply = await registry.call('GET', `${SUPERGRAPH}?format=json`, { key: gateway });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      launchId: Number(reply.headers['x-orrery-launch-id']),
      hash: reply.headers['x-orrery-supergraph-hash'],
      supergraphSdl: expect.stringContaining('@join__graph'),
      apiSchemaSdl: expect.stringContaining('type Product'),
    });
    const bad = await registry.call('GET', `${SUPERGRAPH}?format=xml`, { key: gateway });
    expect(bad.status).toBe(400);
  });

  it('serves an older launch with ?launch=ID, cacheable for good', async () => {
    const before = await registry.call('GET', `${SUPERGRAPH}?format=json`, { key: gateway });
    await registry.publish('shop@prod', 'products', PRODUCTS_V2);
    const pinned = await registry.call('GET', `${SUPERGRAPH}?launch=${before.body.launchId}`, {
      key: gateway,
    });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toBe(before.body.supergraphSdl);
    expect(pinned.headers['cache-control']).toContain('immutable');
    const current = await registry.call('GET', SUPERGRAPH, { key: gateway });
    expect(current.body).toContain('topProduct');
    const missing = await registry.call('GET', `${SUPERGRAPH}?launch=999`, { key: gateway });
    expect(missing.status).toBe(404);
    const malformed = await registry.call('GET', `${SUPERGRAPH}?launch=abc`, { key: gateway });
    expect(malformed.status).toBe(400);
  });

  it('403 for a gateway key scoped to another variant', async () => {
    const other = await registry.createKey('gateway', { variants: ['shop@staging'] });
    const reply = await registry.call('GET', SUPERGRAPH, { key: other });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('FORBIDDEN');
  });

  it('holds a long-poll until a publish serves a new supergraph', async () => {
    const current = await registry.call('GET', SUPERGRAPH, { key: gateway });
    const waitsBefore = waits.length;
    const poll = registry.call('GET', `${SUPERGRAPH}?wait=30`, {
      key: gateway,
      headers: { 'if-none-match': String(current.headers.etag) },
    });
    // Publish only once the request is parked in waitForLaunch, so the wake-up is what answers.
    await until(() => waits.length > waitsBefore);
    const published = await registry.publish('shop@prod', 'reviews', REVIEWS);
    const reply = await poll;
    expect(reply.status).toBe(200);
    expect(reply.headers['x-orrery-launch-id']).toBe(String(published.launch.id));
    expect(reply.body).toContain('type Review');
  });

  it('answers 304 when the wait ends with nothing new', async () => {
    const current = await registry.call('GET', SUPERGRAPH, { key: gateway });
    const reply = await registry.call('GET', `${SUPERGRAPH}?wait=1`, {
      key: gateway,
      headers: { 'if-none-match': String(current.headers.etag) },
    });
    expect(reply.status).toBe(304);
    expect(reply.headers.etag).toBe(current.headers.etag);
  });

  it('answers at once when the client is behind, even with ?wait', async () => {
    const reply = await registry.call('GET', `${SUPERGRAPH}?wait=30`, {
      key: gateway,
      headers: { 'if-none-match': '"behind"' },
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a wait above 60 seconds', async () => {
    const reply = await registry.call('GET', `${SUPERGRAPH}?wait=61`, { key: gateway });
    expect(reply.status).toBe(400);
  });

  it('aborts the wait when the client disconnects', async () => {
    const current = await registry.call('GET', SUPERGRAPH, { key: gateway });
    const waitsBefore = waits.length;
    const controller = new AbortController();
    const poll = registry
      .call('GET', `${SUPERGRAPH}?wait=60`, {
        key: gateway,
        headers: { 'if-none-match': String(current.headers.etag) },
        signal: controller.signal,
      })
      .catch((error: unknown) => error);
    await until(() => waits.length > waitsBefore);
    const signal = waits[waits.length - 1]!;
    expect(signal.aborted).toBe(false);
    controller.abort();
    await poll;
    await until(() => signal.aborted);
    expect(signal.aborted).toBe(true);
  });
});

describe('closing with long-polls in flight', () => {
  it('ends parked long-polls with 304 instead of waiting for their timeout', async () => {
    let parked = 0;
    const registry = await startTestRegistry({
      backend,
      wrapService: (service): RegistryService =>
        Object.assign(Object.create(service) as RegistryService, {
          waitForLaunch(...args: Parameters<RegistryService['waitForLaunch']>) {
            parked += 1;
            return service.waitForLaunch(...args);
          },
        }),
    });
    const current = await registry.call('GET', SUPERGRAPH, { key: registry.adminKey });
    const poll = registry.call('GET', `${SUPERGRAPH}?wait=60`, {
      key: registry.adminKey,
      headers: { 'if-none-match': String(current.headers.etag) },
    });
    await until(() => parked === 1);
    const closing = registry.close();
    const reply = await poll;
    await closing;
    expect(reply.status).toBe(304);
  });
});
