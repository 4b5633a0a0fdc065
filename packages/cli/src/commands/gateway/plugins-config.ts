/**
 * The `gateway.yaml` keys for the gateway's built-in plugins, and the plugins they make. Each
 * key is absent (plugin off), `true` (defaults), `false`, or a mapping of the plugin's options
 * in snake_case:
 *
 * ```yaml
 * headers:                       # useHeaderRules (propagate: [names] stays as a shorthand)
 *   all:
 *     request:
 *       - propagate: { named: authorization }
 *       - propagate: { matching: "^x-tenant-" }
 *       - propagate: { named: x-user, rename: x-user-id, default: anonymous }
 *       - insert: { name: x-gateway, value: orrery }
 *       - remove: { named: cookie }
 *     response:
 *       - propagate: { named: cache-control }   # merged to the most restrictive
 *   subgraphs:
 *     accounts: { request: [{ propagate: { named: cookie } }], response: [{ propagate: { named: set-cookie } }] }
 * client_awareness: { name_header: apollographql-client-name, version_header: apollographql-client-version, require_client_name: true }
 * expose_query_plan: true        # default: on unless NODE_ENV=production (like introspection)
 * sandbox: { default_query: "{ me { name } }" }   # or true/false; same default
 * request_id: { header: x-request-id }
 * logging: { level: info, headers: [user-agent], log_variables: false, log_query: false }
 * metrics: { path: /metrics, prefix: orrery_gateway_, default_metrics: true, max_operation_names: 500 }
 * tracing: { continue_client_trace: true }   # spans go to the OpenTelemetry SDK you register
 * federated_tracing: { subgraphs: [reviews], max_field_spans: 500 }
 * usage_reporting: { enabled: true, flush_interval: 5s, max_rows: 10000, sample_rate: 1 }
 *                                # on by default in managed mode (graph_ref), to its registry
 * ```
 *
 * @module
 */
import {
  useClientAwareness,
  useFederatedTracing,
  useHeaderRules,
  useLogger,
  useMetrics,
  useRequestId,
  useTracing,
  useUsageReporting,
  type ClientAwarenessOptions,
  type FederatedTracingOptions,
  type GatewayPlugin,
  type HeaderRules,
  type HeaderRulesOptions,
  type LoggerOptions,
  type MetricsOptions,
  type RequestHeaderRule,
  type RequestIdOptions,
  type ResponseHeaderRule,
  type SandboxOptions,
  type TracingOptions,
  type UsageReportingPlugin,
} from '@orrery/gateway';
import { bool, duration, int, invalid, isRecord, only, str, type Env } from './yaml.js';

/** `usage_reporting`: on by default in managed mode; reports go to the managed registry. */
export interface UsageReportingSettings {
  readonly enabled: boolean;
  readonly flushIntervalMs?: number;
  readonly maxRows?: number;
  readonly sampleRate?: number;
}

/** The plugin settings read from `gateway.yaml`; a key that is absent is `undefined`. */
export interface PluginSettings {
  readonly headerRules?: HeaderRulesOptions;
  readonly clientAwareness?: ClientAwarenessOptions;
  /** `undefined`: the gateway's default (on unless `NODE_ENV=production`). */
  readonly exposeQueryPlan?: boolean;
  readonly sandbox?: boolean | SandboxOptions;
  readonly requestId?: RequestIdOptions;
  readonly logging?: LoggerOptions;
  readonly metrics?: MetricsOptions;
  readonly tracing?: TracingOptions;
  readonly federatedTracing?: FederatedTracingOptions;
  /** `undefined`: on in managed mode, with the defaults. */
  readonly usageReporting?: UsageReportingSettings;
}

/** The top-level keys this file reads (besides `headers`, shared with `propagate`). */
export const PLUGIN_KEYS = [
  'client_awareness',
  'expose_query_plan',
  'sandbox',
  'request_id',
  'logging',
  'metrics',
  'tracing',
  'federated_tracing',
  'usage_reporting',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `true` → `{}`, `false`/absent → `undefined`, a mapping → itself (checked for `keys`). */
function section(
  value: unknown,
  where: string,
  keys: readonly string[],
): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return {};
  if (!isRecord(value)) invalid(where, `must be true, false or a mapping of ${keys.join(', ')}`);
  only(value, keys, where);
  return value;
}

