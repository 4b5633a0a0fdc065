/**
 * Where registry commands find the registry URL, the key and a default graph.
 *
 * Each setting is taken from the first of:
 * 1. the flag (`--registry-url`, `--key`, `--graph` on the `service:*` verbs);
 * 2. the environment (`ORRERY_REGISTRY_URL`, `ORRERY_KEY`, `ORRERY_GRAPH`);
 * 3. `./orrery.yaml` in the working directory (project defaults, meant to be committed: put no
 *    key in it);
 * 4. the user's config file: `$ORRERY_CONFIG`, else `$XDG_CONFIG_HOME/orrery/config.yaml`, else
 *    `~/.config/orrery/config.yaml`;
 * 5. the built-in default (`http://localhost:4100` for the URL; no key, no graph).
 *
 * Both files are YAML mappings with the same optional keys: `registry_url`, `key`, `graph`.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

export const DEFAULT_REGISTRY_URL = 'http://localhost:4100';

export interface RegistrySettings {
  readonly registryUrl: string;
  readonly key: string | undefined;
  /** Default graph for the `service:*` verbs, which take no graph ref. */
  readonly graph: string | undefined;
}

interface FileSettings {
  readonly registry_url?: string;
  readonly key?: string;
  readonly graph?: string;
}

const KEYS = ['registry_url', 'key', 'graph'] as const;

/** The user config file's path, or undefined when there is no home to look in. */
export function userConfigPath(env: CliIo['env']): string | undefined {
  if (env['ORRERY_CONFIG']) return env['ORRERY_CONFIG'];
  const base = env['XDG_CONFIG_HOME'] || (env['HOME'] ? join(env['HOME'], '.config') : undefined);
  return base ? join(base, 'orrery', 'config.yaml') : undefined;
}

async function readSettingsFile(path: string, required: boolean): Promise<FileSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT' && !required) return {};
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read config ${path}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new CliError(
      'ERR_CLI_CONFIG_INVALID',
      `${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new CliError(
      'ERR_CLI_CONFIG_INVALID',
      `${path}: must be a mapping of ${KEYS.join(', ')}`,
    );
  }
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    if (!(KEYS as readonly string[]).includes(name)) {
      throw new CliError(
        'ERR_CLI_CONFIG_INVALID',
        `${path}: unknown key "${name}" (known: ${KEYS.join(', ')})`,
      );
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new CliError('ERR_CLI_CONFIG_INVALID', `${path}: ${name} must be a non-empty string`);
    }
    settings[name] = value.trim();
  }
  return settings;
}

/** Resolves the settings for one command run (see the module comment for the order). */
export async function resolveRegistrySettings(
  io: CliIo,
  flags: { registryUrl?: string | undefined; key?: string | undefined; graph?: string | undefined },
): Promise<RegistrySettings> {
  const userPath = userConfigPath(io.env);
  // An explicit ORRERY_CONFIG that does not exist is a mistake worth reporting; the default
  // location simply may not exist.
  const user = userPath ? await readSettingsFile(userPath, Boolean(io.env['ORRERY_CONFIG'])) : {};
  const project = await readSettingsFile(resolve(io.cwd, 'orrery.yaml'), false);
  const pick = (flag: string | undefined, env: string, key: keyof FileSettings) =>
    flag || io.env[env] || project[key] || user[key] || undefined;
  return {
    registryUrl:
      pick(flags.registryUrl, 'ORRERY_REGISTRY_URL', 'registry_url') ?? DEFAULT_REGISTRY_URL,
    key: pick(flags.key, 'ORRERY_KEY', 'key'),
    graph: pick(flags.graph, 'ORRERY_GRAPH', 'graph'),
  };
}
