import { defineRegistryCommand, stringOption, stringsOption } from '../../lib/registry-command.js';
import {
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceGraphRef,
  serviceName,
} from '../../lib/service-alias.js';
import { checkSubgraph } from '../subgraph-check/check.js';
import { CHECK_OPTIONS, checkFlags } from '../subgraph-check/index.js';
import { checkConfig } from '../subgraph-check/options.js';
import { schemaInput } from '../subgraph-publish/index.js';

const USAGE = `Usage: orrery service:check --serviceName NAME (--localSchemaFile FILE | --endpoint URL) [--graph G] [--variant V]

The Apollo CLI's name for "orrery subgraph check": composes the proposed service with the
graph's other services and validates the schema changes against the operations clients sent.
It never updates the graph. Same output and exit codes as "subgraph check" (0 passed, 1
failed); its check flags (--exclude-client, --variant-traffic...) are accepted too.

Options:
${SERVICE_USAGE}
      --localSchemaFile <file>         the proposed schema ("-" for standard input);
                                       --schema is accepted as well
      --endpoint <url>                 or fetch it from this running service
      --header <h>                     "Name: value" sent with --endpoint (repeatable)
      --serviceURL <url>               the routing URL to compose with (default: the published one)
      --validationPeriod <period>      traffic window: 7d (default), 2w, 24h or seconds
      --queryCountThreshold <n>        an operation counts from n requests (default 1)
      --queryCountThresholdPercentage <p>
                                       ...and from p % of the window's requests (default 0)
`;

/** `orrery service:check`, alias of `subgraph check`. */
export const serviceCheckCommand = defineRegistryCommand({
  path: ['service:check'],
  summary: 'alias of "subgraph check" with the Apollo CLI flags (--serviceName...)',
  usage: USAGE,
  options: {
    ...SERVICE_OPTIONS,
    localSchemaFile: { type: 'string' },
    schema: { type: 'string' },
    endpoint: { type: 'string' },
    header: { type: 'string', multiple: true },
    serviceURL: { type: 'string' },
    validationPeriod: { type: 'string' },
    queryCountThreshold: { type: 'string' },
    queryCountThresholdPercentage: { type: 'string' },
    ...CHECK_OPTIONS,
  },
  run(ctx, values) {
    const ref = serviceGraphRef(ctx, values);
    const flags = checkFlags(values);
    return checkSubgraph(ctx, {
      ref,
      name: serviceName(values),
      schema: schemaInput(
        stringOption(values, 'localSchemaFile') ?? stringOption(values, 'schema'),
        stringOption(values, 'endpoint'),
        stringsOption(values, 'header'),
      ),
      routingUrl: stringOption(values, 'serviceURL'),
      config: checkConfig(
        {
          ...flags,
          validationPeriod: stringOption(values, 'validationPeriod') ?? flags.validationPeriod,
          queryCountThreshold:
            stringOption(values, 'queryCountThreshold') ?? flags.queryCountThreshold,
          queryPercentageThreshold:
            stringOption(values, 'queryCountThresholdPercentage') ?? flags.queryPercentageThreshold,
        },
        ref,
      ),
    });
  },
});