function strings(value: unknown, env: Env, where: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) invalid(where, 'must be a list of strings');
  return value.map((v: unknown, i) => str(v, env, `${where}[${i}]`));
}

/** `{ named, rename?, default? }` or `{ matching }`, with the extra keys `extra` allows. */
function selector(
  value: unknown,
  env: Env,
  where: string,
  extra: readonly string[],
): Record<string, string> {
  if (!isRecord(value)) invalid(where, 'must be { named: NAME } or { matching: PATTERN }');
  const named = value['named'] !== undefined;
  const matching = value['matching'] !== undefined;
  if (named === matching) invalid(where, 'needs exactly one of named or matching');
  only(value, named ? ['named', ...extra] : ['matching'], where);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) out[key] = str(v, env, `${where}.${key}`);
  return out;
}

function requestRule(value: unknown, env: Env, where: string): RequestHeaderRule {
  if (!isRecord(value) || Object.keys(value).length !== 1) {
    invalid(where, 'must be one of { propagate: ... }, { insert: ... }, { remove: ... }');
  }
  const [[kind, body]] = Object.entries(value) as [[string, unknown]];
  switch (kind) {
    case 'propagate': {
      const s = selector(body, env, `${where}.propagate`, ['rename', 'default']);
      return {
        propagate:
          s['matching'] !== undefined
            ? { matching: s['matching'] }
            : {
                named: s['named']!,
                ...(s['rename'] === undefined ? {} : { rename: s['rename'] }),
                ...(s['default'] === undefined ? {} : { default: s['default'] }),
              },
      };
    }
    case 'insert': {
      if (!isRecord(body)) invalid(`${where}.insert`, 'must be { name, value }');
      only(body, ['name', 'value'], `${where}.insert`);
      return {
        insert: {
          name: str(body['name'], env, `${where}.insert.name`),
          value: str(body['value'], env, `${where}.insert.value`),
        },
      };
    }
    case 'remove': {
      const s = selector(body, env, `${where}.remove`, []);
      return {
        remove: s['matching'] !== undefined ? { matching: s['matching'] } : { named: s['named']! },
      };
    }
    default:
      return invalid(where, `unknown rule "${kind}" (expected propagate, insert or remove)`);
  }
}

function responseRule(value: unknown, env: Env, where: string): ResponseHeaderRule {
  if (!isRecord(value) || Object.keys(value).length !== 1 || !('propagate' in value)) {
    invalid(
      where,
      'must be { propagate: { named: NAME } } or { propagate: { matching: PATTERN } }',
    );
  }
  const s = selector(value['propagate'], env, `${where}.propagate`, ['rename']);
  return {
    propagate:
      s['matching'] !== undefined
        ? { matching: s['matching'] }
        : { named: s['named']!, ...(s['rename'] === undefined ? {} : { rename: s['rename'] }) },
  };
}

function headerRules(value: unknown, env: Env, where: string): HeaderRules {
  if (!isRecord(value)) invalid(where, 'must be { request: [rules], response: [rules] }');
  only(value, ['request', 'response'], where);
  const list = (key: string) => {
    const rules = value[key] ?? [];
    if (!Array.isArray(rules)) invalid(`${where}.${key}`, 'must be a list of rules');
    return rules as unknown[];
  };
  return {
    request: list('request').map((r, i) => requestRule(r, env, `${where}.request[${i}]`)),
    response: list('response').map((r, i) => responseRule(r, env, `${where}.response[${i}]`)),
  };
}

/** The header rules of `headers:` (its `all` and `subgraphs` keys), if any. */
export function readHeaderRules(
  headers: Record<string, unknown>,
  env: Env,
): HeaderRulesOptions | undefined {
  const all = headers['all'];
  const subgraphs = headers['subgraphs'];
  if (all === undefined && subgraphs === undefined) return undefined;
  if (subgraphs !== undefined && !isRecord(subgraphs)) {
    invalid('headers.subgraphs', 'must map subgraph names to { request, response }');
  }
  return {
    ...(all === undefined ? {} : { all: headerRules(all, env, 'headers.all') }),
    ...(subgraphs === undefined
      ? {}
      : {
          subgraphs: Object.fromEntries(
            Object.entries(subgraphs).map(([name, rules]) => [
              name,
              headerRules(rules, env, `headers.subgraphs.${name}`),
            ]),
          ),
        }),
  };
}

