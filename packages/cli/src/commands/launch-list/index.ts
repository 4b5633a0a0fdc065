import { formatGraphRef, type Launch } from '@orrery/registry-client';
import { formatTable, formatWhen, type Paint } from '../../lib/output.js';
import { olderPageHint, pageOptions, PAGING_OPTIONS } from '../../lib/paging.js';
import { defineRegistryCommand, graphRefArgument } from '../../lib/registry-command.js';

const USAGE = `Usage: orrery launch list GRAPH_REF [--limit N] [--before ID]

Lists a variant's launches, newest first: each publish, delete or variant change that
recomposed the supergraph, whether composition succeeded, and how many API schema changes it
brought.

Arguments:
  GRAPH_REF          graph@variant (a bare graph means graph@current)

Options:
      --limit <n>    how many launches (default 20)
      --before <id>  only launches older than this one (paging)
`;

function trigger(launch: Launch): string {
  const t = launch.trigger;
  switch (t.kind) {
    case 'publish':
    case 'delete':
    case 'restore':
      return `${t.kind} ${t.subgraph}`;
    case 'variant-created':
      return t.from ? `created from ${t.from}` : 'variant created';
    case 'contract':
      return `contract of ${t.source} #${t.sourceLaunchId}`;
  }
}

function status(launch: Launch, paint: Paint): string {
  return launch.status === 'success'
    ? paint.green('success')
    : paint.red(`failed (${launch.errors.length})`);
}

/** `orrery launch list`. */
export const launchListCommand = defineRegistryCommand({
  path: ['launch', 'list'],
  summary: "list a variant's launches (compositions), newest first",
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: PAGING_OPTIONS,
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const graphRef = formatGraphRef(ref);
    const list = await ctx.progress(`Fetching the launches of ${graphRef}`, () =>
      ctx.client.listLaunches(ref, pageOptions(values)),
    );
    const rows = list.launches.map((l) => [
      String(l.id),
      status(l, ctx.paint),
      trigger(l),
      String(l.changes.length),
      l.actor,
      formatWhen(l.createdAt),
    ]);
    const more = olderPageHint('launches', list.nextBefore);
    return {
      json: { graphRef, ...list },
      text: rows.length
        ? formatTable(['id', 'status', 'trigger', 'changes', 'by', 'when'], rows) + more
        : `No launches in '${graphRef}' yet`,
    };
  },
});
