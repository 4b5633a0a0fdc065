#!/usr/bin/env node
/**
 * Managed mode, measured (issue 8): how long a publish takes to reach every gateway, and whether
 * a gateway's memory grows over many supergraph swaps.
 *
 *   node --expose-gc apps/bench/src/managed.mjs [--gateways 3] [--swaps 200] [--json FILE]
 *
 * - A real registry (`orrery registry start`, PGlite in a temp dir) in its own process.
 * - `--gateways` managed gateways in this process (`createGateway` over `managedSupergraph`,
 *   long-polling the registry over HTTP, as `orrery gateway --graph-ref` does).
 * - Each swap publishes the subgraph with its other field (two same-size versions, alternated);
 *   propagation is the time from the
 *   publish call returning to the moment every gateway serves that supergraph (checked every
 *   millisecond by comparing the SDL they serve).
 * - Memory: heapUsed after a forced GC (hence --expose-gc) before the first swap and after every
 *   50, with the gateways' plan caches warmed by a query after each swap.
 *
 * Needs the built packages (`npm run build`); no peer involved, so no ratios: absolute figures
 * for this machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGateway, managedSupergraph } from '@orrery/gateway';
import { createRegistryClient } from '@orrery/registry-client';

const { values } = parseArgs({
  options: {
    gateways: { type: 'string', default: '3' },
    swaps: { type: 'string', default: '200' },
    port: { type: 'string', default: '4490' },
    json: { type: 'string' },
  },
});
if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc (memory figures need a forced GC)');
  process.exit(2);
}
const gatewayCount = Number(values.gateways);
const swaps = Number(values.swaps);
const port = Number(values.port);
const ADMIN_KEY = `orr_admin_benchadmin1_${'b2'.repeat(16)}`;
const bin = fileURLToPath(new URL('../../../packages/cli/bin/orrery.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'orrery-bench-managed-'));

const FED2 =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';
// Two supergraphs of the same size, alternated: each publish is a new launch (the SDL differs
// from the served one) and the gateways' state should stay the same size, so heap growth over the
// swaps would be a leak, not a bigger schema.
const fieldOf = (n) => (n % 2 === 0 ? 'even' : 'odd');
const sdl = (n) =>
  `${FED2} type Product @key(fields: "id") { id: ID! name: String ${fieldOf(n)}: Int } type Query { products: [Product] }`;

async function startRegistry() {
  const child = spawn(
    process.execPath,
    [
      bin,
      'registry',
      'start',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      join(dir, 'data'),
    ],
    {
      env: { ...process.env, ORRERY_ADMIN_KEY: ADMIN_KEY },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => d.toString().includes('ready at') && resolve());
    child.once('exit', (code) => reject(new Error(`registry exited ${code}`)));
  });
  return child;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const registry = await startRegistry();
try {
  const url = `http://127.0.0.1:${port}`;
  const admin = createRegistryClient({ url, key: ADMIN_KEY });
  await admin.publishSubgraph('bench@prod', 'products', {
    sdl: sdl(0),
    url: 'http://127.0.0.1:9/graphql',
  });
  const { key } = await admin.createKey({
    name: 'bench-gateways',
    role: 'gateway',
    scope: { variants: ['bench@prod'] },
  });
  const gateways = [];
  for (let i = 0; i < gatewayCount; i++) {
    const gateway = createGateway({
      supergraph: managedSupergraph({
        registryUrls: [url],
        key,
        graphRef: 'bench@prod',
        cacheDir: join(dir, `cache-${i}`),
        log: (level, message) => level === 'warn' && console.error(`gateway ${i}: ${message}`),
      }),
    });
    await gateway.ready;
    gateways.push(gateway);
  }
  const warm = () => Promise.all(gateways.map((g) => g.execute({ query: '{ __typename }' })));
  await warm();
  const memory = [];
  const sample = (swap) => {
    globalThis.gc();
    globalThis.gc();
    memory.push({
      swap,
      heapUsedMb: mb(process.memoryUsage().heapUsed),
      rssMb: mb(process.memoryUsage().rss),
    });
  };
  sample(0);
  const propagation = [];
  for (let n = 1; n <= swaps; n++) {
    const result = await admin.publishSubgraph('bench@prod', 'products', { sdl: sdl(n) });
    const published = performance.now();
    if (result.launch?.status !== 'success')
      throw new Error(`publish ${n} failed: ${JSON.stringify(result.errors)}`);
    const field = ` ${fieldOf(n)}: Int`;
    while (!gateways.every((g) => g.supergraphSdl.includes(field))) {
      await new Promise((r) => setTimeout(r, 1));
    }
    propagation.push(performance.now() - published);
    await warm();
    if (n % 50 === 0) sample(n);
  }
  await Promise.all(gateways.map((g) => g.close()));
  const sorted = [...propagation].sort((a, b) => a - b);
  const report = {
    gateways: gatewayCount,
    swaps,
    propagationMs: {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      max: Math.round(sorted.at(-1)),
    },
    memory,
    node: process.version,
  };
  console.log(
    `publish returned -> all ${gatewayCount} gateways serving it, over ${swaps} publishes:`,
  );
  console.log(
    `  p50 ${report.propagationMs.p50} ms, p95 ${report.propagationMs.p95} ms, max ${report.propagationMs.max} ms`,
  );
  console.log('heap after forced GC (this process: the gateways and their pollers):');
  for (const m of memory)
    console.log(
      `  after ${String(m.swap).padStart(3)} swaps: heapUsed ${m.heapUsedMb} MB, rss ${m.rssMb} MB`,
    );
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
} finally {
  registry.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
