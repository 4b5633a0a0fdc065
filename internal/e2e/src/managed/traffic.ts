/**
 * A client that keeps querying gateways for the whole of a fault test, and counts what failed:
 * a transport error, a non-200 status, or a response with `errors` or without the expected data.
 *
 * @module
 */
import { Pool } from 'undici';

export interface TrafficReport {
  readonly sent: number;
  readonly failed: number;
  /** The first few failures, for the assertion message. */
  readonly failures: readonly string[];
}

export interface Traffic {
  /** Stops sending and resolves with the counts once in-flight requests finish. */
  stop(): Promise<TrafficReport>;
  /** Requests sent so far. */
  readonly sent: number;
  /** Changes the gateways in rotation (a load balancer draining one before a restart). */
  setGateways(urls: readonly string[]): void;
}

export interface TrafficOptions {
  /** Gateway base URLs (`http://127.0.0.1:4000`); each worker cycles through them. */
  readonly gateways: readonly string[];
  readonly query: string;
  /** Checks a successful response's `data`; return a reason to count it as failed. */
  readonly check?: (data: unknown) => string | undefined;
  /** `stop()` waits until at least this many requests were sent (default 20). */
  readonly minRequests?: number;
  /** Concurrent workers (default 4). */
  readonly concurrency?: number;
}

export function startTraffic(options: TrafficOptions): Traffic {
  const allPools = new Map<string, Pool>();
  const poolFor = (url: string): Pool => {
    let pool = allPools.get(url);
    if (!pool) allPools.set(url, (pool = new Pool(url, { connections: 8 })));
    return pool;
  };
  let pools = options.gateways.map(poolFor);
  const body = JSON.stringify({ query: options.query });
  let running = true;
  let sent = 0;
  let failed = 0;
  const failures: string[] = [];
  const fail = (why: string) => {
    failed += 1;
    if (failures.length < 10) failures.push(why);
  };

  const worker = async (offset: number): Promise<void> => {
    for (let i = offset; running; i++) {
      const pool = pools[i % pools.length]!;
      sent += 1;
      try {
        const response = await pool.request({
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body,
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200) {
          fail(`${response.statusCode}: ${text.slice(0, 200)}`);
          continue;
        }
        const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
        if (json.errors?.length) {
          fail(`errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
          continue;
        }
        const problem = options.check?.(json.data);
        if (problem) fail(problem);
      } catch (error) {
        fail(`transport: ${(error as Error).message}`);
      }
      // Yield so timers (polls, swaps) run between requests on this loaded process.
      await new Promise((r) => setImmediate(r));
    }
  };
  const workers = Array.from({ length: options.concurrency ?? 4 }, (_, i) => worker(i));

  return {
    get sent() {
      return sent;
    },
    setGateways(urls) {
      pools = urls.map(poolFor);
    },
    async stop() {
      // A loaded machine may have sent only a handful: keep going until the minimum, so that a
      // zero-failure report always covers real traffic.
      while (sent < (options.minRequests ?? 20)) await new Promise((r) => setTimeout(r, 20));
      running = false;
      await Promise.all(workers);
      await Promise.all([...allPools.values()].map((p) => p.close()));
      return { sent, failed, failures };
    },
  };
}
