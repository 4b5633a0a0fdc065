/**
 * What route handlers see and return. A handler gets the authenticated actor, its path
 * parameters and lazy access to the body, and returns an `Answer`; writing it (and any error)
 * to the socket happens in one place (`create-registry.ts`).
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphRef } from '@orrery/registry-client';
import type { Actor, RegistryService } from '../service/types.js';
import type { JsonObject } from './body.js';
import type { DeliveryCache } from './delivery-cache.js';
import type { Params } from './router.js';

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Params;
  readonly headers: IncomingHttpHeaders;
  readonly actor: Actor;
  /** Aborted when the client disconnects or the registry closes (ends long-polls). */
  readonly signal: AbortSignal;
  /** The body as a JSON object (size-limited, parsed once). */
  json(): Promise<JsonObject>;
  /** `:graph` and `:variant` as a ref (both validated as names). */
  ref(): GraphRef;
}

/** What a handler answers: JSON, plain text, or nothing (204, 304). */
export type Answer =
  | {
      readonly status: number;
      readonly json: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | {
      readonly status: number;
      readonly text: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>> };

export type Handler = (ctx: RequestContext) => Promise<Answer>;

/** What route modules need besides the request: the service and delivery settings. */
export interface RouteDeps {
  readonly service: RegistryService;
  /** Seconds a gateway should wait between polls (`x-orrery-poll-interval`). */
  readonly pollIntervalSeconds: number;
  /** The delivery hot path's micro-cache (keys and served supergraphs). */
  readonly cache: DeliveryCache;
  /** Long-polls parked right now (reported by `/health`, so operators see the fleet waiting). */
  readonly longPolls: { waiting: number };
}

/** How a route is served. */
export interface RouteOptions {
  /**
   * A supergraph delivery route, polled by gateway fleets: its key is checked through the
   * delivery cache (see `delivery-cache.ts`).
   */
  readonly delivery?: boolean;
  /**
   * A write that never changes what is served (usage reports, sent every few seconds by every
   * gateway): it leaves the delivery cache alone instead of clearing it.
   */
  readonly keepsDeliveryCache?: boolean;
}

/** Registers routes: `add('GET', '/api/v1/graphs', handler)`. */
export type AddRoute = (
  method: string,
  pattern: string,
  handler: Handler,
  options?: RouteOptions,
) => void;
