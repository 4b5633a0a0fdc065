import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDiagnostic, formatDiagnostic, type Diagnostic } from '@orrery/core';
import {
  planStats,
  printQueryPlan,
  tryCreateQueryPlanner,
  type QueryPlan,
} from '@orrery/query-planner';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { Command } from '../../lib/command.js';
import { CliError } from '../../lib/errors.js';
import type { CliIo } from '../../lib/io.js';

const USAGE = `Usage: orrery plan --supergraph <file> [--operation-name <name>] [--format text|json] <query-file|->

Plans one GraphQL operation against a supergraph and prints the query plan.

Arguments:
  <query-file>                the operation (a GraphQL document); "-" reads standard input

Options:
  -s, --supergraph <file>     the supergraph SDL (as "orrery supergraph compose" writes it)
  -n, --operation-name <name> which operation of the document to plan (required when it has several)
      --override-label <l>    treat a progressive @override label as enabled (repeatable)
      --format <fmt>          text (default): the plan in Apollo's query plan format
                              json: { "ok", "plan"?, "stats"?, "errors"? } on stdout
      --stats                 text format: also print fetch count and sequential depth on stderr

Exit codes: 0 planned, 1 the input cannot be read or planned (coded errors on stderr), 2 bad arguments.
`;

interface Args {
  readonly supergraph: string;
  readonly query: string;
  readonly operationName: string | undefined;
  readonly overrideLabels: readonly string[];
  readonly format: 'text' | 'json';
  readonly stats: boolean;
}

function readArgs(args: readonly string[]): Args {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `${(error as Error).message}. Run "orrery plan --help" for usage.`,
      2,
    );
  }
  const { values, positionals } = parsed;
  if (!values.supergraph) {
    throw new CliError('ERR_CLI_INVALID_ARGUMENT', '--supergraph <file> is required', 2);
  }
  const [query, ...extra] = positionals;
  if (query === undefined) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      'the operation is required: a query file, or "-" for standard input',
      2,
    );
  }
  if (extra.length > 0) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `expected one query file, got ${positionals.length}: ${positionals.join(' ')}`,
      2,
    );
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `--format must be "text" or "json", not "${format}"`,
      2,
    );
  }
  return {
    supergraph: values.supergraph,
    query,
    operationName: values['operation-name'],
    overrideLabels: values['override-label'] ?? [],
    format,
    stats: values.stats ?? false,
  };
}

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      supergraph: { type: 'string', short: 's' },
      'operation-name': { type: 'string', short: 'n' },
      'override-label': { type: 'string', multiple: true },
      format: { type: 'string' },
      stats: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  });
}

async function readInput(path: string, what: string, io: CliIo): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read ${what} ${path}${code === 'ENOENT' ? ' (no such file)' : `: ${(error as Error).message}`}`,
    );
  }
}

/** Diagnostics whose locations point into the operation get its file name. */
function inFile(diagnostics: readonly Diagnostic[], source: string): Diagnostic[] {
  return diagnostics.map((d) => ({
    ...d,
    locations: d.locations.map((l) => ({ ...l, source: l.source ?? source })),
  }));
}

/** Parses the operation here (not in the planner) so syntax errors point into the file. */
function parseOperation(
  text: string,
  source: string,
): { readonly document: DocumentNode } | { readonly error: Diagnostic } {
  try {
    return { document: parse(text) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return {
      error: createDiagnostic('ERR_PLAN_INVALID_OPERATION', error.message, {
        locations: (error.locations ?? []).map((l) => ({ ...l, source })),
      }),
    };
  }
}

type Outcome =
  | { readonly ok: true; readonly plan: QueryPlan }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

function planOperation(supergraphSdl: string, queryText: string, args: Args): Outcome {
  const created = tryCreateQueryPlanner(supergraphSdl, { overrideLabels: args.overrideLabels });
  if (!created.ok) return { ok: false, errors: created.errors };
  const source = args.query === '-' ? '<stdin>' : args.query;
  const parsed = parseOperation(queryText, source);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const result = created.planner.plan(
    parsed.document,
    args.operationName === undefined ? {} : { operationName: args.operationName },
  );
  return result.ok ? result : { ok: false, errors: inFile(result.errors, source) };
}

/** `orrery plan`: one operation's query plan, in Apollo's text format or as JSON. */
export const planCommand: Command = {
  path: ['plan'],
  summary: 'print the query plan of an operation against a supergraph',
  usage: USAGE,
  async run(rawArgs, io) {
    const args = readArgs(rawArgs);
    const supergraphSdl = await readInput(args.supergraph, 'supergraph', io);
    const queryText = await readInput(args.query, 'operation', io);
    const outcome = planOperation(supergraphSdl, queryText, args);
    if (args.format === 'json') {
      const json = outcome.ok
        ? { ok: true, plan: outcome.plan, stats: planStats(outcome.plan) }
        : { ok: false, errors: outcome.errors };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return outcome.ok ? 0 : 1;
    }
    if (!outcome.ok) {
      for (const error of outcome.errors) io.stderr(`${formatDiagnostic(error)}\n`);
      return 1;
    }
    io.stdout(`${printQueryPlan(outcome.plan)}\n`);
    if (args.stats) {
      const stats = planStats(outcome.plan);
      const perSubgraph = Object.entries(stats.fetchesBySubgraph)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');
      io.stderr(
        `${stats.fetches} fetch${stats.fetches === 1 ? '' : 'es'}, sequential depth ${stats.sequentialDepth}${perSubgraph ? ` (${perSubgraph})` : ''}\n`,
      );
    }
    return 0;
  },
};
