/**
 * `createRegistry`: the registry's HTTP server on `node:http`. It routes `/api/v1` requests to
 * the `RegistryService`, serves supergraphs to gateways (native route and Apollo Uplink at
 * `/uplink`), and answers `/health` and `/ready`.
 *
 * Every `/api/v1` request goes through the same steps, in this order: route lookup (404 before
 * anything else, so unknown paths cost nothing), the key (401), the key's rate limit (429), then
 * the handler, which reads the body only if it needs one (413 past `maxBodySize`). Errors from
 * any step are turned into answers by `toErrorAnswer`, the one place that does it.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphRef } from '@orrery/registry-client';
import type { Actor, RegistryService } from '../service/types.js';
import { handleUplink } from '../uplink/handler.js';
import { readApiKey } from './auth.js';
import { parseJsonObject, readBody, type JsonObject } from './body.js';
import { createDeliveryCache } from './delivery-cache.js';
import { HttpError, toErrorAnswer } from './errors.js';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createRouter } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { checkRoutes } from './routes/checks.js';
import { launchRoutes } from './routes/launches.js';
import { checkName } from './routes/names.js';
import { subgraphRoutes } from './routes/subgraphs.js';
import { supergraphRoutes } from './routes/supergraph.js';
import { usageRoutes } from './routes/usage.js';
import { variantRoutes } from './routes/variants.js';
import type { Answer, Handler, RequestContext, RouteDeps, RouteOptions } from './types.js';

/** See `RegistryOptions.deliveryCacheMs`. */
export const DEFAULT_DELIVERY_CACHE_MS = 1000;
/** How long `close()` lets in-flight requests finish before cutting their connections. */
const CLOSE_GRACE_MS = 10_000;

/** 5 MiB: a very large subgraph SDL is a few hundred KiB. */
export const DEFAULT_MAX_BODY_SIZE = 5 * 1024 * 1024;
/** Seconds between gateway polls advertised to gateways (Apollo's Uplink minimum is 10). */
export const DEFAULT_POLL_INTERVAL_SECONDS = 10;

export interface RegistryOptions {
  readonly service: RegistryService;
  /** Largest request body in bytes (default 5 MiB); larger ones get `413 PAYLOAD_TOO_LARGE`. */
  readonly maxBodySize?: number;
  /** The poll interval gateways are told to use, in seconds (default 10). */
  readonly pollIntervalSeconds?: number;
  /**
   * Per-key token bucket (default 100 requests/s, bursts of 200); `false` turns it off (for
   * benchmarks). Past it: `429 RATE_LIMITED` with `Retry-After`.
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Readiness probe for `/ready`: resolves when the database answers and migrations ran,
   * rejects otherwise. Without it `/ready` only says the process is serving.
   */
  readonly ready?: () => Promise<void>;
  /**
   * How long the delivery routes (supergraph, `/uplink`) may reuse a verified key and a served
   * supergraph, in ms (default 1000; 0 turns it off). A launch made by another registry
   * process, or a key revoked there, is seen by plain polls within this time; long-polls are
   * woken by the launch itself. See `delivery-cache.ts`.
   */
  readonly deliveryCacheMs?: number;
  /** What `/health` reports besides `status` (version, storage kind). */
  readonly info?: Readonly<Record<string, string>>;
  /** Receives a line for every unexpected error (a 500); defaults to `console.error`. */
  readonly log?: (message: string) => void;
}

export interface Registry {
  readonly server: Server;
  /** Listens on `port` (0 for any free one) and `host` (default `127.0.0.1`). */
  listen(port: number, host?: string): Promise<{ readonly port: number; readonly url: string }>;
  /** Ends long-polls, stops accepting connections and waits for in-flight requests. */
  close(): Promise<void>;
}

/**
 * Creates the registry's HTTP server around a service.
 *
 * @example
 * const registry = createRegistry({ service });
 * const { url } = await registry.listen(4100, '0.0.0.0');
 */
