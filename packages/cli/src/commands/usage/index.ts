import { formatGraphRef, parseGraphRef, type UsageView } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  integerOption,
  stringOption,
} from '../../lib/registry-command.js';
import { parseDuration } from '../subgraph-check/options.js';
import { describeUsage } from './render.js';

const USAGE = `Usage: orrery usage GRAPH_REF [--coordinate COORD] [--period 7d] [--variants a,b] [--limit N]

Who uses the graph, from the operations its gateways report. With --coordinate: the operations
that used a type, field, argument or enum value in the period, and their clients (what a schema
check would weigh before removing it). Without: the most used operations.

Arguments:
  GRAPH_REF                  graph@variant (a bare graph means graph@current)

Options:
      --coordinate <coord>   Type, Type.field, Type.field(arg:) or Enum.VALUE
      --period <period>      how far back: 7d (default), 2w, 24h, 30m or seconds
      --variants <a,b>       variants of the same graph whose traffic to read
                             (default: the GRAPH_REF's variant)
      --limit <n>            how many operations (default 50 without --coordinate)
`;

/** A schema coordinate as the registry records them; anything else is a usage error. */
const COORDINATE =
  /^(@?[A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*(\([A-Za-z_][A-Za-z0-9_]*:\))?|\([A-Za-z_][A-Za-z0-9_]*:\))?$/;

function variantList(text: string | undefined, graph: string): string[] | undefined {
  if (text === undefined) return undefined;
  const variants = text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!variants.length) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      '--variants needs at least one variant',
      EXIT.USAGE,
    );
  }
  // Validated as refs of the graph, so a bad name is a usage error here, not a 400 later.
  return variants.map((variant) => parseGraphRef(`${graph}@${variant}`).variant);
}

/** `orrery usage`. */
export const usageCommand = defineRegistryCommand({
  path: ['usage'],
  summary: 'operations and clients using a schema coordinate, or the most used operations',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: {
    coordinate: { type: 'string' },
    period: { type: 'string' },
    variants: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const coordinate = stringOption(values, 'coordinate');
    if (coordinate !== undefined && !COORDINATE.test(coordinate)) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `--coordinate must be a schema coordinate (Type, Type.field, Type.field(arg:), Enum.VALUE), not "${coordinate}"`,
        EXIT.USAGE,
      );
    }
    const periodText = stringOption(values, 'period');
    const query = {
      period: periodText === undefined ? undefined : parseDuration(periodText, 'period'),
      variants: variantList(stringOption(values, 'variants'), ref.graph),
    };
    const limit = integerOption(values, 'limit');
    const graphRef = formatGraphRef(ref);
    const view: UsageView = await ctx.progress(`Fetching the usage of ${graphRef}`, () =>
      coordinate === undefined
        ? ctx.client.listOperationUsage(ref, { ...query, limit })
        : ctx.client.getCoordinateUsage(ref, coordinate, query),
    );
    // The coordinate route has no limit of its own: --limit cuts its list here (after the
    // text's client totals, which count every operation).
    const operations = limit === undefined ? view.operations : view.operations.slice(0, limit);
    return {
      json: { graphRef, ...view, operations },
      text: describeUsage(graphRef, view, ctx.paint, limit),
    };
  },
});
