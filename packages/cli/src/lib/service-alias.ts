/**
 * What the `apollo service:*` aliases share: the graph ref from `--graph` (or `ORRERY_GRAPH`, or
 * `graph` in a config file) and `--variant` / `--tag` (the old name of a variant), `current` by
 * default, as the Apollo CLI of the seeds did.
 *
 * @module
 */
import { DEFAULT_VARIANT, parseGraphRef, type GraphRef } from '@orrery/registry-client';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import {
  requiredOption,
  stringOption,
  type CommandContext,
  type OptionSpecs,
  type OptionValues,
} from './registry-command.js';

export const SERVICE_OPTIONS: OptionSpecs = {
  serviceName: { type: 'string' },
  graph: { type: 'string' },
  variant: { type: 'string' },
  tag: { type: 'string' },
};

export const SERVICE_USAGE = `      --serviceName <name>   the subgraph ("service") name
      --graph <graph>        the graph (env ORRERY_GRAPH, or "graph" in the config file)
      --variant <variant>    the variant (default "current"); --tag is the older name`;

/** The graph ref the `service:*` flags name. */
export function serviceGraphRef(ctx: CommandContext, values: OptionValues): GraphRef {
  const graph = ctx.settings.graph;
  if (!graph) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      'no graph: pass --graph, set ORRERY_GRAPH, or put "graph:" in orrery.yaml',
      EXIT.USAGE,
    );
  }
  const variant = stringOption(values, 'variant');
  const tag = stringOption(values, 'tag');
  if (variant && tag && variant !== tag) {
    throw new CliError('ERR_CLI_INVALID_ARGUMENT', 'give --variant or --tag, not both', EXIT.USAGE);
  }
  return parseGraphRef(`${graph}@${variant ?? tag ?? DEFAULT_VARIANT}`);
}

export function serviceName(values: OptionValues): string {
  return requiredOption(values, 'serviceName', 'name');
}