export function createRegistry(options: RegistryOptions): Registry {
  const { service } = options;
  const maxBodySize = options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE;
  const pollIntervalSeconds = options.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  const log = options.log ?? ((message: string) => console.error(message));
  const limiter: RateLimiter | undefined =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? {});
  const logError = (error: unknown): void =>
    log(
      `orrery registry: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );

  const router = createRouter<{ handler: Handler; options: RouteOptions }>();
  const longPolls = { waiting: 0 };
  const cache = createDeliveryCache(service, options.deliveryCacheMs ?? DEFAULT_DELIVERY_CACHE_MS);
  const deps: RouteDeps = { service, pollIntervalSeconds, cache, longPolls };
  const add = (
    method: string,
    pattern: string,
    handler: Handler,
    routeOptions: RouteOptions = {},
  ) => router.add(method, pattern, { handler, options: routeOptions });
  variantRoutes(add, deps);
  subgraphRoutes(add, deps);
  launchRoutes(add, deps);
  supergraphRoutes(add, deps);
  adminRoutes(add, deps);
  usageRoutes(add, deps);
  checkRoutes(add, deps);

  /** Requests in flight, so `close()` can end long-polls instead of waiting a minute. */
  const inFlight = new Set<AbortController>();
  let closing = false;

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));

    if (path === '/health') {
      const status = { status: 'ok', ...options.info, longPolls: longPolls.waiting };
      return write(req, res, { status: 200, json: status }, closing);
    }
    if (path === '/ready') return write(req, res, await readiness(), closing);
    if (path === '/uplink') {
      if (method !== 'POST') {
        throw new HttpError('BAD_REQUEST', 'POST a GraphQL request to /uplink.', { allow: 'POST' });
      }
      const body = await readBody(req, maxBodySize);
      const answer = await handleUplink(body, { cache, pollIntervalSeconds, limiter, logError });
      return write(req, res, answer, closing);
    }

    const found = router.match(method, path);
    if (found === undefined) {
      throw new HttpError('NOT_FOUND', `There is no route ${method} ${path}.`);
    }
    if (found.kind === 'bad-path') {
      throw new HttpError('BAD_REQUEST', `The path ${path} is not valid percent-encoding.`);
    }
    if (found.kind === 'method-not-allowed') {
      // No 405 code in the API's error set: a wrong method is a malformed request.
      throw new HttpError(
        'BAD_REQUEST',
        `${path} does not accept ${method}; use ${found.allowed.join(' or ')}.`,
        { allow: found.allowed.join(', ') },
      );
    }

    const { handler, options: routeOptions } = found.handler;
    const actor = await authenticate(req, routeOptions.delivery === true);
    if (limiter !== undefined) {
      const decision = limiter.take(actor.keyId ?? `name:${actor.name}`);
      if (!decision.allowed) {
        throw new HttpError('RATE_LIMITED', 'Too many requests for this key; slow down.', {
          'retry-after': String(decision.retryAfterSeconds),
        });
      }
    }

    let body: JsonObject | undefined;
    const ctx: RequestContext = {
      method,
      path,
      query,
      params: found.params,
      headers: req.headers,
      actor,
      signal,
      async json() {
        body ??= parseJsonObject(await readBody(req, maxBodySize));
        return body;
      },
      ref(): GraphRef {
        return {
          graph: checkName(found.params, 'graph'),
          variant: checkName(found.params, 'variant'),
        };
      },
    };
    const answer = await handler(ctx);
    // A write may have launched: plain polls through this process see it at once.
    if (method !== 'GET' && method !== 'HEAD' && routeOptions.keepsDeliveryCache !== true) {
      cache.clearSupergraphs();
    }
    write(req, res, answer, closing);
  };

  const authenticate = async (req: IncomingMessage, delivery: boolean): Promise<Actor> => {
    const key = readApiKey(req.headers);
    if (key === undefined) {
      throw new HttpError(
        'UNAUTHENTICATED',
        'An API key is required: send "Authorization: Bearer <key>" or "x-api-key: <key>".',
      );
    }
    const actor = delivery ? await cache.authenticate(key) : await service.authenticate(key);
    if (actor === null) {
      throw new HttpError('UNAUTHENTICATED', 'The API key is unknown or has been revoked.');
    }
    return actor;
  };

  const readiness = async (): Promise<Answer> => {
    if (closing) throw new HttpError('UNAVAILABLE', 'The registry is shutting down.');
    try {
      await options.ready?.();
    } catch (error) {
      log(`orrery registry: not ready: ${error instanceof Error ? error.message : String(error)}`);
      throw new HttpError('UNAVAILABLE', 'The registry cannot reach its database.');
    }
    return { status: 200, json: { status: 'ready' } };
  };

  const server = createServer((req, res) => {
    const controller = new AbortController();
    inFlight.add(controller);
    // A client that goes away mid-request (a gateway restarting during a long-poll) aborts it.
    res.once('close', () => {
      inFlight.delete(controller);
      if (!res.writableFinished) controller.abort();
    });
    handle(req, res, controller.signal).catch((error: unknown) => {
      const answer = toErrorAnswer(error, logError);
      const { status, body, headers } = answer;
      write(req, res, { status, json: body, headers }, closing);
    });
  });
  // Above common load-balancer idle timeouts, so the balancer closes idle connections first.
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    async close() {
      closing = true;
      // Parked long-polls answer 304 at once; their answers (and every other one from now on)
      // carry `connection: close`, so no keep-alive connection holds the close open.
      for (const controller of inFlight) controller.abort();
      if (!server.listening) return;
      await new Promise<void>((resolve, reject) => {
        // A last resort for requests stuck elsewhere (a slow database): cut them after a grace.
        const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        grace.unref();
        server.close((error) => {
          clearTimeout(grace);
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

/** Writes an answer (no body for HEAD, 204 and 304); `closing` ends the connection after it. */
function write(req: IncomingMessage, res: ServerResponse, answer: Answer, closing: boolean): void {
  if (res.headersSent || res.destroyed) return;
  let body: string | undefined;
  const headers: Record<string, string | number> = {};
  if ('json' in answer) {
    body = JSON.stringify(answer.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if ('text' in answer) {
    body = answer.text;
    headers['content-type'] = 'text/plain; charset=utf-8';
  }
  Object.assign(headers, answer.headers);
  if (closing) headers.connection = 'close';
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  res.writeHead(answer.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
