import { formatGraphRef, type CheckConfig, type GraphRef } from '@orrery/registry-client';
import { EXIT } from '../../lib/exit-codes.js';
import type { CommandContext, CommandOutcome } from '../../lib/registry-command.js';
import {
  printSchemaDiagnostics,
  readSchema,
  type SchemaInput,
} from '../subgraph-publish/publish.js';
import { describeCheck } from './render.js';
import { vcsContext } from './vcs-context.js';

export interface CheckInput {
  readonly ref: GraphRef;
  readonly name: string;
  readonly schema: SchemaInput;
  /** For composition; the registry uses the published URL (or a placeholder) when absent. */
  readonly routingUrl: string | undefined;
  readonly config: CheckConfig;
}

/**
 * Checks a proposed subgraph schema against a variant (composition, then the API schema changes
 * weighed against the variant's traffic, contracts, query plans) and reports it. Never changes
 * the graph. Exit 0 when the check passed, 1 when it failed; a failed check is an answer, not an
 * error, so `--format json` prints the whole result with `ok: false`.
 */
export async function checkSubgraph(
  ctx: CommandContext,
  input: CheckInput,
): Promise<CommandOutcome> {
  const graphRef = formatGraphRef(input.ref);
  const [sdl, context] = await Promise.all([
    readSchema(ctx, input),
    vcsContext(ctx.io.cwd, ctx.io.env),
  ]);
  let result;
  try {
    result = await ctx.progress(`Checking '${input.name}' against ${graphRef}`, () =>
      ctx.client.runCheck(input.ref, {
        subgraph: input.name,
        sdl,
        ...(input.routingUrl ? { url: input.routingUrl } : {}),
        ...(Object.keys(input.config).length ? { config: input.config } : {}),
        ...(context ? { context } : {}),
      }),
    );
  } catch (error) {
    printSchemaDiagnostics(ctx, error);
    throw error;
  }
  return {
    exitCode: result.status === 'passed' ? EXIT.OK : EXIT.FAILED,
    json: { ...result },
    text: describeCheck(result, ctx.paint, { verbose: ctx.verbose }),
  };
}