/** Reads the plugin keys of a parsed `gateway.yaml` (see the module doc). */
export function readPluginSettings(raw: Record<string, unknown>, env: Env): PluginSettings {
  const settings: { -readonly [K in keyof PluginSettings]: PluginSettings[K] } = {};

  const client = section(raw['client_awareness'], 'client_awareness', [
    'name_header',
    'version_header',
    'require_client_name',
  ]);
  if (client) {
    settings.clientAwareness = {
      ...(client['name_header'] === undefined
        ? {}
        : { nameHeader: str(client['name_header'], env, 'client_awareness.name_header') }),
      ...(client['version_header'] === undefined
        ? {}
        : { versionHeader: str(client['version_header'], env, 'client_awareness.version_header') }),
      requireClientName: bool(
        client['require_client_name'],
        'client_awareness.require_client_name',
        false,
      ),
    };
  }

  if (raw['expose_query_plan'] !== undefined) {
    settings.exposeQueryPlan = bool(raw['expose_query_plan'], 'expose_query_plan', false);
  }

  if (raw['sandbox'] === true || raw['sandbox'] === false) settings.sandbox = raw['sandbox'];
  else {
    const sandbox = section(raw['sandbox'], 'sandbox', ['default_query']);
    if (sandbox) {
      settings.sandbox =
        sandbox['default_query'] === undefined
          ? true
          : { defaultQuery: str(sandbox['default_query'], env, 'sandbox.default_query') };
    }
  }

  const requestId = section(raw['request_id'], 'request_id', ['header']);
  if (requestId) {
    settings.requestId =
      requestId['header'] === undefined
        ? {}
        : { header: str(requestId['header'], env, 'request_id.header') };
  }

  const logging = section(raw['logging'], 'logging', [
    'level',
    'headers',
    'log_variables',
    'log_query',
  ]);
  if (logging) {
    const level = logging['level'];
    if (level !== undefined && !LOG_LEVELS.includes(level as (typeof LOG_LEVELS)[number])) {
      invalid('logging.level', `must be one of ${LOG_LEVELS.join(', ')}`);
    }
    const headers = strings(logging['headers'], env, 'logging.headers');
    settings.logging = {
      ...(level === undefined ? {} : { level: level as (typeof LOG_LEVELS)[number] }),
      ...(headers ? { headers } : {}),
      logVariables: bool(logging['log_variables'], 'logging.log_variables', false),
      logQuery: bool(logging['log_query'], 'logging.log_query', false),
    };
  }

  const metrics = section(raw['metrics'], 'metrics', [
    'path',
    'prefix',
    'default_metrics',
    'max_operation_names',
  ]);
  if (metrics) {
    const max = int(metrics['max_operation_names'], 'metrics.max_operation_names');
    settings.metrics = {
      ...(metrics['path'] === undefined ? {} : { path: str(metrics['path'], env, 'metrics.path') }),
      ...(metrics['prefix'] === undefined
        ? {}
        : { prefix: str(metrics['prefix'], env, 'metrics.prefix') }),
      defaultMetrics: bool(metrics['default_metrics'], 'metrics.default_metrics', true),
      ...(max === undefined ? {} : { maxOperationNames: max }),
    };
  }

  const tracing = section(raw['tracing'], 'tracing', ['continue_client_trace']);
  if (tracing) {
    settings.tracing = {
      continueClientTrace: bool(
        tracing['continue_client_trace'],
        'tracing.continue_client_trace',
        true,
      ),
    };
  }

  const federated = section(raw['federated_tracing'], 'federated_tracing', [
    'subgraphs',
    'max_field_spans',
  ]);
  if (federated) {
    const subgraphs = strings(federated['subgraphs'], env, 'federated_tracing.subgraphs');
    const max = int(federated['max_field_spans'], 'federated_tracing.max_field_spans');
    settings.federatedTracing = {
      ...(subgraphs ? { subgraphs } : {}),
      ...(max === undefined ? {} : { maxFieldSpans: max }),
    };
  }

  const usage = raw['usage_reporting'];
  if (usage === false) settings.usageReporting = { enabled: false };
  else {
    const reporting = section(usage, 'usage_reporting', [
      'enabled',
      'flush_interval',
      'max_rows',
      'sample_rate',
    ]);
    if (reporting) {
      const flushIntervalMs = duration(
        reporting['flush_interval'],
        'usage_reporting.flush_interval',
      );
      const maxRows = int(reporting['max_rows'], 'usage_reporting.max_rows');
      const sampleRate = reporting['sample_rate'];
      if (
        sampleRate !== undefined &&
        (typeof sampleRate !== 'number' || !(sampleRate >= 0 && sampleRate <= 1))
      ) {
        invalid('usage_reporting.sample_rate', 'must be a number from 0 to 1');
      }
      settings.usageReporting = {
        enabled: bool(reporting['enabled'], 'usage_reporting.enabled', true),
        ...(flushIntervalMs === undefined ? {} : { flushIntervalMs }),
        ...(maxRows === undefined ? {} : { maxRows }),
        ...(sampleRate === undefined ? {} : { sampleRate: sampleRate as number }),
      };
    }
  }
  return settings;
}

