import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composeSubgraphs, type CompositionResult } from '@orrery/composition';
import { formatDiagnostic, type Diagnostic } from '@orrery/core';
import type { Command } from '../../lib/command.js';
import { CliError } from '../../lib/errors.js';
import type { CliIo } from '../../lib/io.js';
import { parseSupergraphConfig } from './config.js';
import { loadSubgraphs } from './load-subgraphs.js';

const USAGE = `Usage: orrery supergraph compose --config <supergraph.yaml> [--output <file>] [--format text|json]

Composes the subgraphs listed in a rover-style supergraph.yaml into a supergraph SDL.

Options:
  -c, --config <file>   the supergraph config ("-" reads it from standard input)
  -o, --output <file>   write the result to this file instead of standard output
      --format <fmt>    text (default): the supergraph SDL; errors and hints on stderr
                        json: { "ok", "supergraphSdl"?, "errors"?, "hints" } on stdout

supergraph.yaml:
  federation_version: =2.9.3        # optional; any 2.x (Fed 1 subgraphs are upgraded)
  subgraphs:
    products:
      routing_url: http://products:4001/graphql
      schema:
        file: ./products.graphql     # relative to the config file
    reviews:
      routing_url: http://reviews:4002/graphql
      schema:
        subgraph_url: http://localhost:4002/graphql   # fetched with { _service { sdl } }
        introspection_headers:
          Authorization: Bearer \${env.REVIEWS_TOKEN}

Exit codes: 0 composed, 1 composition or input failed, 2 bad arguments.
`;

/** What the command needs from the outside; tests of the I/O paths may swap them. */
export interface SupergraphComposeDeps {
  readonly compose: (subgraphs: Parameters<typeof composeSubgraphs>[0]) => CompositionResult;
  /** How long fetching one `subgraph_url` may take. Default 30 s. */
  readonly fetchTimeoutMs: number;
}

interface Args {
  readonly config: string;
  readonly output: string | undefined;
  readonly format: 'text' | 'json';
}

function readArgs(args: readonly string[]): Args {
  let values: {
    config?: string | undefined;
    output?: string | undefined;
    format?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        config: { type: 'string', short: 'c' },
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `${(error as Error).message}. Run "orrery supergraph compose --help" for usage.`,
      2,
    );
  }
  if (!values.config) {
    throw new CliError('ERR_CLI_INVALID_ARGUMENT', '--config <supergraph.yaml> is required', 2);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `--format must be "text" or "json", not "${format}"`,
      2,
    );
  }
  return { config: values.config, output: values.output, format };
}

async function readConfigText(path: string, io: CliIo): Promise<{ text: string; dir: string }> {
  if (path === '-') return { text: await io.readStdin(), dir: io.cwd };
  const absolute = resolve(io.cwd, path);
  try {
    return { text: await readFile(absolute, 'utf8'), dir: dirname(absolute) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read config ${path}${code === 'ENOENT' ? ' (no such file)' : `: ${(error as Error).message}`}`,
    );
  }
}

async function emit(text: string, output: string | undefined, io: CliIo): Promise<void> {
  const withNewline = text.endsWith('\n') ? text : `${text}\n`;
  if (output === undefined) {
    io.stdout(withNewline);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, output), withNewline, 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_CLI_OUTPUT_WRITE_FAILED',
      `cannot write ${output}: ${(error as Error).message}`,
    );
  }
}

function printDiagnostics(errors: readonly Diagnostic[], hints: readonly Diagnostic[], io: CliIo) {
  for (const hint of hints) io.stderr(`hint: ${formatDiagnostic(hint)}\n`);
  for (const error of errors) io.stderr(`${formatDiagnostic(error)}\n`);
}

/**
 * Builds the command. The real command uses Orrery's `composeSubgraphs`; `deps` exists so unit
 * tests of the file, network and output paths do not depend on composition.
 */
export function createSupergraphComposeCommand(deps: Partial<SupergraphComposeDeps> = {}): Command {
  const compose = deps.compose ?? ((subgraphs) => composeSubgraphs(subgraphs));
  const fetchTimeoutMs = deps.fetchTimeoutMs ?? 30_000;
  return {
    path: ['supergraph', 'compose'],
    summary: 'compose the subgraphs of a supergraph.yaml into a supergraph SDL',
    usage: USAGE,
    async run(args, io) {
      const { config: configPath, output, format } = readArgs(args);
      const { text, dir } = await readConfigText(configPath, io);
      const label = configPath === '-' ? '<stdin>' : configPath;
      const config = parseSupergraphConfig(text, dir, label, io.env);
      const loaded = await loadSubgraphs(config.subgraphs, {
        cwd: io.cwd,
        timeoutMs: fetchTimeoutMs,
      });
      const result: CompositionResult = loaded.errors.length
        ? { ok: false, errors: loaded.errors, hints: [] }
        : compose(loaded.subgraphs);
      if (format === 'json') {
        const json = result.ok
          ? { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints }
          : { ok: false, errors: result.errors, hints: result.hints };
        await emit(JSON.stringify(json, null, 2), output, io);
        return result.ok ? 0 : 1;
      }
      printDiagnostics(result.ok ? [] : result.errors, result.hints, io);
      if (!result.ok) {
        io.stderr(
          `composition failed with ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`,
        );
        return 1;
      }
      await emit(result.supergraphSdl, output, io);
      return 0;
    },
  };
}

/** `orrery supergraph compose`. */
export const supergraphComposeCommand: Command = createSupergraphComposeCommand();
