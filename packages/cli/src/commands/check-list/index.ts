import { formatGraphRef, type CheckSummary } from '@orrery/registry-client';
import { formatTable, formatWhen, type Paint } from '../../lib/output.js';
import { olderPageHint, pageOptions, PAGING_OPTIONS } from '../../lib/paging.js';
import { defineRegistryCommand, graphRefArgument } from '../../lib/registry-command.js';
import { formatCount } from '../../lib/usage-format.js';

const USAGE = `Usage: orrery check list GRAPH_REF [--limit N] [--before ID]

Lists the schema checks run against a variant, newest first: the subgraph checked, whether the
check passed, how many API schema changes it found (and how many breaking), and how many
operations they affect. "orrery check show GRAPH_REF ID" prints one in full.

Arguments:
  GRAPH_REF          graph@variant (a bare graph means graph@current)

Options:
      --limit <n>    how many checks (default 20)
      --before <id>  only checks older than this one (paging)
`;

function status(check: CheckSummary, paint: Paint): string {
  return check.status === 'passed' ? paint.green('passed') : paint.red('failed');
}

/** `orrery check list`. */
export const checkListCommand = defineRegistryCommand({
  path: ['check', 'list'],
  summary: "list a variant's schema checks, newest first",
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: PAGING_OPTIONS,
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const graphRef = formatGraphRef(ref);
    const list = await ctx.progress(`Fetching the checks of ${graphRef}`, () =>
      ctx.client.listChecks(ref, pageOptions(values)),
    );
    const rows = list.checks.map((c) => [
      String(c.id),
      status(c, ctx.paint),
      c.subgraph,
      formatCount(c.changes),
      formatCount(c.breaking),
      formatCount(c.affectedOperations),
      c.actor,
      formatWhen(c.createdAt),
    ]);
    const more = olderPageHint('checks', list.nextBefore);
    return {
      json: { graphRef, ...list },
      text: rows.length
        ? formatTable(
            ['id', 'status', 'subgraph', 'changes', 'breaking', 'affected ops', 'by', 'when'],
            rows,
          ) + more
        : `No checks in '${graphRef}' yet`,
    };
  },
});