/** Where a managed gateway reports usage: its graph ref, registries and key. */
export interface UsageTarget {
  readonly graphRef: string;
  readonly registryUrls: readonly string[];
  readonly key: string;
}

/**
 * The usage reporting plugin for these settings: on when the gateway is managed (`target`)
 * unless turned off, reading the client headers `client_awareness` names. Failed reports are
 * logged once, then once every 12 failures (a minute at the default interval).
 */
export function usageReportingFor(
  settings: PluginSettings,
  target: UsageTarget | undefined,
  log: (message: string) => void,
): UsageReportingPlugin | undefined {
  const usage = settings.usageReporting;
  if (!target || usage?.enabled === false) return undefined;
  let failures = 0;
  return useUsageReporting({
    graphRef: target.graphRef,
    registryUrls: target.registryUrls,
    key: target.key,
    ...(usage?.flushIntervalMs ? { flushIntervalMs: usage.flushIntervalMs } : {}),
    ...(usage?.maxRows ? { maxRows: usage.maxRows } : {}),
    ...(usage?.sampleRate === undefined ? {} : { sampleRate: usage.sampleRate }),
    ...(settings.clientAwareness?.nameHeader
      ? { clientNameHeader: settings.clientAwareness.nameHeader }
      : {}),
    ...(settings.clientAwareness?.versionHeader
      ? { clientVersionHeader: settings.clientAwareness.versionHeader }
      : {}),
    onError: (error) => {
      if (failures++ % 12 === 0) {
        log(
          `usage report failed (${error.message}); its requests are counted as dropped (${failures} failed so far)`,
        );
      }
    },
  });
}

/**
 * The plugins for these settings, in the order the plugin guide recommends: request ids first
 * (so every other plugin sees them), logs, metrics, usage reporting (`usage`, made by
 * {@link usageReportingFor}), tracing then the federated tracing that fills its spans, client
 * awareness, then the header plugins.
 */
export function pluginsFor(
  settings: PluginSettings,
  propagateHeaders: readonly string[],
  usage?: GatewayPlugin,
): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [];
  if (settings.requestId) plugins.push(useRequestId(settings.requestId));
  if (settings.logging) plugins.push(useLogger(settings.logging));
  if (settings.metrics) plugins.push(useMetrics(settings.metrics));
  if (usage) plugins.push(usage);
  if (settings.tracing) plugins.push(useTracing(settings.tracing));
  if (settings.federatedTracing) plugins.push(useFederatedTracing(settings.federatedTracing));
  if (settings.clientAwareness) plugins.push(useClientAwareness(settings.clientAwareness));
  if (propagateHeaders.length || settings.headerRules) {
    // `propagate: [names]` is the rules' simplest case: one propagate rule per name, first.
    const all = settings.headerRules?.all;
    plugins.push(
      useHeaderRules({
        ...settings.headerRules,
        all: {
          request: [
            ...propagateHeaders.map((named) => ({ propagate: { named } })),
            ...(all?.request ?? []),
          ],
          response: all?.response ?? [],
        },
      }),
    );
  }
  return plugins;
}
