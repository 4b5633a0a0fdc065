import { isAbsolute, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { CliError } from '../../lib/errors.js';

/** Where one subgraph's schema comes from. */
export type SchemaSource =
  | { readonly kind: 'file'; readonly path: string }
  | {
      readonly kind: 'introspect';
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'sdl'; readonly sdl: string };

export interface SubgraphConfig {
  readonly name: string;
  readonly routingUrl: string;
  readonly schema: SchemaSource;
}

/** A rover-style `supergraph.yaml`, checked and with file paths made absolute. */
export interface SupergraphConfig {
  /** As written (`=2.9.3`, `2`), or undefined when the file does not pin one. */
  readonly federationVersion: string | undefined;
  readonly subgraphs: readonly SubgraphConfig[];
}

function invalid(where: string, problem: string): never {
  throw new CliError('ERR_CLI_CONFIG_INVALID', `${where}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rover expands `${env.NAME}` in the config; so do we, in every string we read, and an undefined
 * variable is an error rather than an empty string (an empty auth header fails far from its cause).
 */
function expandEnv(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  where: string,
): string {
  return value.replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) invalid(where, `environment variable ${name} is not set`);
    return found;
  });
}

function readString(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  where: string,
): string {
  if (typeof value !== 'string' || value.trim() === '')
    invalid(where, 'must be a non-empty string');
  return expandEnv(value, env, where);
}

/**
 * Orrery composes with Federation 2 rules only, so `federation_version` may pin any 2.x (the pin
 * is accepted for compatibility with rover's files) but not Federation 1.
 */
function readFederationVersion(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (/^=?2(\.\d+){0,2}$/.test(text)) return text;
  if (/^=?(0|1)(\.\d+){0,2}$/.test(text)) {
    invalid(
      'federation_version',
      `"${text}" asks for Federation 1 composition; orrery composes with Federation 2 rules (Fed 1 subgraphs are upgraded automatically): use "2"`,
    );
  }
  return invalid('federation_version', `"${text}" is not a version: use "2" or "=2.x.y"`);
}

function readSchema(
  name: string,
  raw: unknown,
  configDir: string,
  env: Readonly<Record<string, string | undefined>>,
): SchemaSource {
  const where = `subgraphs.${name}.schema`;
  if (!isRecord(raw)) invalid(where, 'must be a mapping with "file", "subgraph_url" or "sdl"');
  const given = ['file', 'subgraph_url', 'sdl', 'graphref'].filter((k) => raw[k] !== undefined);
  if (given.length !== 1) {
    invalid(
      where,
      `needs exactly one of "file", "subgraph_url" or "sdl" (found ${given.length ? given.join(', ') : 'none'})`,
    );
  }
  if (given[0] === 'graphref') {
    invalid(
      `${where}.graphref`,
      'fetching from Apollo GraphOS is not supported: use "file" or "subgraph_url"',
    );
  }
  if (raw['file'] !== undefined) {
    const file = readString(raw['file'], env, `${where}.file`);
    return { kind: 'file', path: isAbsolute(file) ? file : resolve(configDir, file) };
  }
  if (raw['sdl'] !== undefined) {
    if (typeof raw['sdl'] !== 'string') invalid(`${where}.sdl`, 'must be a string');
    return { kind: 'sdl', sdl: raw['sdl'] };
  }
  const url = readString(raw['subgraph_url'], env, `${where}.subgraph_url`);
  if (!/^https?:\/\//.test(url)) invalid(`${where}.subgraph_url`, `"${url}" is not an http(s) URL`);
  const headers: Record<string, string> = {};
  const rawHeaders = raw['introspection_headers'];
  if (rawHeaders !== undefined && rawHeaders !== null) {
    if (!isRecord(rawHeaders)) invalid(`${where}.introspection_headers`, 'must be a mapping');
    for (const [header, value] of Object.entries(rawHeaders)) {
      headers[header] = readString(
        typeof value === 'number' ? String(value) : value,
        env,
        `${where}.introspection_headers.${header}`,
      );
    }
  }
  return { kind: 'introspect', url, headers };
}

/**
 * Parses rover's `supergraph.yaml` format. `configDir` is where relative `schema.file` paths
 * start; `label` names the file in messages. Every problem is an `ERR_CLI_CONFIG_INVALID`
 * naming the key at fault.
 */
export function parseSupergraphConfig(
  text: string,
  configDir: string,
  label: string,
  env: Readonly<Record<string, string | undefined>>,
): SupergraphConfig {
  try {
    return readConfig(text, configDir, env);
  } catch (error) {
    // Every message starts with the file, so a user with several configs knows which one.
    if (error instanceof CliError && error.code === 'ERR_CLI_CONFIG_INVALID') {
      throw new CliError(error.code, `${label}: ${error.message}`);
    }
    throw error;
  }
}

function readConfig(
  text: string,
  configDir: string,
  env: Readonly<Record<string, string | undefined>>,
): SupergraphConfig {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [first] = doc.errors;
  if (first) {
    const at = first.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}` : 'YAML';
    if (first.code === 'DUPLICATE_KEY') {
      const node = doc.get('subgraphs', true);
      const duplicate = isMap(node) ? findDuplicateKey(node.items) : undefined;
      if (duplicate !== undefined) invalid(where, `subgraph "${duplicate}" is defined twice`);
      invalid(where, 'a key is defined twice');
    }
    // prettyErrors adds the position and a code excerpt; keep only the reason.
    const reason = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    invalid(where, `not valid YAML: ${reason}`);
  }
  const root: unknown = doc.toJS();
  if (!isRecord(root)) invalid('top level', 'must be a YAML mapping with a "subgraphs" key');
  const federationVersion = readFederationVersion(root['federation_version']);
  const rawSubgraphs = root['subgraphs'];
  if (!isRecord(rawSubgraphs) || Object.keys(rawSubgraphs).length === 0) {
    invalid('subgraphs', 'must map at least one subgraph name to its routing_url and schema');
  }
  const subgraphs = Object.entries(rawSubgraphs).map(([name, raw]): SubgraphConfig => {
    if (!isRecord(raw))
      invalid(`subgraphs.${name}`, 'must be a mapping with routing_url and schema');
    const schema = readSchema(name, raw['schema'], configDir, env);
    // As in rover, the routing URL defaults to the URL the schema is fetched from.
    const routingUrl =
      raw['routing_url'] === undefined && schema.kind === 'introspect'
        ? schema.url
        : readString(raw['routing_url'], env, `subgraphs.${name}.routing_url`);
    return { name, routingUrl, schema };
  });
  return { federationVersion, subgraphs };
}

function findDuplicateKey(items: readonly { key: unknown }[]): string | undefined {
  const seen = new Set<string>();
  for (const { key } of items) {
    const name = isScalar(key) ? String(key.value) : String(key);
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}
