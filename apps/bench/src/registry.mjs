#!/usr/bin/env node
/**
 * The registry benchmark: publish latency on a 50-subgraph variant (composition included), and
 * supergraph fetches per second with 200 concurrent pollers, on the 304 path (If-None-Match is
 * current) and the full path (the whole supergraph SDL each time).
 *
 *   node scripts/pnpm.mjs turbo run build --filter @orrery/registry
 *   node apps/bench/src/registry.mjs [--subgraphs 50] [--publishes 20] [--pollers 200]
 *     [--duration 10] [--database-url URL] [--delivery-cache-ms MS] [--no-pin] [--json FILE]
 *
 * The registry runs in its own process (`registry-server.mjs`, the built package) on PGlite in a
 * temporary data directory (what `orrery registry start` does by default), or on PostgreSQL with
 * `--database-url` (use a fresh database: the bench publishes to `bench@prod`). On a 2-core
 * machine the registry gets core 1 and this process (the clients) core 0.
 *
 * 1. seed: the subgraphs are published one by one (each publish composes all published so far);
 * 2. publish latency: `--publishes` publishes, each changing one subgraph (a new field), so every
 *    one recomposes all 50 and records a successful launch; measured at the client (HTTP
 *    included);
 * 3. fetches: `--pollers` closed loops, one connection each, GET the supergraph with a gateway
 *    key for `--duration` seconds: first with `If-None-Match` (every answer must be 304), then
 *    without (every answer must be 200 with the full SDL).
 * Prints tables and writes JSON to apps/bench/results/ (git-ignored). Never in CI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { quantile } from './load-generator.mjs';

// undici is not a dependency of apps/bench: resolved from @orrery/registry, which depends on it.
const requireFromRegistry = createRequire(
  new URL('../../../packages/registry/package.json', import.meta.url),
);
const { Pool, request } = await import(pathToFileURL(requireFromRegistry.resolve('undici')).href);

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (message) => console.error(`[registry bench] ${message}`);
const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

/**
 * Subgraph `i` of the bench graph: its own entity with ten fields and two root fields, and a
 * field on `Product`, the entity every subgraph shares, so composition merges one type across
 * all of them. `extra` adds fields (a new revision).
 */
export function benchSubgraphSdl(i, extra = 0) {
  const fields = Array.from({ length: 10 }, (_, f) => `  f${f}: ${f % 2 ? 'Int' : 'String'}`);
  for (let e = 0; e < extra; e++) fields.push(`  rev${e}: Int`);
  return [
    LINK,
    `type Query {\n  s${i}Items(first: Int = 10): [S${i}Item!]!\n  s${i}Product(id: ID!): Product\n}`,
    `type S${i}Item @key(fields: "id") {\n  id: ID!\n${fields.join('\n')}\n  product: Product\n}`,
    `type Product @key(fields: "id") {\n  id: ID!\n  name: String @shareable\n  s${i}Score: Float\n}`,
    '',
  ].join('\n\n');
}

function startServer(args, pin) {
  const script = here('./registry-server.mjs');
  const command = pin ? 'taskset' : process.execPath;
  const argv = pin ? ['-c', '1', process.execPath, script, ...args] : [script, ...args];
  const child = spawn(command, argv, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline !== -1) resolve({ child, ...JSON.parse(output.slice(0, newline)) });
    });
    child.on('exit', (code) =>
      reject(new Error(`registry-server exited (${code}) before listening`)),
    );
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function api(url, key, method, path, body) {
  const response = await request(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) {
    throw new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}

const publishPath = (i) => `/api/v1/graphs/bench/variants/prod/subgraphs/s${i}`;

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    mean: total / sorted.length,
  };
}

/**
 * `pollers` closed loops for `seconds`, each on its own connection, GETting `path`. `expect`
 * is the status every answer must have; anything else counts as an error.
 */
