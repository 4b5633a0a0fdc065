/**
 * Issue 8's fault tests: managed gateways (`orrery gateway --graph-ref`, real processes) follow
 * a real registry (`orrery registry start`, PGlite) while a client queries them the whole time,
 * and not one request may fail: registry killed and restarted, a gateway restarted while the
 * registry is down (it starts from its cache), a publish that fails composition, a publish that
 * moves a subgraph to a new URL (the seeds' atomic migration), and three gateways on two
 * variants each following their own.
 *
 * Requires the built CLI (`npm test` builds first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSubgraphServer, type SubgraphServer } from '@orrery/internal-testing';
import { createRegistryClient, type RegistryClient } from '@orrery/registry-client';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRuntime } from '../src/graphql-runtime.js';
import {
  startGatewayProcess,
  startRegistryProcess,
  type OrreryProcess,
} from '../src/managed/processes.js';
import { startTraffic, type TrafficReport } from '../src/managed/traffic.js';
import type { Resolvers } from '../src/scenario.js';

const ADMIN_KEY = `orr_admin_e2eadmin1_${'a1'.repeat(16)}`;
const BASE_PORT = 4460;
const REGISTRY_PORT = BASE_PORT;
const FED2 =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

const PRODUCTS = [
  { id: '1', name: 'Table', price: 899 },
  { id: '2', name: 'Couch', price: 1299 },
];

const productsSdl = (extra = '') => `${FED2}
  type Product @key(fields: "id") { id: ID! name: String! ${extra} }
  type Query { products: [Product!]! }`;
const productsResolvers: Resolvers = {
  Query: { products: () => PRODUCTS },
  Product: { __resolveReference: (ref: { id: string }) => PRODUCTS.find((p) => p.id === ref.id) },
};
const reviewsSdl = `${FED2}
  type Product @key(fields: "id") { id: ID! reviews: [String!]! }`;
const reviewsResolvers = (from: string): Resolvers => ({
  Product: {
    __resolveReference: (ref: { id: string }) => ref,
    reviews: (p: { id: string }) => [`review of ${p.id} from ${from}`],
  },
});

const QUERY = '{ products { id name reviews } }';
const checkData = (data: unknown): string | undefined => {
  const products = (data as { products?: { reviews?: string[] }[] } | null)?.products;
  return products?.length === 2 && products.every((p) => p.reviews?.length === 1)
    ? undefined
    : `unexpected data ${JSON.stringify(data)}`;
};

async function until(
  what: string,
  test: () => Promise<boolean> | boolean,
  ms = 30_000,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await test()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Does the gateway's API schema have `Product.<field>`? (What clients can see.) */
async function hasField(gatewayUrl: string, field: string): Promise<boolean> {
  const response = await request(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __type(name: "Product") { fields { name } } }' }),
  });
  const json = (await response.body.json()) as {
    data?: { __type?: { fields: { name: string }[] } };
  };
  return json.data?.__type?.fields.some((f) => f.name === field) ?? false;
}

const expectNoFailures = (report: TrafficReport) => {
  expect(report.sent).toBeGreaterThanOrEqual(20);
  expect(report.failures).toEqual([]);
  expect(report.failed).toBe(0);
};

