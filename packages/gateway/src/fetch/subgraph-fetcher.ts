/**
 * Subgraph HTTP: every request goes through an undici `Dispatcher`, by default one keep-alive
 * `Pool` per subgraph; tests pass a `MockAgent` as `dispatcher`. A response body is read as text
 * once and parsed once. Failures become a {@link SubgraphRequestError} (never an unhandled
 * rejection): the executor turns them into GraphQL errors for the fields the fetch owns.
 *
 * @module
 */
import { STATUS_CODES } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import { SubgraphRequestError, type GraphQLErrorJson } from '../errors.js';

/** A parsed subgraph response (only its `data` and `errors` are used). */
export interface SubgraphResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLErrorJson[];
  /** The HTTP response headers (lower-case names), for plugins that pass some back to clients. */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/** One outgoing subgraph request, as plugins see it. */
export interface SubgraphRequest {
  readonly serviceName: string;
  readonly url: string;
  /** The JSON body (`{"query":...,"operationName":...,"variables":...}`), already serialised. */
  readonly body: string;
  /** Extra headers for this request (added by plugins such as header propagation). */
  readonly headers: Record<string, string>;
}

/** Sends one subgraph request; rejects only with {@link SubgraphRequestError}. */
export type SubgraphFetch = (request: SubgraphRequest) => Promise<SubgraphResponse>;

export interface SubgraphFetcherOptions {
  /**
   * Sends every request (tests pass undici's `MockAgent`). Default: one `Pool` per subgraph
   * origin with keep-alive, created on first use.
   */
  readonly dispatcher?: Dispatcher;
  /**
   * How long a subgraph may take to answer, in ms (default 30 000). Guards the gateway's
   * sockets and memory against a subgraph that hangs; the fields it owns come back null.
   */
  readonly timeoutMs?: number;
  /** Per-subgraph timeouts, by subgraph name, overriding `timeoutMs`. */
  readonly timeouts?: Readonly<Record<string, number>>;
  /** Connections per subgraph pool (default 128). */
  readonly connections?: number;
}

/** A fetcher with the pools it owns. */
export interface SubgraphFetcher {
  readonly fetch: SubgraphFetch;
  /** Closes the pools it created (not a `dispatcher` it was given). */
  close(): Promise<void>;
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 30_000;

const BASE_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

/** Creates the fetcher a gateway uses for every subgraph request. */
export function createSubgraphFetcher(options: SubgraphFetcherOptions = {}): SubgraphFetcher {
  const pools = new Map<string, Pool>();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const connections = options.connections ?? 128;
  const parsedUrls = new Map<string, { origin: string; path: string }>();

  const target = (url: string): { origin: string; path: string } => {
    let parsed = parsedUrls.get(url);
    if (!parsed) {
      const u = new URL(url);
      parsed = { origin: u.origin, path: `${u.pathname}${u.search}` };
      parsedUrls.set(url, parsed);
    }
    return parsed;
  };

  const dispatcherFor = (origin: string): Dispatcher => {
    if (options.dispatcher) return options.dispatcher;
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections, keepAliveTimeout: 30_000, pipelining: 1 });
      pools.set(origin, pool);
    }
    return pool;
  };

  const fetch: SubgraphFetch = async (request) => {
    const { serviceName } = request;
    const { origin, path } = target(request.url);
    const limit = options.timeouts?.[serviceName] ?? timeoutMs;
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, limit);
    let status: number;
    let text: string;
    let headers: SubgraphResponse['headers'];
    try {
      const response = await dispatcherFor(origin).request({
        origin,
        path,
        method: 'POST',
        headers: hasKeys(request.headers) ? { ...BASE_HEADERS, ...request.headers } : BASE_HEADERS,
        body: request.body,
        signal: abort.signal,
      });
      status = response.statusCode;
      headers = response.headers;
      text = await response.body.text();
    } catch (error) {
      if (timedOut) {
        throw new SubgraphRequestError(
          serviceName,
          'timeout',
          `Subgraph "${serviceName}" did not answer within ${limit} ms`,
          { cause: error },
        );
      }
      throw new SubgraphRequestError(
        serviceName,
        'request',
        `HTTP fetch failed from "${serviceName}": ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
    const parsed = parseResponse(serviceName, status, text);
    // The parsed body is a fresh object of our own: attaching the headers costs no copy.
    (parsed as { headers?: SubgraphResponse['headers'] }).headers = headers;
    return parsed;
  };

  return {
    fetch,
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}

function hasKeys(record: Record<string, string>): boolean {
  for (const _ in record) return true;
  return false;
}

/**
 * A GraphQL response out of a body: 2xx must be a GraphQL response; other statuses are accepted
 * when they carry one (GraphQL over HTTP answers 4xx with `errors`), else they are HTTP errors.
 */
function parseResponse(serviceName: string, status: number, text: string): SubgraphResponse {
  const ok = status >= 200 && status < 300;
  const httpError = (): SubgraphRequestError =>
    new SubgraphRequestError(
      serviceName,
      'request',
      `HTTP fetch failed from "${serviceName}": ${status}: ${STATUS_CODES[status] ?? 'Unknown'}`,
      { status },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (!ok) throw httpError();
    throw new SubgraphRequestError(
      serviceName,
      'invalid-response',
      `Invalid response from "${serviceName}": the body is not JSON`,
      { cause: error, status },
    );
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !('data' in parsed || 'errors' in parsed)
  ) {
    if (!ok) throw httpError();
    throw new SubgraphRequestError(
      serviceName,
      'invalid-response',
      `Invalid response from "${serviceName}": not a GraphQL response (no "data" or "errors")`,
      { status },
    );
  }
  const response = parsed as { data?: unknown; errors?: unknown };
  const data = response.data;
  const errors = response.errors;
  if (
    (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) ||
    (errors !== undefined && !Array.isArray(errors))
  ) {
    throw new SubgraphRequestError(
      serviceName,
      'invalid-response',
      `Invalid response from "${serviceName}": "data" must be an object and "errors" a list`,
      { status },
    );
  }
  return response as SubgraphResponse;
}
