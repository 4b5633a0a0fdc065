/**
 * `gateway.yaml`: the gateway's settings as a file. Keys are snake_case like rover's configs;
 * `${env.NAME}` is expanded in strings. Every problem is one `ERR_CLI_CONFIG_INVALID` line
 * naming the key at fault.
 *
 * ```yaml
 * supergraph:
 *   file: ./supergraph.graphql     # or: subgraphs: [{ name, url }], poll_interval_ms
 *   watch: true                    # or: graph_ref: demo@prod (managed: from the registry), with
 *                                  #     registry_urls, key, cache_dir, fallback_file, poll_interval_ms
 * listen: { port: 4000, host: 0.0.0.0 }
 * introspection: true
 * limits: { max_depth: 64, max_aliases: 200, max_tokens: 10000, max_body_bytes: 1048576 }
 * subgraph_timeout_ms: 30000
 * subgraphs: { reviews: { url: http://reviews:4002/graphql, timeout_ms: 5000 } }
 * headers: { propagate: [authorization] }   # and per-subgraph rules: see plugins-config.ts
 * usage_reporting: { enabled: false, flush_interval: 5s }   # on by default with graph_ref
 * ```
 *
 * The built-in plugins (header rules, client awareness, query plans, sandbox, request ids, logs,
 * metrics, tracing, usage reporting) have their keys in `plugins-config.ts`. `introspection`, `expose_query_plan`
 * and `sandbox` default to on, off when `NODE_ENV=production`.
 */
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  PLUGIN_KEYS,
  readHeaderRules,
  readPluginSettings,
  type PluginSettings,
} from './plugins-config.js';
import { bool, int, invalid, isRecord, only, str, type Env } from './yaml.js';

export type SupergraphSetting =
  | { readonly kind: 'file'; readonly path: string; readonly watch: boolean }
  | {
      readonly kind: 'services';
      readonly subgraphs: readonly { readonly name: string; readonly url: string }[];
      readonly pollIntervalMs: number | undefined;
    }
  | ManagedSetting;

/** Managed mode: follow what the registry serves for a variant. */
export interface ManagedSetting {
  readonly kind: 'managed';
  readonly graphRef: string;
  readonly registryUrls: readonly string[];
  readonly key: string;
  /** `null` turns the cache off; `undefined` uses the default directory. */
  readonly cacheDir: string | null | undefined;
  readonly fallbackFile: string | undefined;
  readonly pollIntervalMs: number | undefined;
}

/**
 * Registry URLs and key for managed mode: flags and config first, then `ORRERY_REGISTRY_URL`
 * (a comma-separated list, tried in order) and `ORRERY_KEY`.
 */
