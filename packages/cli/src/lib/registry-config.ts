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
 * Each resolved setting carries its source, so `orrery config whoami` can say which one is in
 * use; `orrery config auth` writes the user file (`saveUserSettings`).
 *
 * @module
 */
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

export const DEFAULT_REGISTRY_URL = 'http://localhost:4100';

/** Which of the places in the module comment a setting was taken from. */
export type SettingSourceKind = 'flag' | 'env' | 'project' | 'user' | 'default';

export interface SettingSource {
  readonly kind: SettingSourceKind;
  /** The flag (`--key`), the variable (`ORRERY_KEY`), the file's path, or `default`. */
  readonly name: string;
}

export interface RegistrySettings {
  readonly registryUrl: string;
  readonly key: string | undefined;
  /** Default graph for the `service:*` verbs, which take no graph ref. */
  readonly graph: string | undefined;
  /** Where each setting came from; `undefined` for a setting that is not set anywhere. */
  readonly sources: {
    readonly registryUrl: SettingSource;
    readonly key: SettingSource | undefined;
    readonly graph: SettingSource | undefined;
  };
}

interface FileSettings {
  readonly registry_url?: string;
  readonly key?: string;
  readonly graph?: string;
}

/** What `saveUserSettings` writes: the key, and the registry URL when one was given. */
export interface SavedSettings {
  readonly key: string;
  readonly registry_url?: string | undefined;
}

const KEYS = ['registry_url', 'key', 'graph'] as const;

/** The user config file's path, or undefined when there is no home to look in. */
export function userConfigPath(env: CliIo['env']): string | undefined {
  if (env['ORRERY_CONFIG']) return env['ORRERY_CONFIG'];
  const base = env['XDG_CONFIG_HOME'] || (env['HOME'] ? join(env['HOME'], '.config') : undefined);
  return base ? join(base, 'orrery', 'config.yaml') : undefined;
}

/** A settings file's text, `undefined` when it does not exist and need not. */
async function readSettingsText(path: string, required: boolean): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT' && !required) return undefined;
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read config ${path}: ${(error as Error).message}`,
    );
  }
}

async function readSettingsFile(path: string, required: boolean): Promise<FileSettings> {
  const text = await readSettingsText(path, required);
  return text === undefined ? {} : parseSettings(path, text);
}

/** Checks a settings file's text (`path` names it in errors) and returns its settings. */
function parseSettings(path: string, text: string): FileSettings {
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
  options: {
    /** `config auth` creates the file `ORRERY_CONFIG` names: it need not exist yet. */
    readonly userConfigMayBeMissing?: boolean;
  } = {},
): Promise<RegistrySettings> {
  const userPath = userConfigPath(io.env);
  // An explicit ORRERY_CONFIG that does not exist is a mistake worth reporting; the default
  // location simply may not exist.
  const required = Boolean(io.env['ORRERY_CONFIG']) && options.userConfigMayBeMissing !== true;
  const user = userPath ? await readSettingsFile(userPath, required) : {};
  const projectPath = resolve(io.cwd, 'orrery.yaml');
  const project = await readSettingsFile(projectPath, false);
  const pick = (
    flag: string | undefined,
    flagName: string,
    env: string,
    key: keyof FileSettings,
  ) => {
    const candidates: [string | undefined, SettingSource][] = [
      [flag, { kind: 'flag', name: flagName }],
      [io.env[env], { kind: 'env', name: env }],
      [project[key], { kind: 'project', name: projectPath }],
      [user[key], { kind: 'user', name: userPath ?? '' }],
    ];
    const found = candidates.find(([value]) => Boolean(value));
    return found && { value: found[0]!, source: found[1] };
  };
  const registryUrl = pick(
    flags.registryUrl,
    '--registry-url',
    'ORRERY_REGISTRY_URL',
    'registry_url',
  );
  const key = pick(flags.key, '--key', 'ORRERY_KEY', 'key');
  const graph = pick(flags.graph, '--graph', 'ORRERY_GRAPH', 'graph');
  return {
    registryUrl: registryUrl?.value ?? DEFAULT_REGISTRY_URL,
    key: key?.value,
    graph: graph?.value,
    sources: {
      registryUrl: registryUrl?.source ?? { kind: 'default', name: 'default' },
      key: key?.source,
      graph: graph?.source,
    },
  };
}

/**
 * Writes the key (and the registry URL, when given) into the user config file and returns its
 * path. The file's other keys, comments and layout are kept; a file that is not a valid settings
 * file is refused rather than overwritten. The folder is created; the file is readable by its
 * owner only (0600), as it holds a secret, and is replaced in one rename so that a failed write
 * leaves the old one whole.
 */
export async function saveUserSettings(io: CliIo, saved: SavedSettings): Promise<string> {
  const path = userConfigPath(io.env);
  if (path === undefined) {
    throw new CliError(
      'ERR_CLI_OUTPUT_WRITE_FAILED',
      'there is no user config file to save the key to: set HOME, XDG_CONFIG_HOME or ORRERY_CONFIG',
    );
  }
  const text = (await readSettingsText(path, false)) ?? '';
  parseSettings(path, text);
  const document = parseDocument(text);
  document.set('key', saved.key);
  if (saved.registry_url !== undefined) document.set('registry_url', saved.registry_url);

  // A symlinked config (dotfiles) keeps its link: the file it points at is replaced.
  const target = await realpath(path).catch(() => path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(temporary, document.toString(), { mode: 0o600 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(
      'ERR_CLI_OUTPUT_WRITE_FAILED',
      `cannot write ${path}: ${(error as Error).message}`,
      EXIT.FAILED,
      { cause: error },
    );
  }
  return path;
}
