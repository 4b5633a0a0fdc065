import {
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceGraphRef,
  serviceName,
} from '../../lib/service-alias.js';
import { booleanOption, defineRegistryCommand } from '../../lib/registry-command.js';
import { deleteSubgraph } from '../subgraph-delete/index.js';

const USAGE = `Usage: orrery service:delete --serviceName NAME [--graph G] [--variant V] [--yes]

The Apollo CLI's name for "orrery subgraph delete": removes a service from a variant and
recomposes. Asks for confirmation unless --yes; without a terminal, --yes is required.

Options:
${SERVICE_USAGE}
  -y, --yes                  do not ask for confirmation
`;

/** `orrery service:delete`, alias of `subgraph delete`. */
export const serviceDeleteCommand = defineRegistryCommand({
  path: ['service:delete'],
  summary: 'alias of "subgraph delete" with the Apollo CLI flags',
  usage: USAGE,
  options: { ...SERVICE_OPTIONS, yes: { type: 'boolean', short: 'y' } },
  run: (ctx, values) =>
    deleteSubgraph(
      ctx,
      serviceGraphRef(ctx, values),
      serviceName(values),
      booleanOption(values, 'yes'),
    ),
});