async function pollLoad({ url, path, key, headers, pollers, seconds, expectStatus }) {
  const pool = new Pool(url, { connections: pollers, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies = [];
  let errors = 0;
  let firstError;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  async function loop() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const { statusCode, body } = await pool.request({
          method: 'GET',
          path,
          headers: { authorization: `Bearer ${key}`, ...headers },
        });
        const text = await body.text();
        latencies.push(performance.now() - t0);
        bytes += text.length;
        if (statusCode !== expectStatus) {
          errors++;
          firstError ??= `status ${statusCode}: ${text.slice(0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  }
  await Promise.all(Array.from({ length: pollers }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return {
    requests: latencies.length,
    errors,
    firstError,
    rps: latencies.length / elapsed,
    bytesPerAnswer: latencies.length ? bytes / latencies.length : 0,
    latencyMs: summary(latencies),
  };
}

const fmt = (value, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : 'n/a';

function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const row of rows) console.log(line(row));
}

async function main() {
  const { values } = parseArgs({
    options: {
      subgraphs: { type: 'string', default: '50' },
      publishes: { type: 'string', default: '20' },
      pollers: { type: 'string', default: '200' },
      duration: { type: 'string', default: '10' },
      'database-url': { type: 'string' },
      'delivery-cache-ms': { type: 'string' },
      'no-pin': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const subgraphCount = Number(values.subgraphs);
  const publishes = Number(values.publishes);
  const pollers = Number(values.pollers);
  const duration = Number(values.duration);
  const pin = !values['no-pin'] && availableParallelism() >= 2;
  if (pin) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });

  const dataDir = values['database-url']
    ? undefined
    : mkdtempSync(join(tmpdir(), 'orrery-registry-bench-'));
  const storage = values['database-url'] ? 'postgres' : 'pglite';
  const server = await startServer(
    [
      ...(values['database-url']
        ? ['--database-url', values['database-url']]
        : ['--data-dir', dataDir]),
      ...(values['delivery-cache-ms'] ? ['--delivery-cache-ms', values['delivery-cache-ms']] : []),
    ],
    pin,
  );
  const { url } = server;
  const adminKey = server.adminKey;
  if (!adminKey) throw new Error('use a fresh database: the registry already had keys');
  try {
    log(`registry on ${url} (${storage}); seeding ${subgraphCount} subgraphs`);
    const seedStarted = performance.now();
    for (let i = 0; i < subgraphCount; i++) {
      const result = await api(url, adminKey, 'POST', publishPath(i), {
        sdl: benchSubgraphSdl(i),
        url: `http://s${i}.bench/graphql`,
      });
      if (result.launch?.status !== 'success') {
        throw new Error(`seed publish ${i} failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
      }
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    log(`publish latency: ${publishes} publishes on the ${subgraphCount}-subgraph variant`);
    const publishLatencies = [];
    for (let k = 0; k < publishes; k++) {
      const i = k % subgraphCount;
      const t0 = performance.now();
      const result = await api(url, adminKey, 'POST', publishPath(i), {
        sdl: benchSubgraphSdl(i, Math.floor(k / subgraphCount) + 1),
      });
      publishLatencies.push(performance.now() - t0);
      if (result.launch?.status !== 'success' || !result.supergraphUpdated) {
        throw new Error(`publish ${k} did not launch: ${JSON.stringify(result).slice(0, 300)}`);
      }
    }
    const publish = summary(publishLatencies);

    const gatewayKey = (
      await api(url, adminKey, 'POST', '/api/v1/keys', {
        name: 'bench-fleet',
        role: 'gateway',
        scope: { variants: ['bench@prod'] },
      })
    ).key;
    const path = '/api/v1/graphs/bench/variants/prod/supergraph';
    const current = await request(`${url}${path}`, {
      headers: { authorization: `Bearer ${gatewayKey}` },
    });
    const sdlBytes = (await current.body.text()).length;
    const etag = current.headers.etag;

    log(`fetches: ${pollers} pollers, 304 path, ${duration} s`);
    const notModified = await pollLoad({
      url,
      path,
      key: gatewayKey,
      headers: { 'if-none-match': etag },
      pollers,
      seconds: duration,
      expectStatus: 304,
    });
    log(`fetches: ${pollers} pollers, full path, ${duration} s`);
    const full = await pollLoad({
      url,
      path,
      key: gatewayKey,
      headers: {},
      pollers,
      seconds: duration,
      expectStatus: 200,
    });

    console.log(
      `\nRegistry on ${storage}, ${subgraphCount} subgraphs (supergraph ${fmt(sdlBytes / 1024)} KiB), Node ${process.version}\n`,
    );
    console.log(`Seeding: ${subgraphCount} publishes in ${fmt(seedSeconds)} s\n`);
    printTable(
      ['publish (compose included)', 'count', 'p50 ms', 'p90 ms', 'max ms', 'mean ms'],
      [
        [
          `${subgraphCount}-subgraph variant`,
          publish.count,
          fmt(publish.p50),
          fmt(publish.p90),
          fmt(publish.max),
          fmt(publish.mean),
        ],
      ],
    );
    console.log('');
    printTable(
      ['supergraph fetch', 'pollers', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'bytes/answer'],
      [
        ['304 (If-None-Match)', notModified],
        ['200 (full SDL)', full],
      ].map(([label, r]) => [
        label,
        pollers,
        fmt(r.rps, 0),
        fmt(r.latencyMs.p50),
        fmt(r.latencyMs.p99),
        r.errors,
        fmt(r.bytesPerAnswer, 0),
      ]),
    );
    for (const [label, r] of [
      ['304', notModified],
      ['full', full],
    ]) {
      if (r.errors > 0) log(`${label}: first error: ${r.firstError}`);
    }

    const results = {
      date: new Date().toISOString(),
      node: process.version,
      storage,
      deliveryCacheMs: values['delivery-cache-ms'] ? Number(values['delivery-cache-ms']) : 1000,
      pinned: pin,
      subgraphs: subgraphCount,
      supergraphBytes: sdlBytes,
      seedSeconds,
      publishLatencyMs: publish,
      fetch: { pollers, durationSeconds: duration, notModified, full },
    };
    const out =
      values.json ??
      join(here('../results'), `registry-${results.date.replace(/[:.]/g, '-')}.json`);
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${out}`);
    if (notModified.errors > 0 || full.errors > 0) process.exitCode = 1;
  } finally {
    await stopServer(server.child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
