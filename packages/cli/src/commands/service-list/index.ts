import { SERVICE_OPTIONS } from '../../lib/service-alias.js';
import { defineRegistryCommand } from '../../lib/registry-command.js';
import { serviceGraphRef } from '../../lib/service-alias.js';
import { listSubgraphs } from '../subgraph-list/index.js';

const USAGE = `Usage: orrery service:list [--graph G] [--variant V]

The Apollo CLI's name for "orrery subgraph list": the services of a variant with their URLs
and when each was last updated.

Options:
      --graph <graph>        the graph (env ORRERY_GRAPH, or "graph" in the config file)
      --variant <variant>    the variant (default "current"); --tag is the older name
`;

/** `orrery service:list`, alias of `subgraph list`. */
export const serviceListCommand = defineRegistryCommand({
  path: ['service:list'],
  summary: 'alias of "subgraph list" with the Apollo CLI flags',
  usage: USAGE,
  options: {
    graph: SERVICE_OPTIONS['graph']!,
    variant: SERVICE_OPTIONS['variant']!,
    tag: SERVICE_OPTIONS['tag']!,
  },
  run: (ctx, values) => listSubgraphs(ctx, serviceGraphRef(ctx, values)),
});
