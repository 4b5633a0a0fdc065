/**
 * `createRegistryClient`: one typed method per route of `docs/registry-api.md`.
 *
 * @module
 */
import type { Dispatcher } from 'undici';
import { RegistryBadResponseError } from './errors.js';
import { parseGraphRef } from './graph-ref.js';
import {
  createTransport,
  header,
  readJson,
  type RawResponse,
  type RetryEvent,
} from './transport.js';
import {
  SUPERGRAPH_HEADERS,
  type AuditEntry,
  type CreateKeyRequest,
  type CreateKeyResponse,
  type CreateVariantRequest,
  type CreateVariantResponse,
  type CreateWebhookRequest,
  type CreateWebhookResponse,
  type DeleteSubgraphResponse,
  type GraphRef,
  type GraphSummary,
  type KeySummary,
  type Launch,
  type LaunchList,
  type PublishRequest,
  type PublishResponse,
  type RestoreSubgraphRequest,
  type SubgraphDetail,
  type SubgraphRevision,
  type SubgraphSummary,
  type SupergraphResponse,
  type VariantSummary,
  type WebhookDelivery,
  type WebhookSummary,
  type WhoAmI,
} from './wire.js';
import type {
  CheckList,
  CheckRequest,
  CheckResult,
  UsageIngestResponse,
  UsageReport,
  UsageView,
} from './wire-usage.js';

export interface RegistryClientOptions {
  /** The registry's base URL: `http://localhost:4100`. */
  readonly url: string;
  /** An API key (`orr_...`), sent as `Authorization: Bearer`. */
  readonly key?: string | undefined;
  /** How long one attempt may take, in ms (a long-poll adds its wait). Default 30 000. */
  readonly timeoutMs?: number | undefined;
  /**
   * Retries of an idempotent call (GET, PUT, DELETE) after a network error, a timeout, a 5xx or a
   * 429. POSTs (publish, restore, key and webhook creation) are never retried. Default 2.
   */
  readonly retries?: number | undefined;
  /** An undici dispatcher (a pool, a proxy agent, a mock); undici's global one by default. */
  readonly dispatcher?: Dispatcher | undefined;
  /** First backoff delay in ms (doubled per retry, with full jitter). Default 250. */
  readonly retryBaseDelayMs?: number | undefined;
  /** Cap of one backoff delay in ms. Default 5 000. */
  readonly retryMaxDelayMs?: number | undefined;
  /** A `Retry-After` longer than this (ms) is not waited for; the error is thrown. Default 60 000. */
  readonly maxRetryAfterMs?: number | undefined;
  /** Sent as `user-agent`. */
  readonly userAgent?: string | undefined;
  /** Called before each retry. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Per-call options every method accepts. */
export interface RegistryCallOptions {
  /** Aborts the call (and any retry wait); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** A graph ref as an object or as text (`graph@variant`, or `graph` for `graph@current`). */
export type GraphRefInput = GraphRef | string;

export interface GetSupergraphOptions extends RegistryCallOptions {
  /** The ETag (or bare hash) of the supergraph the caller has: answered `unchanged` if current. */
  readonly ifNoneMatch?: string | undefined;
  /**
   * Long-poll: with `ifNoneMatch`, let the registry hold the request up to this many seconds
   * (0-60) until a new launch is served. The call's timeout grows by the same amount.
   */
  readonly waitSeconds?: number | undefined;
  /** The supergraph of this (successful) launch instead of the served one. */
  readonly launchId?: number | undefined;
}

/** What a supergraph fetch found. */
export type SupergraphFetchResult =
  | {
      readonly status: 'unchanged';
      /** The registry's hint for the next poll, when it sent one. */
      readonly pollIntervalSeconds?: number;
    }
  | {
      readonly status: 'updated';
      readonly supergraphSdl: string;
      readonly launchId: number;
      /** sha256 of the SDL, hex. */
      readonly hash: string;
      /** The ETag to send as `ifNoneMatch` next time. */
      readonly etag: string;
      readonly pollIntervalSeconds: number | undefined;
    };

export interface RegistryClient {
  /** The base URL calls go to. */
  readonly url: string;

  listGraphs(options?: RegistryCallOptions): Promise<GraphSummary[]>;
  listVariants(graph: string, options?: RegistryCallOptions): Promise<VariantSummary[]>;
  getVariant(ref: GraphRefInput, options?: RegistryCallOptions): Promise<VariantSummary>;
  createVariant(
    ref: GraphRefInput,
    request: CreateVariantRequest,
    options?: RegistryCallOptions,
  ): Promise<CreateVariantResponse>;
  deleteVariant(ref: GraphRefInput, options?: RegistryCallOptions): Promise<void>;

