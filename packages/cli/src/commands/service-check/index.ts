import {
  defineRegistryCommand,
  stringOption,
  stringsOption,
  type OptionValues,
} from '../../lib/registry-command.js';
import {
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceGraphRef,
  serviceName,
} from '../../lib/service-alias.js';
import { checkSubgraph } from '../subgraph-check/check.js';
import { CHECK_OPTIONS, checkFlags } from '../subgraph-check/index.js';
import { checkConfig, type CheckFlags } from '../subgraph-check/options.js';
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

/** The Apollo CLI's names for the thresholds win over rover's when both are given. */
function apolloFlags(values: OptionValues, flags: CheckFlags): CheckFlags {
  const apollo = {
    validationPeriod: stringOption(values, 'validationPeriod'),
    queryCountThreshold: stringOption(values, 'queryCountThreshold'),
    queryPercentageThreshold: stringOption(values, 'queryCountThresholdPercentage'),
  };
  return {
    ...flags,
    validationPeriod: apollo.validationPeriod ?? flags.validationPeriod,
    queryCountThreshold: apollo.queryCountThreshold ?? flags.queryCountThreshold,
    queryPercentageThreshold: apollo.queryPercentageThreshold ?? flags.queryPercentageThreshold,
    names: {
      ...(apollo.validationPeriod !== undefined && { validationPeriod: 'validationPeriod' }),
      ...(apollo.queryCountThreshold !== undefined && {
        queryCountThreshold: 'queryCountThreshold',
      }),
      ...(apollo.queryPercentageThreshold !== undefined && {
        queryPercentageThreshold: 'queryCountThresholdPercentage',
      }),
    },
  };
}

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
    return checkSubgraph(ctx, {
      ref,
      name: serviceName(values),
      schema: schemaInput(
        stringOption(values, 'localSchemaFile') ?? stringOption(values, 'schema'),
        stringOption(values, 'endpoint'),
        stringsOption(values, 'header'),
      ),
      routingUrl: stringOption(values, 'serviceURL'),
      config: checkConfig(apolloFlags(values, checkFlags(values)), ref),
    });
  },
});
