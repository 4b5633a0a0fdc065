/**
 * The management API over real HTTP on the real service (in-memory PGlite): every route's happy
 * path and the error codes of docs/registry-api.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryService } from '../../src/service/types.js';
import {
  CONFLICTING,
  PRODUCTS,
  PRODUCTS_V2,
  REVIEWS,
  startTestBackend,
  startTestRegistry,
  type Json,
  type TestBackend,
  type TestRegistry,
} from './harness.js';

const V = '/api/v1/graphs/shop/variants';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

describe('management API', () => {
  let registry: TestRegistry;
  let admin: string;
  beforeAll(async () => {
    registry = await startTestRegistry({ backend });
    admin = registry.adminKey;
  });
  afterAll(() => registry.close());

  describe('health', () => {
    it('answers /health and /ready without a key', async () => {
      const health = await registry.call('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', longPolls: 0 });
      const ready = await registry.call('GET', '/ready');
      expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
    });
  });

  describe('authentication', () => {
    it('401 without a key or with an unknown one, in the error shape', async () => {
      const none = await registry.call('GET', '/api/v1/graphs');
      expect(none.status).toBe(401);
      expect(none.body).toEqual({
        error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Bearer') },
      });
      const unknown = await registry.call('GET', '/api/v1/graphs', {
        key: 'orr_admin_0123456789abcdef_' + '0'.repeat(64),
      });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('accepts x-api-key as well as Authorization: Bearer', async () => {
      const reply = await registry.call('GET', '/api/v1/graphs', {
        headers: { 'x-api-key': admin },
      });
      expect(reply.status).toBe(200);
    });
  });

  describe('publish and read back', () => {
    let first: Json;
    beforeAll(async () => {
      first = await registry.publish('shop@prod', 'products', PRODUCTS);
    });

    it('creates the variant and a successful launch on first publish', () => {
      expect(first).toMatchObject({
        subgraph: 'created',
        revision: 1,
        supergraphUpdated: true,
        errors: [],
        launch: { id: 1, graph: 'shop', variant: 'prod', status: 'success' },
      });
    });

    it('answers "unchanged" with no launch for an identical publish', async () => {
      const again = await registry.publish('shop@prod', 'products', PRODUCTS);
      expect(again.subgraph).toBe('unchanged');
      expect(again.launch).toBeUndefined();
    });

    it('lists graphs, variants and one variant', async () => {
      const graphs = await registry.call('GET', '/api/v1/graphs', { key: admin });
      expect(graphs.status).toBe(200);
      expect(graphs.body.graphs).toEqual([
        expect.objectContaining({ name: 'shop', variants: ['prod'] }),
      ]);
      const variants = await registry.call('GET', `${V}`, { key: admin });
      expect(variants.body.variants).toEqual([
        expect.objectContaining({ name: 'prod', servedLaunchId: 1 }),
      ]);
      const variant = await registry.call('GET', `${V}/prod`, { key: admin });
      expect(variant.body).toMatchObject({ graph: 'shop', name: 'prod', subgraphCount: 1 });
    });

    it('lists subgraphs, reads one with its SDL and its revisions', async () => {
      const list = await registry.call('GET', `${V}/prod/subgraphs`, { key: admin });
      expect(list.body.subgraphs).toEqual([
        expect.objectContaining({
          name: 'products',
          url: 'http://products.test/graphql',
          revision: 1,
        }),
      ]);
      const detail = await registry.call('GET', `${V}/prod/subgraphs/products`, { key: admin });
      expect(detail.body).toMatchObject({ name: 'products', sdl: PRODUCTS });
      expect(detail.body.sdlHash).toMatch(/^[a-f0-9]{64}$/);
      const revisions = await registry.call('GET', `${V}/prod/subgraphs/products/revisions`, {
        key: admin,
      });
      expect(revisions.body.revisions.map((r: Json) => r.revision)).toEqual([1]);
    });

    it('records a failed launch for a publish that does not compose, keeps serving the last good one', async () => {
      const failed = await registry.publish('shop@prod', 'conflicting', CONFLICTING);
      expect(failed.launch.status).toBe('failed');
      expect(failed.supergraphUpdated).toBe(false);
      expect(failed.errors.length).toBeGreaterThan(0);
      const variant = await registry.call('GET', `${V}/prod`, { key: admin });
      expect(variant.body).toMatchObject({ servedLaunchId: 1, latestLaunchId: failed.launch.id });
      // Deleting the culprit recomposes and serves again.
      const deleted = await registry.call('DELETE', `${V}/prod/subgraphs/conflicting`, {
        key: admin,
      });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ launch: { status: 'success' }, errors: [] });
    });

    it('restores a deleted subgraph', async () => {
      await registry.publish('shop@prod', 'reviews', REVIEWS);
      const deleted = await registry.call('DELETE', `${V}/prod/subgraphs/reviews`, { key: admin });
      expect(deleted.status).toBe(200);
      const gone = await registry.call('GET', `${V}/prod/subgraphs/reviews`, { key: admin });
      expect(gone.status).toBe(404);
      const restored = await registry.call('POST', `${V}/prod/subgraphs/reviews/restore`, {
        key: admin,
        body: {},
      });
      expect(restored.status).toBe(200);
      expect(restored.body.launch.status).toBe('success');
      const back = await registry.call('GET', `${V}/prod/subgraphs/reviews`, { key: admin });
      expect(back.body.sdl).toBe(REVIEWS);
    });

    it('lists launches newest first with paging, and reads one', async () => {
      const page = await registry.call('GET', `${V}/prod/launches?limit=2`, { key: admin });
      expect(page.status).toBe(200);
      const ids = page.body.launches.map((l: Json) => l.id);
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBeGreaterThan(ids[1]);
      const next = await registry.call('GET', `${V}/prod/launches?limit=2&before=${ids[1]}`, {
        key: admin,
      });
      expect(next.body.launches[0].id).toBeLessThan(ids[1]);
      const one = await registry.call('GET', `${V}/prod/launches/1`, { key: admin });
      expect(one.body).toMatchObject({ id: 1, trigger: { kind: 'publish', subgraph: 'products' } });
    });

    it('creates a variant from another (201) and refuses to create it twice (409)', async () => {
      const created = await registry.call('PUT', `${V}/canary`, {
        key: admin,
        body: { from: 'shop@prod' },
      });
      expect(created.status).toBe(201);
      expect(created.body.variant).toMatchObject({ name: 'canary', graph: 'shop' });
      const again = await registry.call('PUT', `${V}/canary`, {
        key: admin,
        body: { from: 'shop@prod' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('CONFLICT');
    });

    it('deletes a variant (204) and then 404s it', async () => {
      const deleted = await registry.call('DELETE', `${V}/canary`, { key: admin });
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      const gone = await registry.call('GET', `${V}/canary`, { key: admin });
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('NOT_FOUND');
    });

    it('409 for a stale expectedLaunchId', async () => {
      const reply = await registry.call('POST', `${V}/prod/subgraphs/products`, {
        key: admin,
        body: { sdl: PRODUCTS_V2, expectedLaunchId: 1 },
      });
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('CONFLICT');
    });
  });

  describe('request errors', () => {
    it('400 INVALID_SDL with diagnostics and locations; nothing stored', async () => {
      const reply = await registry.call('POST', `${V}/prod/subgraphs/broken`, {
        key: admin,
        body: { sdl: 'type Query {\n  a: \n}', url: 'http://broken.test' },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('INVALID_SDL');
      const [diagnostic] = reply.body.error.details.errors;
      expect(diagnostic.locations[0]).toEqual(expect.objectContaining({ line: 3, column: 1 }));
      const stored = await registry.call('GET', `${V}/prod/subgraphs/broken`, { key: admin });
      expect(stored.status).toBe(404);
    });

    it('400 BAD_REQUEST for malformed JSON, a missing or mistyped field, a bad name', async () => {
      const malformed = await registry.call('POST', `${V}/prod/subgraphs/x`, {
        key: admin,
        rawBody: '{"sdl":',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/JSON/),
      });
      const missing = await registry.call('POST', `${V}/prod/subgraphs/x`, {
        key: admin,
        body: {},
      });
      expect(missing.body.error).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('"sdl"'),
      });
      const mistyped = await registry.call('POST', `${V}/prod/subgraphs/x`, {
        key: admin,
        body: { sdl: PRODUCTS, expectedLaunchId: 'one' },
      });
      expect(mistyped.body.error.message).toContain('"expectedLaunchId"');
      const badName = await registry.call('GET', `/api/v1/graphs/9lives/variants`, { key: admin });
      expect(badName.status).toBe(400);
      expect(badName.body.error.code).toBe('BAD_REQUEST');
    });

    it('404 for an unknown route, 400 with Allow for a wrong method', async () => {
      const unknown = await registry.call('GET', '/api/v1/nothing', { key: admin });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      const wrong = await registry.call('PATCH', `${V}/prod`, { key: admin });
      expect(wrong.status).toBe(400);
      expect(wrong.headers.allow).toBe('GET, PUT, DELETE');
    });

    it('413 PAYLOAD_TOO_LARGE past the default 5 MB limit', async () => {
      const reply = await registry.call('POST', `${V}/prod/subgraphs/huge`, {
        key: admin,
        body: { sdl: `type Query { a: String }\n# ${'x'.repeat(5 * 1024 * 1024)}` },
      });
      expect(reply.status).toBe(413);
      expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('413 PAYLOAD_TOO_LARGE past a configured body limit', async () => {
      const small = await startTestRegistry({ backend, maxBodySize: 1024 });
      try {
        const reply = await small.call('POST', `${V}/prod/subgraphs/big`, {
          key: small.adminKey,
          body: { sdl: `type Query { a: String }\n# ${'x'.repeat(4096)}` },
        });
        expect(reply.status).toBe(413);
        expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      } finally {
        await small.close();
      }
    });
  });

  describe('roles', () => {
    it('403 when a gateway key publishes or reads subgraphs; it may read the supergraph', async () => {
      const gateway = await registry.createKey('gateway', { variants: ['shop@prod'] });
      const publish = await registry.call('POST', `${V}/prod/subgraphs/products`, {
        key: gateway,
        body: { sdl: PRODUCTS_V2 },
      });
      expect(publish.status).toBe(403);
      expect(publish.body.error.code).toBe('FORBIDDEN');
      const list = await registry.call('GET', `${V}/prod/subgraphs`, { key: gateway });
      expect(list.status).toBe(403);
      const supergraph = await registry.call('GET', `${V}/prod/supergraph`, { key: gateway });
      expect(supergraph.status).toBe(200);
    });

    it('403 when a publisher key leaves its scope or manages keys', async () => {
      const publisher = await registry.createKey('publisher', { variants: ['shop@staging'] });
      const outside = await registry.call('POST', `${V}/prod/subgraphs/products`, {
        key: publisher,
        body: { sdl: PRODUCTS_V2 },
      });
      expect(outside.status).toBe(403);
      const inside = await registry.call('POST', `${V}/staging/subgraphs/products`, {
        key: publisher,
        body: { sdl: PRODUCTS, url: 'http://products.test/graphql' },
      });
      expect(inside.status).toBe(200);
      const keys = await registry.call('GET', '/api/v1/keys', { key: publisher });
      expect(keys.status).toBe(403);
    });
  });

  describe('keys, webhooks, audit', () => {
    it('creates (201, secret once), lists and revokes keys; a revoked key is 401', async () => {
      const created = await registry.call('POST', '/api/v1/keys', {
        key: admin,
        body: { name: 'ci', role: 'publisher', scope: { graphs: ['shop'] } },
      });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^orr_publisher_/);
      const list = await registry.call('GET', '/api/v1/keys', { key: admin });
      const listed = list.body.keys.find((k: Json) => k.id === created.body.id);
      expect(listed).toMatchObject({ name: 'ci', role: 'publisher' });
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      const revoked = await registry.call('DELETE', `/api/v1/keys/${created.body.id}`, {
        key: admin,
      });
      expect(revoked.status).toBe(204);
      const after = await registry.call('GET', '/api/v1/graphs', { key: created.body.key });
      expect(after.status).toBe(401);
    });

    it('400 for a key with an unknown role', async () => {
      const reply = await registry.call('POST', '/api/v1/keys', {
        key: admin,
        body: { name: 'x', role: 'root' },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain('"role"');
    });

    it('creates, lists and deletes webhooks and lists deliveries', async () => {
      const created = await registry.call('POST', `${V}/prod/webhooks`, {
        key: admin,
        body: { url: 'http://127.0.0.1:9/hook', secret: 'webhook-secret' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        graph: 'shop',
        variant: 'prod',
        secret: 'webhook-secret',
      });
      const list = await registry.call('GET', `${V}/prod/webhooks`, { key: admin });
      expect(list.body.webhooks.map((w: Json) => w.id)).toContain(created.body.id);
      const deliveries = await registry.call(
        'GET',
        `${V}/prod/webhooks/${created.body.id}/deliveries`,
        { key: admin },
      );
      expect(deliveries.status).toBe(200);
      expect(Array.isArray(deliveries.body.deliveries)).toBe(true);
      const deleted = await registry.call('DELETE', `${V}/prod/webhooks/${created.body.id}`, {
        key: admin,
      });
      expect(deleted.status).toBe(204);
      const missing = await registry.call('DELETE', `${V}/prod/webhooks/${created.body.id}`, {
        key: admin,
      });
      expect(missing.status).toBe(404);
    });

    it('400 for a webhook URL that is not http(s)', async () => {
      const reply = await registry.call('POST', `${V}/prod/webhooks`, {
        key: admin,
        body: { url: 'file:///etc/passwd' },
      });
      expect(reply.status).toBe(400);
    });

    it('lists the audit log newest first, filtered by graph', async () => {
      const reply = await registry.call('GET', '/api/v1/audit?graph=shop&limit=5', { key: admin });
      expect(reply.status).toBe(200);
      expect(reply.body.entries.length).toBeGreaterThan(0);
      expect(reply.body.entries.length).toBeLessThanOrEqual(5);
      expect(reply.body.entries.every((e: Json) => e.graph === 'shop')).toBe(true);
      const ids = reply.body.entries.map((e: Json) => e.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    });
  });
});

describe('rate limit', () => {
  it('429 RATE_LIMITED with Retry-After once a key spends its burst', async () => {
    const registry = await startTestRegistry({
      backend,
      rateLimit: { requestsPerSecond: 0.01, burst: 2 },
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          (await registry.call('GET', '/api/v1/graphs', { key: registry.adminKey })).status,
        );
      }
      expect(codes).toEqual([200, 200, 429]);
      const limited = await registry.call('GET', '/api/v1/graphs', { key: registry.adminKey });
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await registry.close();
    }
  });
});

describe('internal errors', () => {
  it('500 INTERNAL without the error message or stack; the error goes to the log', async () => {
    const logged: string[] = [];
    const registry = await startTestRegistry({
      backend,
      log: (line) => logged.push(line),
      wrapService: (service): RegistryService =>
        Object.assign(Object.create(service) as RegistryService, {
          listGraphs: () => Promise.reject(new Error('connection to /var/run/db lost')),
        }),
    });
    try {
      const reply = await registry.call('GET', '/api/v1/graphs', { key: registry.adminKey });
      expect(reply.status).toBe(500);
      expect(reply.body.error.code).toBe('INTERNAL');
      expect(JSON.stringify(reply.body)).not.toMatch(/var\/run|at |Error/);
      expect(logged.join('\n')).toContain('connection to /var/run/db lost');
    } finally {
      await registry.close();
    }
  });
});
