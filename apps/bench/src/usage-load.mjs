/**
 * The usage bench's load: `load-generator.mjs`'s closed loop (undici, one request in flight per
 * connection, a unique `x-bench-request` header on each), but every request names a client
 * (`apollographql-client-name` / `-version`) and picks one of several operations, so that usage
 * reporting sees the traffic of many clients and operations, as it would in production.
 *
 * Request k goes as client `k mod clients` and operation `floor(k / clients) mod operations`:
 * every (client, operation) pair gets traffic, evenly.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { quantile } from './load-generator.mjs';

const requireFromGateway = createRequire(
  new URL('../../../packages/gateway/package.json', import.meta.url),
);
const { Pool } = await import(pathToFileURL(requireFromGateway.resolve('undici')).href);

let requestCounter = 0;

/** `count` clients: names `client-00`.., each name with `versions` versions (`1.0.0`, `1.1.0`..). */
export function benchClients(count, versions = 2) {
  return Array.from({ length: count }, (_, i) => ({
    name: `client-${String(Math.floor(i / versions)).padStart(2, '0')}`,
    version: `1.${i % versions}.0`,
  }));
}

/**
 * Runs `connections` loops for `seconds` against `origin` + `path`, request k with client
 * `clients[k % clients.length]` and body `payloads[floor(k / clients.length) % payloads.length]`
 * (JSON strings). `check(text)` runs on one 200 answer in 100 (see `load-generator.mjs`).
 * Resolves with `answered` (every response read), `ok` (of those, HTTP 200: what a gateway counts
 * as an operation), `errors`, RPS and latencies (ms: p50, p90, p99, max, mean).
 */
export async function runMixedLoad({
  origin,
  path,
  payloads,
  clients,
  connections,
  seconds,
  check,
}) {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies = [];
  let ok = 0;
  let errors = 0;
  let firstError;
  let k = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  async function loop() {
    while (performance.now() < deadline) {
      const n = k++;
      const client = clients[n % clients.length];
      const payload = payloads[Math.floor(n / clients.length) % payloads.length];
      const t0 = performance.now();
      try {
        const { statusCode, body } = await pool.request({
          method: 'POST',
          path,
          headers: {
            'content-type': 'application/json',
            'x-bench-request': String(++requestCounter),
            'apollographql-client-name': client.name,
            'apollographql-client-version': client.version,
          },
          body: payload,
        });
        const text = await body.text();
        latencies.push(performance.now() - t0);
        if (statusCode === 200) ok++;
        const problem =
          statusCode !== 200
            ? `HTTP ${statusCode}: ${text.slice(0, 200)}`
            : latencies.length % 100 === 0
              ? check?.(text)
              : undefined;
        if (problem !== undefined) {
          errors++;
          firstError ??= problem;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  }

  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, value) => sum + value, 0) / (latencies.length || 1);
  return {
    answered: latencies.length,
    ok,
    errors,
    firstError,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p90: quantile(latencies, 0.9),
      p99: quantile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
      mean,
    },
  };
}

/** One request as `client`; resolves with status and body text (sanity checks). */
export async function sendOnce({ origin, path, payload, client }) {
  const pool = new Pool(origin, { connections: 1 });
  try {
    const { statusCode, body } = await pool.request({
      method: 'POST',
      path,
      headers: {
        'content-type': 'application/json',
        'x-bench-request': String(++requestCounter),
        'apollographql-client-name': client.name,
        'apollographql-client-version': client.version,
      },
      body: payload,
    });
    return { status: statusCode, text: await body.text() };
  } finally {
    await pool.close();
  }
}
