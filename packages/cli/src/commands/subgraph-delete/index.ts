import { formatGraphRef, type GraphRef } from '@orrery/registry-client';
import { EXIT } from '../../lib/exit-codes.js';
import { describeLaunchOutcome } from '../../lib/launch-report.js';
import {
  booleanOption,
  defineRegistryCommand,
  graphRefArgument,
  requiredOption,
  type CommandContext,
  type CommandOutcome,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery subgraph delete GRAPH_REF --name NAME [--yes]

Removes a subgraph from a variant and recomposes the supergraph without it. Its history is kept
(the registry can restore it). Asks for confirmation unless --yes; without a terminal, --yes is
required.

Arguments:
  GRAPH_REF          graph@variant (a bare graph means graph@current)

Options:
      --name <name>  the subgraph to remove
  -y, --yes          do not ask for confirmation
`;

/** Deletes after confirmation and reports the launch as a publish does. */
export async function deleteSubgraph(
  ctx: CommandContext,
  ref: GraphRef,
  name: string,
  yes: boolean,
): Promise<CommandOutcome> {
  const graphRef = formatGraphRef(ref);
  const confirmed = await ctx.confirm(
    `Delete the '${name}' subgraph from '${graphRef}'? The supergraph is recomposed without it.`,
    yes,
  );
  if (!confirmed) {
    return {
      exitCode: EXIT.FAILED,
      json: { graphRef, name, cancelled: true },
      text: 'Cancelled: nothing was deleted',
    };
  }
  const response = await ctx.progress(`Deleting '${name}' from ${graphRef}`, () =>
    ctx.client.deleteSubgraph(ref, name),
  );
  const report = describeLaunchOutcome(
    {
      graphRef,
      subgraph: name,
      launch: response.launch,
      supergraphUpdated: response.supergraphUpdated,
      errors: response.errors,
    },
    ctx.paint,
  );
  return {
    exitCode: report.failed ? EXIT.FAILED : EXIT.OK,
    json: { graphRef, name, ...response },
    text: `The '${name}' subgraph was removed from the '${graphRef}' graph\n\n${report.text.replace('composed from the updated', 'composed without the')}`,
  };
}

/** `orrery subgraph delete`. */
export const subgraphDeleteCommand = defineRegistryCommand({
  path: ['subgraph', 'delete'],
  summary: 'remove a subgraph from a variant (asks for confirmation)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { name: { type: 'string' }, yes: { type: 'boolean', short: 'y' } },
  run: (ctx, values, [ref]) =>
    deleteSubgraph(
      ctx,
      graphRefArgument(ref!),
      requiredOption(values, 'name', 'name'),
      booleanOption(values, 'yes'),
    ),
});
