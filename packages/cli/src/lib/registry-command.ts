/**
 * What every registry command shares: the global options (`--registry-url`, `--key`,
 * `--format text|json`, `--verbose`), settings from flags / environment / config files, a
 * client, progress lines, confirmation prompts, and one mapping of failures to a coded line (or
 * a JSON error object) and an exit code. A command only says what it does and what it prints.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import {
  createRegistryClient,
  InvalidGraphRefError,
  isRegistryClientError,
  parseGraphRef,
  type GraphRef,
  type RegistryClient,
  type RegistryClientErrorCode,
} from '@orrery/registry-client';
import { cliVersion } from '../version.js';
import type { Command } from './command.js';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { paintFor, type Paint } from './output.js';
import { withProgress } from './progress.js';
import { resolveRegistrySettings, type RegistrySettings } from './registry-config.js';

type OptionType = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };
export type OptionSpecs = Readonly<Record<string, OptionType>>;
export type OptionValues = Readonly<
  Record<string, string | boolean | (string | boolean)[] | undefined>
>;

/** What a command run produced: the exit code and its output in both formats. */
export interface CommandOutcome {
  /** Default 0. */
  readonly exitCode?: number;
  /** `--format json`: printed on stdout with `ok` (exit code 0) added unless given. */
  readonly json: Readonly<Record<string, unknown>>;
  /** Text format: printed on stdout. */
  readonly text?: string;
  /** Text format: printed on stderr (notes, warnings, hints). */
  readonly notes?: string;
  /** The command printed its output itself (a long-running server): print nothing more. */
  readonly printed?: boolean;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly format: 'text' | 'json';
  readonly verbose: boolean;
  readonly paint: Paint;
  /** The resolved URL, key and default graph (`needsRegistry` commands only). */
  readonly settings: RegistrySettings;
  /** A client of the registry in `settings` (`needsRegistry` commands only). */
  readonly client: RegistryClient;
  /** Runs a registry call with a progress line on a terminal when it takes over a second. */
  progress<T>(label: string, work: () => Promise<T>): Promise<T>;
  /**
   * Asks `question` on the terminal unless `yes`. Without a terminal (CI, a pipe) and without
   * `--yes` this is a usage error: a destructive command never proceeds unasked.
   */
  confirm(question: string, yes: boolean): Promise<boolean>;
}

export interface RegistryCommandSpec {
  readonly path: readonly string[];
  readonly summary: string;
  /** The command's own usage text; the global options are appended. */
  readonly usage: string;
  readonly options: OptionSpecs;
  /** Names of the positional arguments, all required (`['GRAPH_REF']`). */
  readonly positionals?: readonly string[];
  /** False for commands that never call the registry (`subgraph introspect`). Default true. */
  readonly needsRegistry?: boolean;
  run(
    ctx: CommandContext,
    values: OptionValues,
    positionals: readonly string[],
  ): Promise<CommandOutcome>;
}

const GLOBAL_OPTIONS: OptionSpecs = {
  'registry-url': { type: 'string' },
  key: { type: 'string' },
  format: { type: 'string' },
  verbose: { type: 'boolean' },
};

const GLOBAL_USAGE = `
Global options:
      --registry-url <url>  the registry (env ORRERY_REGISTRY_URL; default http://localhost:4100)
      --key <key>           an API key (env ORRERY_KEY)
      --format <fmt>        text (default) or json (one JSON object on stdout, also on failure)
      --verbose             print the stack of an error
  -h, --help                show this help

Exit codes: 0 ok, 1 failed (composition, not found...), 2 usage error, 3 auth (401/403),
4 registry unreachable or unavailable. See docs/cli.md.
`;

/** The exit code a registry or client error stands for. */
export function exitCodeFor(code: RegistryClientErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return EXIT.AUTH;
    case 'ERR_NETWORK':
    case 'ERR_TIMEOUT':
    case 'UNAVAILABLE':
      return EXIT.NETWORK;
    case 'BAD_REQUEST':
      return EXIT.USAGE;
    default:
      return EXIT.FAILED;
  }
}

/** Turns anything a command can throw at a user into a CliError; bugs are rethrown. */
export function toCliError(error: unknown, registryUrl?: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof InvalidGraphRefError) {
    return new CliError('ERR_CLI_INVALID_ARGUMENT', error.message, EXIT.USAGE, { cause: error });
  }
  if (isRegistryClientError(error)) {
    let message = error.message.replace(/\.$/, '');
    if (error.code === 'UNAUTHENTICATED') {
      message += registryUrl
        ? ` (registry ${registryUrl}; give a key with --key or ORRERY_KEY)`
        : ' (give a key with --key or ORRERY_KEY)';
    } else if (error.code === 'FORBIDDEN') {
      message += ' (the key’s role or scope does not allow this)';
    }
    return new CliError(error.code, message, exitCodeFor(error.code), { cause: error });
  }
  throw error;
}

function usageError(spec: RegistryCommandSpec, message: string): CliError {
  return new CliError(
    'ERR_CLI_INVALID_ARGUMENT',
    `${message}. Run "orrery ${spec.path.join(' ')} --help" for usage.`,
    EXIT.USAGE,
  );
}

/** `--format json` is honoured even when the rest of the line does not parse. */
function wantsJson(args: readonly string[]): boolean {
  const i = args.indexOf('--format');
  return args.includes('--format=json') || (i !== -1 && args[i + 1] === 'json');
}

