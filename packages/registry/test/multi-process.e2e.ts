/**
 * Scale-out: two registry processes on one fresh PostgreSQL database. A publish through one
 * must wake a long-poll parked on the other (PostgreSQL LISTEN/NOTIFY, through the storage), and
 * a managed gateway's poller following the second process must receive it.
 */
import {
  createSupergraphPoller,
  type SupergraphPoller,
  type SupergraphUpdate,
} from '@orrery/registry-client';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/keys/format.js';
import { createTestDatabase, type TestDatabase } from './storage/test-database.js';
import { PRODUCTS, REVIEWS, until, type Json } from './http/harness.js';
import {
  bundleRegistryProcess,
  startRegistryProcess,
  type RegistryProcess,
} from './http/processes.js';

const SUPERGRAPH = '/api/v1/graphs/shop/variants/prod/supergraph';

async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  key: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await request(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Json,
  };
}

describe('two registry processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let bundle: Awaited<ReturnType<typeof bundleRegistryProcess>>;
  let a: RegistryProcess;
  let b: RegistryProcess;
  const adminKey = generateKey('admin').key;

  beforeAll(async () => {
    database = await createTestDatabase();
    bundle = await bundleRegistryProcess();
    const env = { DATABASE_URL: database.url, ORRERY_ADMIN_KEY: adminKey };
    // Started one after the other: the second finds the migrations applied and the key stored.
    a = await startRegistryProcess(bundle.file, env);
    b = await startRegistryProcess(bundle.file, env);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await bundle?.remove();
    await database?.drop();
  });

  it('both processes serve the same state', async () => {
    const published = await call(
      a.url,
      'POST',
      '/api/v1/graphs/shop/variants/prod/subgraphs/products',
      adminKey,
      {
        body: { sdl: PRODUCTS, url: 'http://products.test/graphql' },
      },
    );
    expect(published.status).toBe(200);
    const onB = await call(b.url, 'GET', SUPERGRAPH, adminKey);
    expect(onB.status).toBe(200);
    expect(onB.headers['x-orrery-launch-id']).toBe(String(published.json().launch.id));
  });

  it('a publish through A wakes a long-poll parked on B, and B answers it with the new launch', async () => {
    const gatewayKey = (
      await call(a.url, 'POST', '/api/v1/keys', adminKey, {
        body: { name: 'fleet', role: 'gateway', scope: { variants: ['shop@prod'] } },
      })
    ).json().key as string;
    const current = await call(b.url, 'GET', SUPERGRAPH, gatewayKey);
    expect(current.status).toBe(200);

    // A gateway following B (the client a managed Orrery gateway runs), long-polling.
    const updates: SupergraphUpdate[] = [];
    const poller: SupergraphPoller = createSupergraphPoller({
      urls: [b.url],
      key: gatewayKey,
      graphRef: 'shop@prod',
      longPollSeconds: 50,
    });
    const running = poller.run({ onUpdate: (update) => void updates.push(update) });
    await until(() => updates.length === 1, 20_000);

    // And a bare long-poll with a wait longer than the test needs: if the wake-up did not
    // cross processes, this answers 304 after 50 s instead of 200.
    const parked = call(b.url, 'GET', `${SUPERGRAPH}?wait=50`, gatewayKey, {
      headers: { 'if-none-match': String(current.headers.etag) },
    });
    await until(async () => (await health(b.url)).longPolls >= 2, 20_000);

    const published = await call(
      a.url,
      'POST',
      '/api/v1/graphs/shop/variants/prod/subgraphs/reviews',
      adminKey,
      {
        body: { sdl: REVIEWS, url: 'http://reviews.test/graphql' },
      },
    );
    const launchId = published.json().launch.id as number;

    const woken = await parked;
    expect(woken.status).toBe(200);
    expect(woken.headers['x-orrery-launch-id']).toBe(String(launchId));
    expect(woken.text).toContain('type Review');

    await until(() => updates.length === 2, 20_000);
    expect(updates[1]).toMatchObject({ launchId, url: b.url });
    poller.stop();
    await running;
  }, 90_000);
});

async function health(base: string): Promise<{ longPolls: number }> {
  const response = await request(`${base}/health`);
  return (await response.body.json()) as { longPolls: number };
}
