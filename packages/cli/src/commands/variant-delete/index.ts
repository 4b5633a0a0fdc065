import { formatGraphRef } from '@orrery/registry-client';
import { EXIT } from '../../lib/exit-codes.js';
import {
  booleanOption,
  defineRegistryCommand,
  graphRefArgument,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery variant delete GRAPH_REF [--yes]

Deletes a variant with its subgraphs, launches and history. Gateways polling it get 404 from
then on. Asks for confirmation unless --yes; without a terminal, --yes is required.

Arguments:
  GRAPH_REF    graph@variant

Options:
  -y, --yes    do not ask for confirmation
`;

/** `orrery variant delete`. */
export const variantDeleteCommand = defineRegistryCommand({
  path: ['variant', 'delete'],
  summary: 'delete a variant and its history (asks for confirmation)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { yes: { type: 'boolean', short: 'y' } },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const graphRef = formatGraphRef(ref);
    const confirmed = await ctx.confirm(
      `Delete the variant '${graphRef}' with all its subgraphs, launches and history? This cannot be undone.`,
      booleanOption(values, 'yes'),
    );
    if (!confirmed) {
      return {
        exitCode: EXIT.FAILED,
        json: { graphRef, cancelled: true },
        text: 'Cancelled: nothing was deleted',
      };
    }
    await ctx.progress(`Deleting ${graphRef}`, () => ctx.client.deleteVariant(ref));
    return { json: { graphRef, deleted: true }, text: `Deleted the variant '${graphRef}'` };
  },
});
