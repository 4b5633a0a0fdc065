/**
 * `useUsageReporting`: tells the registry which operations clients run, so schema checks can say
 * who a change breaks (`docs/registry-api.md`, "Usage").
 *
 * - Once per compiled operation (on its first request): its usage-reporting signature (literals
 *   hidden, so raw values never leave the gateway), the schema coordinates it references, and
 *   its id (`usageOperationId`). Kept in a WeakMap keyed by the compiled operation's AST, so it
 *   lives exactly as long as the gateway's bounded operation cache keeps the operation.
 * - Per request, in `onExecute`: the prepared operation is put in the request context (a
 *   lookup; enum / input object variable values are walked only when the operation has such
 *   variables, since they can add coordinates). In `onResponse`: one count for (operation,
 *   client name, client version, minute), with an error count when the response has errors.
 * - Every `flushIntervalMs`, a report goes to the registry (one in flight at a time, never
 *   retried, bounded memory: see `usage/reporter.ts`). Nothing waits for it.
 *
 * Requests that never ran an operation (parse or validation errors, bad variables, refusals
 * before execution) are not operations: they are only counted in `stats().unrecorded`.
 * `gateway.execute()` calls (no HTTP request) are not reported.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import {
  createRegistryClient,
  type GraphRefInput,
  type UsageReport,
} from '@orrery/registry-client';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Dispatcher } from 'undici';
import { InvalidConfigError } from '../errors.js';
import type { GatewayPlugin } from '../plugin.js';
import type { PreparedOperation } from '../usage/aggregator.js';
import { compileUsage, usageForRequest, type CompiledUsage } from '../usage/compiled-usage.js';
import { UsageReporter, type SendUsageReport, type UsageReporterStats } from '../usage/reporter.js';
import {
  DEFAULT_CLIENT_NAME_HEADER,
  DEFAULT_CLIENT_VERSION_HEADER,
} from './use-client-awareness.js';

export interface UsageReportingOptions {
  /** The variant reports go to (`graph@variant`). Needed unless `send` is given. */
  readonly graphRef?: GraphRefInput;
  /** The registry's base URL (or `registryUrls`). Needed unless `send` is given. */
  readonly registryUrl?: string;
  /**
   * Registries to report to, in order: a report goes to one of them; after a failure the next
   * report goes to the next one.
   */
  readonly registryUrls?: readonly string[];
  /** A gateway (or admin) key for the variant. Needed unless `send` is given. */
  readonly key?: string;
  /** Sends reports yourself (tests, embedding) instead of to a registry. */
  readonly send?: SendUsageReport;
  /** How often a report is sent, in ms (default 5 000). */
  readonly flushIntervalMs?: number;
  /** Distinct (operation, client, version, minute) rows held between reports (default 10 000). */
  readonly maxRows?: number;
  /** Distinct operations held between reports (default 1 000). */
  readonly maxOperations?: number;
  /** How long one report may take, in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** The header naming the client (default `apollographql-client-name`). */
  readonly clientNameHeader?: string;
  /** The header giving the client's version (default `apollographql-client-version`). */
  readonly clientVersionHeader?: string;
  /** Operations (by name, `null` when anonymous) never reported. */
  readonly exclude?: (operationName: string | null) => boolean;
  /**
   * Share of requests counted, 0 to 1 (default 1). Reports carry estimates of all requests:
   * each sampled request counts as 1 / sampleRate (rounded per row), so the registry's
   * thresholds and percentages read the same at any rate.
   */
  readonly sampleRate?: number;
  /** undici dispatcher for the registry requests (default: undici's global one). */
  readonly dispatcher?: Dispatcher;
  /** Told about each report that failed (its requests are counted as dropped). */
  readonly onError?: (error: Error) => void;
}

export interface UsageReportingStats extends UsageReporterStats {
  /** GraphQL requests that ran no operation (refused before execution): not reported. */
  readonly unrecorded: number;
}

/** The plugin, with what a host needs at shutdown. */
export interface UsageReportingPlugin extends GatewayPlugin {
  /** Sends what was counted so far (after any report in flight). Never rejects. */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left, waiting at most `timeoutMs` (default 2 000). */
  stop(timeoutMs?: number): Promise<void>;
  stats(): UsageReportingStats;
}

/** Longest client name or version kept (clients choose them). */
const MAX_CLIENT_TEXT = 256;

function headerText(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return '';
  const trimmed = first.trim();
  return trimmed.length > MAX_CLIENT_TEXT ? trimmed.slice(0, MAX_CLIENT_TEXT) : trimmed;
}