  listSubgraphs(ref: GraphRefInput, options?: RegistryCallOptions): Promise<SubgraphSummary[]>;
  getSubgraph(
    ref: GraphRefInput,
    name: string,
    options?: RegistryCallOptions,
  ): Promise<SubgraphDetail>;
  listRevisions(
    ref: GraphRefInput,
    name: string,
    options?: RegistryCallOptions,
  ): Promise<SubgraphRevision[]>;
  publishSubgraph(
    ref: GraphRefInput,
    name: string,
    request: PublishRequest,
    options?: RegistryCallOptions,
  ): Promise<PublishResponse>;
  deleteSubgraph(
    ref: GraphRefInput,
    name: string,
    options?: RegistryCallOptions,
  ): Promise<DeleteSubgraphResponse>;
  restoreSubgraph(
    ref: GraphRefInput,
    name: string,
    request?: RestoreSubgraphRequest,
    options?: RegistryCallOptions,
  ): Promise<PublishResponse>;

  listLaunches(
    ref: GraphRefInput,
    options?: RegistryCallOptions & { limit?: number | undefined; before?: number | undefined },
  ): Promise<LaunchList>;
  getLaunch(ref: GraphRefInput, id: number, options?: RegistryCallOptions): Promise<Launch>;
  /** The served supergraph SDL with ETag / If-None-Match / long-poll support. */
  getSupergraph(ref: GraphRefInput, options?: GetSupergraphOptions): Promise<SupergraphFetchResult>;
  /** The served supergraph (or a launch's) as JSON, with the API schema. */
  getSupergraphDetail(
    ref: GraphRefInput,
    options?: RegistryCallOptions & { launchId?: number | undefined },
  ): Promise<SupergraphResponse>;

  /**
   * The key this client sends, as the registry sees it: id, name, role and scope. Any role may
   * ask; an unknown or revoked key (or none) is a `RegistryApiError` with code `UNAUTHENTICATED`.
   */
  whoami(options?: RegistryCallOptions): Promise<WhoAmI>;
  createKey(request: CreateKeyRequest, options?: RegistryCallOptions): Promise<CreateKeyResponse>;
  listKeys(options?: RegistryCallOptions): Promise<KeySummary[]>;
  revokeKey(id: string, options?: RegistryCallOptions): Promise<void>;

  createWebhook(
    ref: GraphRefInput,
    request: CreateWebhookRequest,
    options?: RegistryCallOptions,
  ): Promise<CreateWebhookResponse>;
  listWebhooks(ref: GraphRefInput, options?: RegistryCallOptions): Promise<WebhookSummary[]>;
  deleteWebhook(ref: GraphRefInput, id: string, options?: RegistryCallOptions): Promise<void>;
  listWebhookDeliveries(
    ref: GraphRefInput,
    id: string,
    options?: RegistryCallOptions,
  ): Promise<WebhookDelivery[]>;

  listAudit(
    options?: RegistryCallOptions & { graph?: string | undefined; limit?: number | undefined },
  ): Promise<AuditEntry[]>;

  /** Sends a gateway's usage report (never retried: a report is not idempotent). */
  reportUsage(
    ref: GraphRefInput,
    report: UsageReport,
    options?: RegistryCallOptions,
  ): Promise<UsageIngestResponse>;
  /** Who used a coordinate in a period (`period` as `7d`, `12h`, `30m`; default 7d). */
  getCoordinateUsage(
    ref: GraphRefInput,
    coordinate: string,
    options?: RegistryCallOptions & UsageQueryOptions,
  ): Promise<UsageView>;
  /** The most used operations in a period. */
  listOperationUsage(
    ref: GraphRefInput,
    options?: RegistryCallOptions & UsageQueryOptions & { limit?: number | undefined },
  ): Promise<UsageView>;