/** A string option's value (the last one when repeated), or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.length ? String(value[value.length - 1]) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option. */
export function stringsOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A required string option; its absence is a usage error naming it. */
export function requiredOption(values: OptionValues, name: string, what: string): string {
  const value = stringOption(values, name);
  if (!value)
    throw new CliError('ERR_CLI_INVALID_ARGUMENT', `--${name} <${what}> is required`, EXIT.USAGE);
  return value;
}

/** A positive integer option (`--limit 20`). */
export function integerOption(values: OptionValues, name: string): number | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `--${name} must be a positive integer, not "${value}"`,
      EXIT.USAGE,
    );
  }
  return number;
}

/** A graph ref argument; a malformed one is a usage error. */
export function graphRefArgument(text: string): GraphRef {
  return parseGraphRef(text);
}

/** What `needsRegistry: false` commands see as `settings`: nothing resolved. */
const NO_SETTINGS: RegistrySettings = {
  registryUrl: '',
  key: undefined,
  graph: undefined,
  sources: { registryUrl: { kind: 'default', name: 'default' }, key: undefined, graph: undefined },
};

/**
 * A client of the registry at `url` sending `key`, as every command makes it. Exported for
 * `config auth`, which checks a key that is not the one settings resolve to.
 */
export function createCliClient(url: string, key: string | undefined): RegistryClient {
  try {
    return createRegistryClient({ url, key, userAgent: `orrery-cli/${cliVersion()}` });
  } catch (error) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `the registry URL "${url}" is not an http(s) URL: ${(error as Error).message}`,
      EXIT.USAGE,
    );
  }
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Builds a `Command` from a spec (see the module comment). */
export function defineRegistryCommand(spec: RegistryCommandSpec): Command {
  const options = { ...spec.options, ...GLOBAL_OPTIONS };
  return {
    path: spec.path,
    summary: spec.summary,
    usage: `${spec.usage.trimEnd()}\n${GLOBAL_USAGE}`,
    async run(args, io) {
      const json = wantsJson(args);
      let verbose = args.includes('--verbose');
      let registryUrl: string | undefined;
      try {
        let parsed: ReturnType<typeof parseArgs>;
        try {
          parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
        } catch (error) {
          throw usageError(spec, (error as Error).message.replace(/\.$/, ''));
        }
        const values = parsed.values as OptionValues;
        verbose = values['verbose'] === true;
        const format = stringOption(values, 'format') ?? 'text';
        if (format !== 'text' && format !== 'json') {
          throw usageError(spec, `--format must be "text" or "json", not "${format}"`);
        }
        const names = spec.positionals ?? [];
        if (parsed.positionals.length < names.length) {
          throw usageError(spec, `${names[parsed.positionals.length]} is required`);
        }
        if (parsed.positionals.length > names.length) {
          throw usageError(spec, `unexpected argument "${parsed.positionals[names.length]}"`);
        }
        let settings: RegistrySettings = NO_SETTINGS;
        let client: RegistryClient | undefined;
        if (spec.needsRegistry !== false) {
          settings = await resolveRegistrySettings(io, {
            registryUrl: stringOption(values, 'registry-url'),
            key: stringOption(values, 'key'),
            graph: stringOption(values, 'graph'),
          });
          registryUrl = settings.registryUrl;
          client = createCliClient(settings.registryUrl, settings.key);
        }
        const context: CommandContext = {
          io,
          format,
          verbose,
          paint: format === 'json' ? paintFor({ ...io, stdoutIsTTY: false }) : paintFor(io),
          settings,
          get client(): RegistryClient {
            if (!client) throw new Error(`${spec.path.join(' ')} declared needsRegistry: false`);
            return client;
          },
          progress: (label, work) => withProgress(io, label, work),
          async confirm(question, yes) {
            if (yes) return true;
            if (!io.stdinIsTTY || !io.prompt) {
              throw new CliError(
                'ERR_CLI_INVALID_ARGUMENT',
                'this command asks for confirmation and standard input is not a terminal: pass --yes to proceed',
                EXIT.USAGE,
              );
            }
            const answer = await io.prompt(`${question} [y/N] `);
            return /^y(es)?$/i.test(answer.trim());
          },
        };
        const outcome = await spec.run(context, values, parsed.positionals);
        const exitCode = outcome.exitCode ?? EXIT.OK;
        if (outcome.printed) {
          // Nothing more to print.
        } else if (format === 'json') {
          printJson(io, { ok: exitCode === EXIT.OK, ...outcome.json });
        } else {
          if (outcome.text)
            io.stdout(outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
          if (outcome.notes)
            io.stderr(outcome.notes.endsWith('\n') ? outcome.notes : `${outcome.notes}\n`);
        }
        return exitCode;
      } catch (thrown) {
        const error = toCliError(thrown, registryUrl);
        if (verbose) {
          const cause = error.cause instanceof Error ? error.cause : error;
          io.stderr(`${cause.stack ?? String(cause)}\n`);
        }
        if (!json) throw error;
        const source = isRegistryClientError(error.cause) ? error.cause : undefined;
        printJson(io, {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(source?.status === undefined ? {} : { status: source.status }),
            ...(source?.details === undefined ? {} : { details: source.details }),
          },
        });
        io.stderr(`${error.code} ${error.message}\n`);
        return error.exitCode;
      }
    },
  };
}