function registrySender(options: UsageReportingOptions): SendUsageReport {
  const urls = options.registryUrls?.length
    ? options.registryUrls
    : options.registryUrl
      ? [options.registryUrl]
      : [];
  if (urls.length === 0 || options.graphRef === undefined || !options.key) {
    throw new InvalidConfigError(
      'useUsageReporting: give graphRef, registryUrl (or registryUrls) and key, or send',
    );
  }
  const ref = options.graphRef;
  const clients = urls.map((url) =>
    createRegistryClient({
      url,
      key: options.key,
      retries: 0,
      // The reporter's own timeout (an AbortSignal) bounds each report.
      timeoutMs: options.timeoutMs ?? 10_000,
      userAgent: 'orrery-gateway',
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    }),
  );
  let current = 0;
  return async (report: UsageReport, signal: AbortSignal) => {
    const client = clients[current]!;
    try {
      return await client.reportUsage(ref, report, { signal });
    } catch (error) {
      // Not retried elsewhere (a report that timed out may have been counted): the next
      // report tries the next registry.
      current = (current + 1) % clients.length;
      throw error;
    }
  };
}

function positive(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new InvalidConfigError(`useUsageReporting: ${name} must be a positive number`);
  }
}

/** Reports operation usage per client and minute to the registry. */
export function useUsageReporting(options: UsageReportingOptions): UsageReportingPlugin {
  positive(options.flushIntervalMs, 'flushIntervalMs');
  positive(options.maxRows, 'maxRows');
  positive(options.maxOperations, 'maxOperations');
  positive(options.timeoutMs, 'timeoutMs');
  const sampleRate = options.sampleRate ?? 1;
  if (!(sampleRate >= 0 && sampleRate <= 1)) {
    throw new InvalidConfigError('useUsageReporting: sampleRate must be between 0 and 1');
  }
  const nameHeader = (options.clientNameHeader ?? DEFAULT_CLIENT_NAME_HEADER).toLowerCase();
  const versionHeader = (
    options.clientVersionHeader ?? DEFAULT_CLIENT_VERSION_HEADER
  ).toLowerCase();
  const send = options.send ?? registrySender(options);
  const reporter = new UsageReporter({
    send,
    agent: `orrery-gateway ${hostname()}`,
    ...(options.flushIntervalMs === undefined ? {} : { flushIntervalMs: options.flushIntervalMs }),
    ...(options.maxRows === undefined ? {} : { maxRows: options.maxRows }),
    ...(options.maxOperations === undefined ? {} : { maxOperations: options.maxOperations }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(sampleRate > 0 && sampleRate < 1 ? { weight: 1 / sampleRate } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });

  // The schema each document was validated against: during a hot swap an operation compiled
  // for the old supergraph must get the old schema's coordinates.
  const schemas = new WeakMap<DocumentNode, GraphQLSchema>();
  let currentSchema: GraphQLSchema | undefined;
  // `null`: excluded, or its usage could not be computed.
  const compiled = new WeakMap<OperationDefinitionNode, CompiledUsage | null>();
  const USAGE = Symbol('usage-reporting');
  let unrecorded = 0;

  return {
    name: 'usage-reporting',
    onValidate({ schema, document }) {
      schemas.set(document, schema);
    },
    onSupergraphChange({ supergraphSdl, apiSchema }) {
      currentSchema = apiSchema;
      const supergraphHash = createHash('sha256').update(supergraphSdl).digest('hex');
      reporter.setSchema({ supergraphHash });
    },
    onExecute({ request, context, document, operation, variables }) {
      if (!request) return;
      let usage = compiled.get(operation);
      if (usage === undefined) {
        usage = null;
        const schema = schemas.get(document) ?? currentSchema;
        try {
          if (schema && !options.exclude?.(operation.name?.value ?? null)) {
            usage = compileUsage(schema, document, operation);
          }
        } catch {
          // Usage (or a user's `exclude`) must never fail a request: just not reported.
        }
        compiled.set(operation, usage);
      }
      if (usage === null || (sampleRate < 1 && Math.random() >= sampleRate)) {
        context.set(USAGE, false);
        return;
      }
      let prepared: PreparedOperation;
      try {
        prepared = usageForRequest(usage, variables);
      } catch {
        prepared = usage.base;
      }
      context.set(USAGE, prepared);
    },
    onResponse({ request, context, graphql }) {
      if (!graphql) return;
      const prepared = context.get(USAGE) as PreparedOperation | false | undefined;
      if (prepared === undefined) {
        unrecorded++;
        return;
      }
      if (prepared === false) return;
      reporter.record(
        prepared,
        headerText(request.headers[nameHeader]),
        headerText(request.headers[versionHeader]),
        graphql.result.errors !== undefined && graphql.result.errors.length > 0,
      );
    },
    flush: () => reporter.flush(),
    stop: (timeoutMs) => reporter.stop(timeoutMs),
    stats: () => ({ ...reporter.stats(), unrecorded }),
  };
}