  /** Runs a schema check of a proposed subgraph (never changes the graph). */
  runCheck(
    ref: GraphRefInput,
    request: CheckRequest,
    options?: RegistryCallOptions,
  ): Promise<CheckResult>;
  listChecks(
    ref: GraphRefInput,
    options?: RegistryCallOptions & { limit?: number | undefined; before?: number | undefined },
  ): Promise<CheckList>;
  getCheck(ref: GraphRefInput, id: number, options?: RegistryCallOptions): Promise<CheckResult>;
}

/** Period and variants of a usage query. */
export interface UsageQueryOptions {
  /** `7d`, `12h`, `30m` or a number of seconds. Default `7d`. */
  readonly period?: string | number | undefined;
  /** Variants of the same graph whose traffic to read; default the ref's variant. */
  readonly variants?: readonly string[] | undefined;
}

const API = '/api/v1';
const enc = encodeURIComponent;

function toRef(ref: GraphRefInput): GraphRef {
  return typeof ref === 'string' ? parseGraphRef(ref) : ref;
}

function variantPath(ref: GraphRefInput): string {
  const { graph, variant } = toRef(ref);
  return `${API}/graphs/${enc(graph)}/variants/${enc(variant)}`;
}

/** An ETag as sent in `If-None-Match`: quoted, unless the caller already gave one. */
function asEtag(value: string): string {
  return value.startsWith('"') || value.startsWith('W/') ? value : `"${value}"`;
}

function optionalInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Creates a client of one registry.
 *
 * @example
 * const client = createRegistryClient({ url: 'http://localhost:4100', key: process.env.ORRERY_KEY });
 * const result = await client.publishSubgraph('shop@prod', 'products', { sdl, url });
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const transport = createTransport({
    url: options.url,
    key: options.key,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 2,
    dispatcher: options.dispatcher,
    userAgent: options.userAgent ?? 'orrery-registry-client',
    retryBaseDelayMs: options.retryBaseDelayMs ?? 250,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 5_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    onRetry: options.onRetry,
  });

  async function get<T>(
    path: string,
    call: RegistryCallOptions = {},
    query?: Record<string, string | number | undefined>,
  ): Promise<T> {
    const response = await transport.call({
      method: 'GET',
      path,
      signal: call.signal,
      ...(query ? { query } : {}),
    });
    return readJson<T>(response);
  }

  async function send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    call: RegistryCallOptions = {},
  ): Promise<T> {
    const response = await transport.call({ method, path, body, signal: call.signal });
    return readJson<T>(response);
  }

  async function remove(path: string, call: RegistryCallOptions = {}): Promise<void> {
    await transport.call({ method: 'DELETE', path, signal: call.signal });
  }

  function supergraphResult(response: RawResponse): SupergraphFetchResult {
    const pollIntervalSeconds = optionalInt(header(response, SUPERGRAPH_HEADERS.pollInterval));
    if (response.status === 304) {
      return pollIntervalSeconds === undefined
        ? { status: 'unchanged' }
        : { status: 'unchanged', pollIntervalSeconds };
    }
    const launchId = optionalInt(header(response, SUPERGRAPH_HEADERS.launchId));
    const etag = header(response, 'etag');
    const hash =
      header(response, SUPERGRAPH_HEADERS.supergraphHash) ?? etag?.replace(/^(W\/)?"|"$/g, '');
    if (launchId === undefined || hash === undefined) {
      throw new RegistryBadResponseError(
        `the supergraph answer has no ${SUPERGRAPH_HEADERS.launchId} or hash header`,
        response.status,
      );
    }
    return {
      status: 'updated',
      supergraphSdl: response.text,
      launchId,
      hash,
      etag: etag ?? asEtag(hash),
      pollIntervalSeconds,
    };
  }