describe(
  'managed gateways under faults (real registry and gateway processes)',
  { timeout: 600_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-managed-e2e-'));
    const dataDir = join(dir, 'registry');
    const servers: SubgraphServer[] = [];
    let registry: OrreryProcess;
    let admin: RegistryClient;
    let gatewayKey: string;
    const gateways = new Map<string, OrreryProcess>();
    const gatewayOptions = (name: string, graphRef: string, port: number) => ({
      port,
      graphRef,
      registryUrls: [`http://127.0.0.1:${REGISTRY_PORT}`],
      key: gatewayKey,
      cacheDir: join(dir, `cache-${name}`),
    });
    const gatewaySpecs = [
      ['prod-a', 'demo@prod', BASE_PORT + 1],
      ['prod-b', 'demo@prod', BASE_PORT + 2],
      ['canary', 'demo@prod-canary', BASE_PORT + 3],
    ] as const;
    const url = (name: string) => gateways.get(name)!.url;
    let reviewsA: SubgraphServer;

    beforeAll(async () => {
      const products = await startSubgraphServer({
        name: 'products',
        typeDefs: productsSdl('price: Int'),
        resolvers: productsResolvers,
        runtime: subgraphRuntime,
      });
      reviewsA = await startSubgraphServer({
        name: 'reviews',
        typeDefs: reviewsSdl,
        resolvers: reviewsResolvers('A'),
        runtime: subgraphRuntime,
      });
      servers.push(products, reviewsA);
      registry = await startRegistryProcess({ port: REGISTRY_PORT, dataDir, adminKey: ADMIN_KEY });
      admin = createRegistryClient({ url: registry.url, key: ADMIN_KEY });
      await admin.publishSubgraph('demo@prod', 'products', {
        sdl: productsSdl(),
        url: products.url,
      });
      const published = await admin.publishSubgraph('demo@prod', 'reviews', {
        sdl: reviewsSdl,
        url: reviewsA.url,
      });
      expect(published.launch?.status).toBe('success');
      await admin.createVariant('demo@prod-canary', { from: 'demo@prod' });
      const key = await admin.createKey({
        name: 'gateways',
        role: 'gateway',
        scope: { variants: ['demo@prod', 'demo@prod-canary'] },
      });
      gatewayKey = key.key;
      const started = await Promise.all(
        gatewaySpecs.map(([name, ref, port]) =>
          startGatewayProcess(gatewayOptions(name, ref, port)),
        ),
      );
      started.forEach((g, i) => gateways.set(gatewaySpecs[i]![0], g));
    }, 600_000);

    afterAll(async () => {
      await Promise.all([...gateways.values()].map((g) => g.stop()));
      await registry?.stop();
      await Promise.all(servers.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    it('3 gateways on 2 variants each follow their own variant (canary first, then prod)', async () => {
      const traffic = startTraffic({
        gateways: [...gateways.values()].map((g) => g.url),
        query: QUERY,
        check: checkData,
      });
      await admin.publishSubgraph('demo@prod-canary', 'products', {
        sdl: productsSdl('price: Int'),
      });
      const canaryMs = await until('the canary gateway to serve price', () =>
        hasField(url('canary'), 'price'),
      );
      expect(await hasField(url('prod-a'), 'price')).toBe(false);
      expect(await hasField(url('prod-b'), 'price')).toBe(false);
      await admin.publishSubgraph('demo@prod', 'products', { sdl: productsSdl('price: Int') });
      const prodMs = await until(
        'both prod gateways to serve price',
        async () =>
          (await hasField(url('prod-a'), 'price')) && (await hasField(url('prod-b'), 'price')),
      );
      console.log(
        `publish to every gateway serving it: canary ${canaryMs} ms, prod (2 gateways) ${prodMs} ms`,
      );
      expectNoFailures(await traffic.stop());
    });

    it('a publish that fails composition is recorded, and every gateway keeps serving the old graph', async () => {
      const traffic = startTraffic({
        gateways: [...gateways.values()].map((g) => g.url),
        query: QUERY,
        check: checkData,
      });
      const result = await admin.publishSubgraph('demo@prod', 'reviews', {
        // Valid on its own, but its key field's type conflicts with products' (FIELD_TYPE_MISMATCH).
        sdl: `${FED2} type Product @key(fields: "id") { id: String! reviews: [String!]! }`,
      });
      expect(result.launch?.status).toBe('failed');
      expect(result.supergraphUpdated).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1500));
      for (const name of ['prod-a', 'prod-b'])
        expect(await hasField(url(name), 'reviews')).toBe(true);
      // Put the good schema back (a new launch) before the next test.
      const fixed = await admin.publishSubgraph('demo@prod', 'reviews', { sdl: reviewsSdl });
      expect(fixed.launch?.status).toBe('success');
      expectNoFailures(await traffic.stop());
    });

    it('moving a subgraph to a new URL switches every gateway atomically (seed 001)', async () => {
      const reviewsB = await startSubgraphServer({
        name: 'reviews',
        typeDefs: reviewsSdl,
        resolvers: reviewsResolvers('B'),
        runtime: subgraphRuntime,
      });
      servers.push(reviewsB);
      const traffic = startTraffic({
        gateways: [url('prod-a'), url('prod-b')],
        query: QUERY,
        check: checkData,
      });
      await until('traffic to reach reviews A', () => reviewsA.requests.length > 10);
      await admin.publishSubgraph('demo@prod', 'reviews', { sdl: reviewsSdl, url: reviewsB.url });
      await until('reviews B to get requests', () => reviewsB.requests.length > 10);
      // Once both gateways have swapped, reviews A gets nothing more.
      await new Promise((r) => setTimeout(r, 1000));
      const settled = reviewsA.requests.length;
      await until('more traffic on B', () => reviewsB.requests.length > 50);
      expect(reviewsA.requests.length).toBe(settled);
      expectNoFailures(await traffic.stop());
    });

    it('the registry killed and restarted: gateways keep serving, then follow the next publish', async () => {
      const traffic = startTraffic({
        gateways: [...gateways.values()].map((g) => g.url),
        query: QUERY,
        check: checkData,
      });
      await registry.kill();
      await new Promise((r) => setTimeout(r, 3000));
      registry = await startRegistryProcess({ port: REGISTRY_PORT, dataDir, adminKey: ADMIN_KEY });
      await admin.publishSubgraph('demo@prod', 'products', {
        sdl: productsSdl('price: Int inStock: Boolean'),
      });
      await until(
        'both prod gateways to serve inStock',
        async () =>
          (await hasField(url('prod-a'), 'inStock')) && (await hasField(url('prod-b'), 'inStock')),
        60_000,
      );
      expectNoFailures(await traffic.stop());
    });

    it('a gateway restarted while the registry is down starts from its cache and serves', async () => {
      const traffic = startTraffic({
        gateways: [url('prod-a'), url('prod-b')],
        query: QUERY,
        check: checkData,
      });
      await registry.stop();
      // Drain prod-b (as a load balancer would), restart it with the registry still down.
      traffic.setGateways([url('prod-a')]);
      await gateways.get('prod-b')!.stop();
      const [, ref, port] = gatewaySpecs[1];
      const restarted = await startGatewayProcess(gatewayOptions('prod-b', ref, port));
      gateways.set('prod-b', restarted);
      expect(await hasField(restarted.url, 'inStock')).toBe(true);
      expect(restarted.output()).toMatch(/serving cached launch/);
      traffic.setGateways([url('prod-a'), restarted.url]);
      await new Promise((r) => setTimeout(r, 2000));
      // The registry comes back: the restarted gateway follows new launches again.
      registry = await startRegistryProcess({ port: REGISTRY_PORT, dataDir, adminKey: ADMIN_KEY });
      await admin.publishSubgraph('demo@prod', 'products', {
        sdl: productsSdl('price: Int inStock: Boolean sku: String'),
      });
      await until(
        'the restarted gateway to serve sku',
        () => hasField(restarted.url, 'sku'),
        60_000,
      );
      expectNoFailures(await traffic.stop());
    });
  },
);
