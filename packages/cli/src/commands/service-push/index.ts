import {
  SERVICE_OPTIONS,
  SERVICE_USAGE,
  serviceGraphRef,
  serviceName,
} from '../../lib/service-alias.js';
import { defineRegistryCommand, stringOption, stringsOption } from '../../lib/registry-command.js';
import { schemaInput } from '../subgraph-publish/index.js';
import { publishSubgraph } from '../subgraph-publish/publish.js';

const USAGE = `Usage: orrery service:push --serviceName NAME --serviceURL URL (--endpoint URL | --schema FILE) [--graph G] [--variant V]

The Apollo CLI's name for "orrery subgraph publish": registers a service's schema and
recomposes the graph. --endpoint is where the schema is fetched now ({ _service { sdl } });
--serviceURL is where gateways call the service at run time.

Options:
${SERVICE_USAGE}
      --serviceURL <url>     the URL gateways call (required on the first push)
      --endpoint <url>       fetch the schema from this running service
      --schema <file>        or read it from a file ("-" for standard input);
                             --localSchemaFile is the Apollo CLI's name for it
      --header <h>           "Name: value" sent with --endpoint (repeatable)
`;

/** `orrery service:push`, alias of `subgraph publish`. */
export const servicePushCommand = defineRegistryCommand({
  path: ['service:push'],
  summary: 'alias of "subgraph publish" with the Apollo CLI flags (--serviceName...)',
  usage: USAGE,
  options: {
    ...SERVICE_OPTIONS,
    serviceURL: { type: 'string' },
    endpoint: { type: 'string' },
    schema: { type: 'string' },
    localSchemaFile: { type: 'string' },
    header: { type: 'string', multiple: true },
  },
  run: (ctx, values) =>
    publishSubgraph(ctx, {
      ref: serviceGraphRef(ctx, values),
      name: serviceName(values),
      schema: schemaInput(
        stringOption(values, 'schema') ?? stringOption(values, 'localSchemaFile'),
        stringOption(values, 'endpoint'),
        stringsOption(values, 'header'),
      ),
      routingUrl: stringOption(values, 'serviceURL'),
      revisionNote: undefined,
    }),
});
