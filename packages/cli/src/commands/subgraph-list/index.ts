import { formatGraphRef, type GraphRef } from '@orrery/registry-client';
import { formatTable, formatWhen } from '../../lib/output.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  type CommandContext,
  type CommandOutcome,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery subgraph list GRAPH_REF

Lists the subgraphs of a variant: name, routing URL and when each was last updated.

Arguments:
  GRAPH_REF   graph@variant (a bare graph means graph@current)
`;

/** The seed's `service:list` table: name, URL, last updated. */
export async function listSubgraphs(ctx: CommandContext, ref: GraphRef): Promise<CommandOutcome> {
  const graphRef = formatGraphRef(ref);
  const subgraphs = await ctx.progress(`Fetching the subgraphs of ${graphRef}`, () =>
    ctx.client.listSubgraphs(ref),
  );
  const sorted = [...subgraphs].sort((a, b) => a.name.localeCompare(b.name));
  return {
    json: { graphRef, subgraphs: sorted },
    text: sorted.length
      ? formatTable(
          ['name', 'URL', 'last updated'],
          sorted.map((s) => [s.name, s.url, formatWhen(s.updatedAt)]),
        )
      : `No subgraphs in '${graphRef}'`,
  };
}

/** `orrery subgraph list`. */
export const subgraphListCommand = defineRegistryCommand({
  path: ['subgraph', 'list'],
  summary: 'list the subgraphs of a variant (name, URL, last updated)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: {},
  run: (ctx, _values, [ref]) => listSubgraphs(ctx, graphRefArgument(ref!)),
});
