import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatGraphRef } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  integerOption,
  stringOption,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery supergraph fetch GRAPH_REF [--launch ID] [--output FILE]

Prints the supergraph SDL the registry serves for a variant (what gateways run), or the one of
an earlier successful launch.

Arguments:
  GRAPH_REF             graph@variant (a bare graph means graph@current)

Options:
      --launch <id>     the supergraph of this launch instead of the served one
  -o, --output <file>   write the SDL to this file instead of standard output
`;

/** `orrery supergraph fetch`. */
export const supergraphFetchCommand = defineRegistryCommand({
  path: ['supergraph', 'fetch'],
  summary: 'print the supergraph a variant serves (or a launch produced)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { launch: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const graphRef = formatGraphRef(ref);
    const launchId = integerOption(values, 'launch');
    const result = await ctx.progress(`Fetching the supergraph of ${graphRef}`, () =>
      ctx.client.getSupergraph(ref, { launchId }),
    );
    // Without If-None-Match the registry always answers with the SDL.
    if (result.status !== 'updated') throw new Error('unexpected 304 without If-None-Match');
    const json = {
      graphRef,
      launchId: result.launchId,
      hash: result.hash,
      supergraphSdl: result.supergraphSdl,
    };
    const output = stringOption(values, 'output');
    if (output === undefined) return { json, text: result.supergraphSdl };
    const sdl = result.supergraphSdl.endsWith('\n')
      ? result.supergraphSdl
      : `${result.supergraphSdl}\n`;
    try {
      await writeFile(resolve(ctx.io.cwd, output), sdl, 'utf8');
    } catch (error) {
      throw new CliError(
        'ERR_CLI_OUTPUT_WRITE_FAILED',
        `cannot write ${output}: ${(error as Error).message}`,
      );
    }
    return {
      json: { ...json, output },
      notes: `Wrote the supergraph of '${graphRef}' (launch ${result.launchId}) to ${output}`,
    };
  },
});