export function managedSetting(
  input: {
    graphRef: string;
    registryUrls?: readonly string[] | undefined;
    key?: string | undefined;
    cacheDir?: string | null | undefined;
    fallbackFile?: string | undefined;
    pollIntervalMs?: number | undefined;
  },
  env: Env,
  where: string,
): ManagedSetting {
  const urls = input.registryUrls?.length
    ? input.registryUrls
    : (env['ORRERY_REGISTRY_URL'] ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
  if (urls.length === 0) {
    invalid(where, 'managed mode needs a registry URL (--registry-url or ORRERY_REGISTRY_URL)');
  }
  for (const url of urls) {
    if (!/^https?:\/\/[^/]/.test(url)) invalid(where, `"${url}" is not an http(s) registry URL`);
  }
  const key = input.key ?? env['ORRERY_KEY'];
  if (!key) invalid(where, 'managed mode needs a gateway key (--key or ORRERY_KEY)');
  return {
    kind: 'managed',
    graphRef: input.graphRef,
    registryUrls: urls,
    key,
    cacheDir: input.cacheDir,
    fallbackFile: input.fallbackFile,
    pollIntervalMs: input.pollIntervalMs,
  };
}

export interface GatewayConfig extends PluginSettings {
  readonly supergraph: SupergraphSetting;
  readonly port: number;
  readonly host: string;
  /** `undefined`: the gateway's default (on unless `NODE_ENV=production`). */
  readonly introspection: boolean | undefined;
  readonly limits: {
    maxDepth?: number;
    maxAliases?: number;
    maxTokens?: number;
    maxBodyBytes?: number;
  };
  readonly subgraphTimeoutMs: number | undefined;
  readonly subgraphs: Record<string, { url?: string; timeoutMs?: number }>;
  readonly propagateHeaders: readonly string[];
}

/** Parses and checks `gateway.yaml`; relative paths resolve against the file's folder. */
export function parseGatewayConfig(text: string, file: string, env: Env): GatewayConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    invalid(file, `not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(raw)) invalid(file, 'must be a YAML mapping');
  only(
    raw,
    [
      'supergraph',
      'listen',
      'introspection',
      'limits',
      'subgraph_timeout_ms',
      'subgraphs',
      'headers',
      ...PLUGIN_KEYS,
    ],
    'gateway',
  );
  const base = dirname(file);

  const sg = raw['supergraph'];
  if (!isRecord(sg)) {
    invalid(
      'supergraph',
      'is required: { file: PATH }, { subgraphs: [...] } or { graph_ref: REF }',
    );
  }
  only(
    sg,
    [
      'file',
      'watch',
      'subgraphs',
      'poll_interval_ms',
      'graph_ref',
      'registry_urls',
      'key',
      'cache_dir',
      'fallback_file',
    ],
    'supergraph',
  );
  let supergraph: SupergraphSetting;
  const given = ['file', 'subgraphs', 'graph_ref'].filter((k) => sg[k] !== undefined);
  if (given.length > 1) {
    invalid('supergraph', `give one of file, subgraphs or graph_ref, not ${given.join(' and ')}`);
  }
  if (sg['graph_ref'] !== undefined) {
    const urls = sg['registry_urls'];
    if (urls !== undefined && !Array.isArray(urls)) {
      invalid('supergraph.registry_urls', 'must be a list of URLs');
    }
    supergraph = managedSetting(
      {
        graphRef: str(sg['graph_ref'], env, 'supergraph.graph_ref'),
        registryUrls: (urls ?? []).map((u: unknown, i: number) =>
          str(u, env, `supergraph.registry_urls[${i}]`),
        ),
        key: sg['key'] === undefined ? undefined : str(sg['key'], env, 'supergraph.key'),
        cacheDir:
          sg['cache_dir'] === null
            ? null
            : sg['cache_dir'] === undefined
              ? undefined
              : resolve(base, str(sg['cache_dir'], env, 'supergraph.cache_dir')),
        fallbackFile:
          sg['fallback_file'] === undefined
            ? undefined
            : resolve(base, str(sg['fallback_file'], env, 'supergraph.fallback_file')),
        pollIntervalMs: int(sg['poll_interval_ms'], 'supergraph.poll_interval_ms'),
      },
      env,
      'supergraph',
    );
  } else if (sg['file'] !== undefined) {
    supergraph = {
      kind: 'file',
      path: resolve(base, str(sg['file'], env, 'supergraph.file')),
      watch: bool(sg['watch'], 'supergraph.watch', false),
    };
  } else if (Array.isArray(sg['subgraphs'])) {
    const names = new Set<string>();
    const subgraphs = sg['subgraphs'].map((entry: unknown, i) => {
      const where = `supergraph.subgraphs[${i}]`;
      if (!isRecord(entry)) invalid(where, 'must be { name, url }');
      const name = str(entry['name'], env, `${where}.name`);
      if (names.has(name)) invalid(`${where}.name`, `duplicate subgraph "${name}"`);
      names.add(name);
      return { name, url: str(entry['url'], env, `${where}.url`) };
    });
    if (subgraphs.length === 0) invalid('supergraph.subgraphs', 'must list at least one subgraph');
    supergraph = {
      kind: 'services',
      subgraphs,
      pollIntervalMs: int(sg['poll_interval_ms'], 'supergraph.poll_interval_ms'),
    };
  } else {
    invalid('supergraph', 'needs file: PATH, subgraphs: [{ name, url }] or graph_ref: REF');
  }

  const listen = raw['listen'] ?? {};
  if (!isRecord(listen)) invalid('listen', 'must be { port, host }');
  only(listen, ['port', 'host'], 'listen');

  const limitsRaw = raw['limits'] ?? {};
  if (!isRecord(limitsRaw)) invalid('limits', 'must be a mapping');
  only(limitsRaw, ['max_depth', 'max_aliases', 'max_tokens', 'max_body_bytes'], 'limits');
  const limits: GatewayConfig['limits'] = {};
  const pairs = [
    ['max_depth', 'maxDepth'],
    ['max_aliases', 'maxAliases'],
    ['max_tokens', 'maxTokens'],
    ['max_body_bytes', 'maxBodyBytes'],
  ] as const;
  for (const [key, option] of pairs) {
    const value = int(limitsRaw[key], `limits.${key}`);
    if (value !== undefined) limits[option] = value;
  }

  const subgraphsRaw = raw['subgraphs'] ?? {};
  if (!isRecord(subgraphsRaw))
    invalid('subgraphs', 'must map subgraph names to { url, timeout_ms }');
  const subgraphs: GatewayConfig['subgraphs'] = {};
  for (const [name, settings] of Object.entries(subgraphsRaw)) {
    if (!isRecord(settings)) invalid(`subgraphs.${name}`, 'must be { url, timeout_ms }');
    only(settings, ['url', 'timeout_ms'], `subgraphs.${name}`);
    const entry: { url?: string; timeoutMs?: number } = {};
    if (settings['url'] !== undefined)
      entry.url = str(settings['url'], env, `subgraphs.${name}.url`);
    const timeout = int(settings['timeout_ms'], `subgraphs.${name}.timeout_ms`);
    if (timeout !== undefined) entry.timeoutMs = timeout;
    subgraphs[name] = entry;
  }

  const headers = raw['headers'] ?? {};
  if (!isRecord(headers)) invalid('headers', 'must be { propagate: [names], all, subgraphs }');
  only(headers, ['propagate', 'all', 'subgraphs'], 'headers');
  const headerRules = readHeaderRules(headers, env);
  const propagate = headers['propagate'] ?? [];
  if (!Array.isArray(propagate)) invalid('headers.propagate', 'must be a list of header names');

  const plugins = readPluginSettings(raw, env);
  if (plugins.usageReporting?.enabled && supergraph.kind !== 'managed') {
    invalid(
      'usage_reporting',
      'reports go to the registry of supergraph.graph_ref: turn it on in managed mode only',
    );
  }

  return {
    supergraph,
    port: int(listen['port'], 'listen.port') ?? 4000,
    host: listen['host'] === undefined ? '0.0.0.0' : str(listen['host'], env, 'listen.host'),
    introspection:
      raw['introspection'] === undefined
        ? undefined
        : bool(raw['introspection'], 'introspection', true),
    limits,
    subgraphTimeoutMs: int(raw['subgraph_timeout_ms'], 'subgraph_timeout_ms'),
    subgraphs,
    propagateHeaders: propagate.map((h: unknown, i) => str(h, env, `headers.propagate[${i}]`)),
    ...(headerRules ? { headerRules } : {}),
    ...plugins,
  };
}
