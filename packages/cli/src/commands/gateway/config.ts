/**
 * `gateway.yaml`: the gateway's settings as a file. Keys are snake_case like rover's configs;
 * `${env.NAME}` is expanded in strings. Every problem is one `ERR_CLI_CONFIG_INVALID` line
 * naming the key at fault.
 *
 * ```yaml
 * supergraph:
 *   file: ./supergraph.graphql     # or: subgraphs: [{ name, url }], poll_interval_ms
 *   watch: true
 * listen: { port: 4000, host: 0.0.0.0 }
 * introspection: true
 * limits: { max_depth: 64, max_aliases: 200, max_tokens: 10000, max_body_bytes: 1048576 }
 * subgraph_timeout_ms: 30000
 * subgraphs: { reviews: { url: http://reviews:4002/graphql, timeout_ms: 5000 } }
 * headers: { propagate: [authorization] }
 * ```
 */
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../../lib/errors.js';

export type SupergraphSetting =
  | { readonly kind: 'file'; readonly path: string; readonly watch: boolean }
  | {
      readonly kind: 'services';
      readonly subgraphs: readonly { readonly name: string; readonly url: string }[];
      readonly pollIntervalMs: number | undefined;
    };

export interface GatewayConfig {
  readonly supergraph: SupergraphSetting;
  readonly port: number;
  readonly host: string;
  readonly introspection: boolean;
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

function invalid(where: string, problem: string): never {
  throw new CliError('ERR_CLI_CONFIG_INVALID', `${where}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Env = Readonly<Record<string, string | undefined>>;

function str(value: unknown, env: Env, where: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    invalid(where, 'must be a non-empty string');
  return value.replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) invalid(where, `environment variable ${name} is not set`);
    return found;
  });
}

function int(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid(where, 'must be a positive integer');
  }
  return value;
}

function bool(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') invalid(where, 'must be true or false');
  return value;
}

function only(record: Record<string, unknown>, keys: readonly string[], where: string): void {
  for (const key of Object.keys(record)) {
    if (!keys.includes(key))
      invalid(`${where}.${key}`, `unknown key (expected one of ${keys.join(', ')})`);
  }
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
    ],
    'gateway',
  );
  const base = dirname(file);

  const sg = raw['supergraph'];
  if (!isRecord(sg)) invalid('supergraph', 'is required: { file: PATH } or { subgraphs: [...] }');
  only(sg, ['file', 'watch', 'subgraphs', 'poll_interval_ms'], 'supergraph');
  let supergraph: SupergraphSetting;
  if (sg['file'] !== undefined && sg['subgraphs'] !== undefined) {
    invalid('supergraph', 'give either file or subgraphs, not both');
  }
  if (sg['file'] !== undefined) {
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
    invalid('supergraph', 'needs file: PATH or subgraphs: [{ name, url }]');
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
  if (!isRecord(headers)) invalid('headers', 'must be { propagate: [names] }');
  only(headers, ['propagate'], 'headers');
  const propagate = headers['propagate'] ?? [];
  if (!Array.isArray(propagate)) invalid('headers.propagate', 'must be a list of header names');

  return {
    supergraph,
    port: int(listen['port'], 'listen.port') ?? 4000,
    host: listen['host'] === undefined ? '0.0.0.0' : str(listen['host'], env, 'listen.host'),
    introspection: bool(raw['introspection'], 'introspection', true),
    limits,
    subgraphTimeoutMs: int(raw['subgraph_timeout_ms'], 'subgraph_timeout_ms'),
    subgraphs,
    propagateHeaders: propagate.map((h: unknown, i) => str(h, env, `headers.propagate[${i}]`)),
  };
}
