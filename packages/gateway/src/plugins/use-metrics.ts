/**
 * `useMetrics`: Prometheus metrics (prom-client), served at `/metrics` by the gateway itself.
 *
 * What it measures, and from which hook:
 * - `onResponse` (its `graphql` exchange): requests by operation name, type and outcome, their
 *   latency, plan cache hits and misses, and planning time when the request compiled the
 *   operation;
 * - `onSubgraphRequest`'s completion callback: per-subgraph request latency and errors;
 * - `onSupergraphChange` / `onSupergraphError`: the current supergraph's id (SHA-256 of its SDL)
 *   and age, and when the last update succeeded and failed.
 *
 * Operation names come from clients, so they are bounded before they become label values: only
 * valid GraphQL names are kept, at most `maxOperationNames` distinct ones; the rest are counted
 * as `(other)` (anonymous operations are `(anonymous)`, parentheses being impossible in a name).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type RegistryContentType,
} from 'prom-client';
import type { GatewayPlugin, GraphQLExchange } from '../plugin.js';

export interface MetricsOptions {
  /**
   * The registry to register into (default: a new one, so two gateways in one process do not
   * collide). Pass prom-client's global `register` to serve these with your own metrics.
   */
  readonly registry?: Registry<RegistryContentType>;
  /** Where the metrics are served (default `/metrics`); `false` serves nothing. */
  readonly path?: string | false;
  /** Metric name prefix (default `orrery_gateway_`). */
  readonly prefix?: string;
  /** Also collect prom-client's default process metrics (default true). */
  readonly defaultMetrics?: boolean;
  /** Latency histogram buckets in seconds. */
  readonly buckets?: readonly number[];
  /** Distinct operation names kept as label values (default 500); later ones are `(other)`. */
  readonly maxOperationNames?: number;
}

const DEFAULT_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A request's outcome: `success` (no errors), `field_errors` (data with errors), `request_error`
 * (no data: refused before or during compilation, bad variables), `server_error` (5xx).
 */
export type RequestOutcome = 'success' | 'field_errors' | 'request_error' | 'server_error';

function outcomeOf(status: number, graphql: GraphQLExchange): RequestOutcome {
  if (status >= 500) return 'server_error';
  const { result } = graphql;
  if (!result.errors || result.errors.length === 0) return 'success';
  return result.data === undefined || result.data === null ? 'request_error' : 'field_errors';
}

