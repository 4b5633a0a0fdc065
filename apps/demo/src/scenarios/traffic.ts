/**
 * The background client of every scenario: it queries the gateways every ~50 ms for the whole
 * scenario and counts what came back. A request fails when it cannot be sent or answered, when
 * the status is not 200, when the response has GraphQL `errors`, or when the scenario's check
 * finds the data wrong (a headline without its product name, say).
 *
 * The same idea as the managed-mode fault tests' client (internal/e2e), kept small: one request
 * per tick, rotating over the gateways, at most a few in flight.
 */
import { Pool } from 'undici';

export interface TrafficReport {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  /** Failed requests whose response carried GraphQL `errors`. */
  readonly graphqlErrors: number;
  /** The first few failures, to say why. */
  readonly failures: readonly string[];
}

export interface TrafficQuery {
  readonly query: string;
  /** Returns why a successful response's `data` is wrong, or undefined when it is right. */
  readonly check?: (data: unknown) => string | undefined;
}

export interface Traffic {
  /** Counts so far. */
  report(): TrafficReport;
  /** Changes the query (a client's new version); requests already sent keep the old one. */
  setQuery(query: TrafficQuery): void;
  /** Changes the gateways in rotation (base URLs; a load balancer draining one). */
  setGateways(urls: readonly string[]): void;
  /** Changes the headers sent along (the client's name and version). */
  setHeaders(headers: Readonly<Record<string, string>>): void;
  /** Stops sending; resolves with the counts once in-flight requests are answered. */
  stop(): Promise<TrafficReport>;
}

export interface TrafficOptions extends TrafficQuery {
  /** Gateway base URLs (`http://127.0.0.1:4200`). */
  readonly gateways: readonly string[];
  /** Sent with every request (client name and version, for usage reporting). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly intervalMs?: number;
}

const MAX_IN_FLIGHT = 4;

export function startTraffic(options: TrafficOptions): Traffic {
  const pools = new Map<string, Pool>();
  const poolFor = (url: string): Pool => {
    let pool = pools.get(url);
    if (!pool) pools.set(url, (pool = new Pool(url, { connections: MAX_IN_FLIGHT })));
    return pool;
  };
  let targets = [...options.gateways];
  let current: TrafficQuery = {
    query: options.query,
    ...(options.check && { check: options.check }),
  };
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let graphqlErrors = 0;
  let inFlight = 0;
  let headers = { ...options.headers };
  const failures: string[] = [];
  const pending = new Set<Promise<void>>();
  const fail = (why: string) => {
    failed += 1;
    if (failures.length < 5) failures.push(why);
  };

  const send = async (url: string, query: TrafficQuery): Promise<void> => {
    try {
      const response = await poolFor(url).request({
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...headers,
        },
        body: JSON.stringify({ query: query.query }),
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200)
        return fail(`${url}: HTTP ${response.statusCode} ${text.slice(0, 200)}`);
      const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
      if (json.errors?.length) {
        graphqlErrors += 1;
        return fail(`${url}: ${json.errors.map((e) => e.message).join('; ')}`.slice(0, 300));
      }
      const problem = query.check?.(json.data);
      if (problem) return fail(`${url}: ${problem}`);
      ok += 1;
    } catch (error) {
      fail(`${url}: ${(error as Error).message}`);
    }
  };

  let turn = 0;
  const timer = setInterval(() => {
    // A gateway that stopped answering must not pile up requests: skip the tick instead.
    if (inFlight >= MAX_IN_FLIGHT || targets.length === 0) return;
    const url = targets[turn++ % targets.length]!;
    sent += 1;
    inFlight += 1;
    const request = send(url, current).finally(() => {
      inFlight -= 1;
      pending.delete(request);
    });
    pending.add(request);
  }, options.intervalMs ?? 50);

  const report = (): TrafficReport => ({
    sent,
    ok,
    failed,
    graphqlErrors,
    failures: [...failures],
  });
  return {
    report,
    setQuery(query) {
      current = query;
    },
    setGateways(urls) {
      targets = [...urls];
    },
    setHeaders(next) {
      headers = { ...next };
    },
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
      await Promise.all([...pools.values()].map((p) => p.close()));
      return report();
    },
  };
}
