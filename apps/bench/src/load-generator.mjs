/**
 * A small closed-loop HTTP load generator on undici: `connections` loops, each sending its next
 * GraphQL POST as soon as the previous answer is read, for a fixed time. Every request carries a
 * unique `x-bench-request` header so nothing can merge identical in-flight requests.
 *
 * undici is not a dependency of apps/bench (package.json stays as it is); it is resolved from
 * `@orrery/gateway`, which depends on it.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const requireFromGateway = createRequire(
  new URL('../../../packages/gateway/package.json', import.meta.url),
);
const { Pool } = await import(pathToFileURL(requireFromGateway.resolve('undici')).href);

let requestCounter = 0;

/** The `p` quantile (0-1) of sorted values, nearest rank. */
export function quantile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index];
}

/** One POST; resolves with status and body text. */
export async function postGraphQL(pool, path, payload) {
  const { statusCode, body } = await pool.request({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', 'x-bench-request': String(++requestCounter) },
    body: payload,
  });
  return { status: statusCode, text: await body.text() };
}

/**
 * Runs `connections` loops for `seconds` against `origin` + `path`.
 * `check(text)` is called on one response in 100 (and on every non-200) to catch errors that a
 * 200 can still carry; it returns an error message or undefined.
 * Resolves with requests, errors, RPS, latencies (ms: p50, p90, p99, max, mean) and bytes.
 */
export async function runLoad({ origin, path, body, connections, seconds, check }) {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const payload = JSON.stringify(body);
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
        const { status, text } = await postGraphQL(pool, path, payload);
        latencies.push(performance.now() - t0);
        bytes += text.length;
        const problem =
          status !== 200
            ? `HTTP ${status}: ${text.slice(0, 200)}`
            : latencies.length % 100 === 0
              ? check?.(text)
              : undefined;
        if (problem !== undefined) {
          errors += 1;
          firstError ??= problem;
        }
      } catch (error) {
        errors += 1;
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
    requests: latencies.length,
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
    bytesPerResponse: latencies.length > 0 ? bytes / latencies.length : 0,
  };
}

/** A one-off request, for checks. */
export async function requestOnce(origin, path, body) {
  const pool = new Pool(origin, { connections: 1 });
  try {
    return await postGraphQL(pool, path, JSON.stringify(body));
  } finally {
    await pool.close();
  }
}