/** Collects gateway metrics and serves them at `/metrics`. */
export function useMetrics(options: MetricsOptions = {}): GatewayPlugin {
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? 'orrery_gateway_';
  const path = options.path === undefined ? '/metrics' : options.path;
  const buckets = [...(options.buckets ?? DEFAULT_BUCKETS)];
  const maxNames = options.maxOperationNames ?? 500;
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: `${prefix}requests_total`,
    help: 'GraphQL requests by operation name, operation type and outcome.',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: `${prefix}request_duration_seconds`,
    help: 'GraphQL request latency, from the first plugin hook to the response.',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets,
    registers,
  });
  const subgraphDuration = new Histogram({
    name: `${prefix}subgraph_request_duration_seconds`,
    help: 'Subgraph request latency, by subgraph and outcome (success or error).',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets,
    registers,
  });
  const subgraphErrors = new Counter({
    name: `${prefix}subgraph_errors_total`,
    help: 'Subgraph requests that failed (request, timeout, invalid_response) or answered with GraphQL errors (graphql).',
    labelNames: ['subgraph', 'kind'] as const,
    registers,
  });
  const cacheHits = new Counter({
    name: `${prefix}plan_cache_hits_total`,
    help: 'Requests whose operation was already compiled and planned.',
    registers,
  });
  const cacheMisses = new Counter({
    name: `${prefix}plan_cache_misses_total`,
    help: 'Requests that parsed, validated and planned their operation.',
    registers,
  });
  const planning = new Histogram({
    name: `${prefix}planning_duration_seconds`,
    help: 'Time spent building query plans (cache misses only).',
    buckets,
    registers,
  });
  const supergraphInfo = new Gauge({
    name: `${prefix}supergraph_info`,
    help: 'The supergraph serving now: 1, labelled with its id (SHA-256 of its SDL).',
    labelNames: ['id'] as const,
    registers,
  });
  let loadedAt: number | undefined;
  new Gauge({
    name: `${prefix}supergraph_age_seconds`,
    help: 'Seconds since the supergraph serving now was loaded.',
    registers,
    collect() {
      if (loadedAt !== undefined) this.set((Date.now() - loadedAt) / 1000);
    },
  });
  const lastSuccess = new Gauge({
    name: `${prefix}supergraph_last_success_timestamp_seconds`,
    help: 'When a supergraph was last loaded, in seconds since the epoch.',
    registers,
  });
  const lastFailure = new Gauge({
    name: `${prefix}supergraph_last_failure_timestamp_seconds`,
    help: 'When a supergraph last failed to load (the previous one kept serving).',
    registers,
  });
  const updates = new Counter({
    name: `${prefix}supergraph_updates_total`,
    help: 'Supergraph updates by result (success or failure).',
    labelNames: ['result'] as const,
    registers,
  });

  const names = new Set<string>();
  const nameLabel = (name: string | undefined): string => {
    if (name === undefined || name === '') return '(anonymous)';
    if (names.has(name)) return name;
    if (!GRAPHQL_NAME.test(name) || names.size >= maxNames) return '(other)';
    names.add(name);
    return name;
  };

  const START = Symbol('metrics-start');
  let currentId: string | undefined;

  return {
    name: 'metrics',
    onRequest({ request, context, setResponse }) {
      if (path !== false && request.method === 'GET' && pathOf(request.url) === path) {
        // prom-client renders asynchronously; returning the promise makes the gateway wait for
        // it (only for scrapes: every other request stays synchronous here).
        return registry.metrics().then((body) => {
          setResponse({ status: 200, headers: { 'content-type': registry.contentType }, body });
        });
      }
      context.set(START, performance.now());
      return undefined;
    },
    onSubgraphRequest() {
      return (done) => {
        const subgraph = done.request.serviceName;
        let failed = !done.ok;
        if (!done.ok) {
          subgraphErrors.inc({ subgraph, kind: done.error.kind.replace('-', '_') });
        } else if (done.response.errors && done.response.errors.length > 0) {
          subgraphErrors.inc({ subgraph, kind: 'graphql' });
          failed = true;
        }
        subgraphDuration.observe(
          { subgraph, outcome: failed ? 'error' : 'success' },
          done.durationMs / 1000,
        );
      };
    },
    onResponse({ context, response, graphql }) {
      if (!graphql) return;
      const start = context.get(START) as number | undefined;
      const labels = {
        operation_name: nameLabel(graphql.operationName),
        operation_type: graphql.operationType ?? '',
        outcome: outcomeOf(response.status, graphql),
      };
      requests.inc(labels);
      if (start !== undefined) requestDuration.observe(labels, (performance.now() - start) / 1000);
      if (graphql.cached) cacheHits.inc();
      else if (graphql.phases) {
        cacheMisses.inc();
        if (graphql.phases.plan) planning.observe(graphql.phases.plan.durationMs / 1000);
      }
    },
    onSupergraphChange({ supergraphSdl }) {
      const id = createHash('sha256').update(supergraphSdl).digest('hex');
      if (currentId !== undefined) supergraphInfo.remove({ id: currentId });
      supergraphInfo.set({ id }, 1);
      currentId = id;
      loadedAt = Date.now();
      lastSuccess.set(loadedAt / 1000);
      updates.inc({ result: 'success' });
    },
    onSupergraphError() {
      lastFailure.set(Date.now() / 1000);
      updates.inc({ result: 'failure' });
    },
  };
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
