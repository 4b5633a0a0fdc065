import { formatGraphRef } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  integerOption,
  requiredOption,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery subgraph fetch GRAPH_REF --name NAME [--revision N]

Prints a subgraph's SDL as registered (the latest revision, or an older one).

Arguments:
  GRAPH_REF            graph@variant (a bare graph means graph@current)

Options:
      --name <name>    the subgraph
      --revision <n>   an earlier revision (see the history with --format json)
`;

/** `orrery subgraph fetch`. */
export const subgraphFetchCommand = defineRegistryCommand({
  path: ['subgraph', 'fetch'],
  summary: "print a subgraph's registered SDL",
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { name: { type: 'string' }, revision: { type: 'string' } },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const name = requiredOption(values, 'name', 'name');
    const revision = integerOption(values, 'revision');
    const graphRef = formatGraphRef(ref);
    if (revision === undefined) {
      const subgraph = await ctx.progress(`Fetching '${name}' from ${graphRef}`, () =>
        ctx.client.getSubgraph(ref, name),
      );
      return { json: { graphRef, subgraph }, text: subgraph.sdl };
    }
    const revisions = await ctx.progress(`Fetching the history of '${name}'`, () =>
      ctx.client.listRevisions(ref, name),
    );
    const found = revisions.find((r) => r.revision === revision);
    if (!found) {
      throw new CliError(
        'NOT_FOUND',
        `the '${name}' subgraph of '${graphRef}' has no revision ${revision} (it has ${revisions.map((r) => r.revision).join(', ') || 'none'})`,
      );
    }
    return { json: { graphRef, subgraph: found }, text: found.sdl };
  },
});
