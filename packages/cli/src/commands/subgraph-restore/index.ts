import { formatGraphRef } from '@orrery/registry-client';
import { EXIT } from '../../lib/exit-codes.js';
import { describeLaunchOutcome } from '../../lib/launch-report.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  integerOption,
  requiredOption,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery subgraph restore GRAPH_REF --name NAME [--revision N]

Brings back a deleted subgraph (or an earlier revision of one) from the registry's history and
recomposes, reporting the launch as "subgraph publish" does (exit 1 when composition fails).

Arguments:
  GRAPH_REF            graph@variant (a bare graph means graph@current)

Options:
      --name <name>    the subgraph
      --revision <n>   the revision to restore (default: the last one before the deletion)
`;

/** `orrery subgraph restore`. */
export const subgraphRestoreCommand = defineRegistryCommand({
  path: ['subgraph', 'restore'],
  summary: 'restore a deleted subgraph (or an earlier revision) from history',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { name: { type: 'string' }, revision: { type: 'string' } },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const graphRef = formatGraphRef(ref);
    const name = requiredOption(values, 'name', 'name');
    const revision = integerOption(values, 'revision');
    const response = await ctx.progress(`Restoring '${name}' in ${graphRef}`, () =>
      ctx.client.restoreSubgraph(ref, name, revision === undefined ? {} : { revision }),
    );
    const report = describeLaunchOutcome(
      {
        graphRef,
        subgraph: name,
        launch: response.launch,
        supergraphUpdated: response.supergraphUpdated,
        errors: response.errors,
        contractLaunches: response.contractLaunches,
      },
      ctx.paint,
    );
    return {
      exitCode: report.failed ? EXIT.FAILED : EXIT.OK,
      json: { graphRef, name, ...response },
      text: `The '${name}' subgraph for the '${graphRef}' graph was restored (revision ${response.revision})\n\n${report.text}`,
    };
  },
});
