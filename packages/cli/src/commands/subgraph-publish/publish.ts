import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  formatGraphRef,
  RegistryApiError,
  type Diagnostic,
  type GraphRef,
} from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { introspectSubgraph } from '../../lib/introspect.js';
import { describeLaunchOutcome } from '../../lib/launch-report.js';
import { formatWireDiagnostic } from '../../lib/output.js';
import type { CommandContext, CommandOutcome } from '../../lib/registry-command.js';

/** Where the SDL to publish comes from. */
export type SchemaInput =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'endpoint'; readonly url: string; readonly headers: Record<string, string> };

export interface PublishInput {
  readonly ref: GraphRef;
  readonly name: string;
  readonly schema: SchemaInput;
  /** The URL gateways call; required on a subgraph's first publish, kept otherwise. */
  readonly routingUrl: string | undefined;
  readonly revisionNote: string | undefined;
}

/** How long `--endpoint` may take to answer `{ _service { sdl } }`. */
const INTROSPECTION_TIMEOUT_MS = 30_000;

/** The SDL of `--schema` or `--endpoint` (also read by `subgraph check`). */
export async function readSchema(
  ctx: CommandContext,
  input: Pick<PublishInput, 'name' | 'schema'>,
): Promise<string> {
  const { schema } = input;
  if (schema.kind === 'endpoint') {
    return ctx.progress(`Fetching the schema of '${input.name}' from ${schema.url}`, () =>
      introspectSubgraph(schema.url, {
        headers: schema.headers,
        timeoutMs: INTROSPECTION_TIMEOUT_MS,
        subgraph: input.name,
        exitCode: EXIT.NETWORK,
      }),
    );
  }
  if (schema.path === '-') return ctx.io.readStdin();
  try {
    return await readFile(resolve(ctx.io.cwd, schema.path), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read schema ${schema.path}${code === 'ENOENT' ? ' (no such file)' : `: ${(error as Error).message}`}`,
    );
  }
}

/**
 * Prints the diagnostics of a schema the registry rejected (`INVALID_SDL`) on stderr, one line
 * each, before the error's code line: they are the useful part (also used by `subgraph check`,
 * whose proposal may not be a valid subgraph). Other errors, and `--format json`, print nothing.
 */
export function printSchemaDiagnostics(ctx: CommandContext, error: unknown): void {
  if (error instanceof RegistryApiError && error.code === 'INVALID_SDL' && ctx.format === 'text') {
    const errors = (error.details?.['errors'] ?? []) as readonly Diagnostic[];
    for (const diagnostic of errors) ctx.io.stderr(`${formatWireDiagnostic(diagnostic)}\n`);
  }
}

/**
 * Publishes one subgraph and reports it as seed 001 does: what happened to the subgraph, then
 * whether the gateway's supergraph was updated (plainly NOT when composition failed, with each
 * error), the launch, and the API schema changes. Exit 1 when composition failed: the subgraph
 * is recorded all the same (the registry is the source of truth for what is deployed).
 */
export async function publishSubgraph(
  ctx: CommandContext,
  input: PublishInput,
): Promise<CommandOutcome> {
  const graphRef = formatGraphRef(input.ref);
  const sdl = await readSchema(ctx, input);
  let response;
  try {
    response = await ctx.progress(`Publishing '${input.name}' to ${graphRef}`, () =>
      ctx.client.publishSubgraph(input.ref, input.name, {
        sdl,
        ...(input.routingUrl ? { url: input.routingUrl } : {}),
        ...(input.revisionNote ? { revisionNote: input.revisionNote } : {}),
      }),
    );
  } catch (error) {
    printSchemaDiagnostics(ctx, error);
    throw error;
  }
  const json = { graphRef, name: input.name, ...response };
  const hints = response.hints.map((h) => `hint: ${formatWireDiagnostic(h)}`).join('\n');
  if (response.subgraph === 'unchanged') {
    return {
      json,
      text: `The '${input.name}' subgraph for the '${graphRef}' graph is unchanged (same schema and routing URL): no launch was created\n`,
      ...(hints ? { notes: hints } : {}),
    };
  }
  const report = describeLaunchOutcome(
    {
      graphRef,
      subgraph: input.name,
      launch: response.launch,
      supergraphUpdated: response.supergraphUpdated,
      errors: response.errors,
      contractLaunches: response.contractLaunches,
    },
    ctx.paint,
  );
  return {
    exitCode: report.failed ? EXIT.FAILED : EXIT.OK,
    json,
    text: `The '${input.name}' subgraph for the '${graphRef}' graph was ${response.subgraph} (revision ${response.revision})\n\n${report.text}`,
    ...(hints ? { notes: hints } : {}),
  };
}