  return {
    url: transport.baseUrl,

    listGraphs: async (call) =>
      (await get<{ graphs: GraphSummary[] }>(`${API}/graphs`, call)).graphs,
    listVariants: async (graph, call) =>
      (await get<{ variants: VariantSummary[] }>(`${API}/graphs/${enc(graph)}/variants`, call))
        .variants,
    getVariant: (ref, call) => get<VariantSummary>(variantPath(ref), call),
    createVariant: (ref, request, call) =>
      send<CreateVariantResponse>('PUT', variantPath(ref), request, call),
    deleteVariant: (ref, call) => remove(variantPath(ref), call),

    listSubgraphs: async (ref, call) =>
      (await get<{ subgraphs: SubgraphSummary[] }>(`${variantPath(ref)}/subgraphs`, call))
        .subgraphs,
    getSubgraph: (ref, name, call) =>
      get<SubgraphDetail>(`${variantPath(ref)}/subgraphs/${enc(name)}`, call),
    listRevisions: async (ref, name, call) =>
      (
        await get<{ revisions: SubgraphRevision[] }>(
          `${variantPath(ref)}/subgraphs/${enc(name)}/revisions`,
          call,
        )
      ).revisions,
    publishSubgraph: (ref, name, request, call) =>
      send<PublishResponse>('POST', `${variantPath(ref)}/subgraphs/${enc(name)}`, request, call),
    deleteSubgraph: (ref, name, call) =>
      send<DeleteSubgraphResponse>(
        'DELETE',
        `${variantPath(ref)}/subgraphs/${enc(name)}`,
        undefined,
        call,
      ),
    restoreSubgraph: (ref, name, request = {}, call) =>
      send<PublishResponse>(
        'POST',
        `${variantPath(ref)}/subgraphs/${enc(name)}/restore`,
        request,
        call,
      ),

    listLaunches: (ref, call = {}) =>
      get<LaunchList>(`${variantPath(ref)}/launches`, call, {
        limit: call.limit,
        before: call.before,
      }),
    getLaunch: (ref, id, call) => get<Launch>(`${variantPath(ref)}/launches/${id}`, call),
    async getSupergraph(ref, call = {}) {
      const waitSeconds =
        call.waitSeconds === undefined || call.ifNoneMatch === undefined
          ? undefined
          : Math.max(0, Math.min(60, Math.floor(call.waitSeconds)));
      const response = await transport.call({
        method: 'GET',
        path: `${variantPath(ref)}/supergraph`,
        query: { launch: call.launchId, wait: waitSeconds || undefined },
        headers: {
          accept: 'text/plain',
          ...(call.ifNoneMatch ? { 'if-none-match': asEtag(call.ifNoneMatch) } : {}),
        },
        okStatuses: [304],
        signal: call.signal,
        // The registry may hold a long-poll for the whole wait: that is not a timeout.
        ...(waitSeconds ? { timeoutMs: (options.timeoutMs ?? 30_000) + waitSeconds * 1000 } : {}),
      });
      return supergraphResult(response);
    },
    getSupergraphDetail: (ref, call = {}) =>
      get<SupergraphResponse>(`${variantPath(ref)}/supergraph`, call, {
        format: 'json',
        launch: call.launchId,
      }),

    whoami: (call) => get<WhoAmI>(`${API}/whoami`, call),
    createKey: (request, call) => send<CreateKeyResponse>('POST', `${API}/keys`, request, call),
    listKeys: async (call) => (await get<{ keys: KeySummary[] }>(`${API}/keys`, call)).keys,
    revokeKey: (id, call) => remove(`${API}/keys/${enc(id)}`, call),

    createWebhook: (ref, request, call) =>
      send<CreateWebhookResponse>('POST', `${variantPath(ref)}/webhooks`, request, call),
    listWebhooks: async (ref, call) =>
      (await get<{ webhooks: WebhookSummary[] }>(`${variantPath(ref)}/webhooks`, call)).webhooks,
    deleteWebhook: (ref, id, call) => remove(`${variantPath(ref)}/webhooks/${enc(id)}`, call),
    listWebhookDeliveries: async (ref, id, call) =>
      (
        await get<{ deliveries: WebhookDelivery[] }>(
          `${variantPath(ref)}/webhooks/${enc(id)}/deliveries`,
          call,
        )
      ).deliveries,

    listAudit: async (call = {}) =>
      (
        await get<{ entries: AuditEntry[] }>(`${API}/audit`, call, {
          graph: call.graph,
          limit: call.limit,
        })
      ).entries,

    reportUsage: (ref, report, call) =>
      send<UsageIngestResponse>('POST', `${variantPath(ref)}/usage`, report, call),
    getCoordinateUsage: (ref, coordinate, call = {}) =>
      get<UsageView>(`${variantPath(ref)}/usage`, call, {
        coordinate,
        period: call.period,
        variants: call.variants?.join(','),
      }),
    listOperationUsage: (ref, call = {}) =>
      get<UsageView>(`${variantPath(ref)}/usage/operations`, call, {
        period: call.period,
        variants: call.variants?.join(','),
        limit: call.limit,
      }),

    runCheck: (ref, request, call) =>
      send<CheckResult>('POST', `${variantPath(ref)}/checks`, request, call),
    listChecks: (ref, call = {}) =>
      get<CheckList>(`${variantPath(ref)}/checks`, call, {
        limit: call.limit,
        before: call.before,
      }),
    getCheck: (ref, id, call) => get<CheckResult>(`${variantPath(ref)}/checks/${id}`, call),
  };
}
