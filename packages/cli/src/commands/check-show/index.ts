import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { defineRegistryCommand, graphRefArgument } from '../../lib/registry-command.js';
import { describeCheck } from '../subgraph-check/render.js';

const USAGE = `Usage: orrery check show GRAPH_REF ID

Prints a stored schema check as "orrery subgraph check" printed it when it ran: the tasks,
composition errors, the changes weighed against traffic, the affected operations and their
clients, contracts and query plan regressions. Exit 0 whatever the check's own status (it is
in the output, and in "status" with --format json).

Arguments:
  GRAPH_REF    graph@variant (a bare graph means graph@current)
  ID           the check's id (from "orrery check list" or the check's output)
`;

/** `orrery check show`. */
export const checkShowCommand = defineRegistryCommand({
  path: ['check', 'show'],
  summary: 'print a stored schema check in full',
  usage: USAGE,
  positionals: ['GRAPH_REF', 'ID'],
  options: {},
  async run(ctx, _values, [refText, idText]) {
    const ref = graphRefArgument(refText!);
    const id = Number(idText);
    if (!/^\d+$/.test(idText!) || !Number.isSafeInteger(id) || id < 1) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `ID must be a check id (a positive integer), not "${idText}"`,
        EXIT.USAGE,
      );
    }
    const result = await ctx.progress(`Fetching check ${id}`, () => ctx.client.getCheck(ref, id));
    return {
      json: { ...result },
      text: describeCheck(result, ctx.paint, { verbose: ctx.verbose }),
    };
  },
});
