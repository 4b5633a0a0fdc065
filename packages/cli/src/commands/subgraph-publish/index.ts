import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { parseHeaders } from '../../lib/introspect.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  requiredOption,
  stringOption,
  stringsOption,
  type OptionSpecs,
  type OptionValues,
} from '../../lib/registry-command.js';
import { publishSubgraph, type PublishInput, type SchemaInput } from './publish.js';

const USAGE = `Usage: orrery subgraph publish GRAPH_REF --name NAME (--schema FILE|- | --endpoint URL) [--routing-url URL]

Publishes a subgraph's schema to the registry. The registry validates it (an invalid schema is
rejected and nothing is stored), records it, composes every subgraph of the variant and, when
composition succeeds, serves the new supergraph to gateways. When composition fails the subgraph
is still updated but the supergraph is NOT: the errors are printed and the exit code is 1.

Arguments:
  GRAPH_REF                  graph@variant (a bare graph means graph@current)

Options:
      --name <name>          the subgraph's name
      --schema <file>        the subgraph's SDL; "-" reads standard input
      --endpoint <url>       instead of --schema: fetch the SDL from a running subgraph with
                             { _service { sdl } } (where the schema is read now, not the URL
                             gateways call: see --routing-url)
      --header <h>           "Name: value" sent with --endpoint (repeatable)
      --routing-url <url>    the URL gateways call at run time (required on the first publish)
      --revision-note <text> free text kept in the history (a git sha, a build number)
`;

/** Reads `--schema` / `--endpoint` (exactly one) into a schema input. */
export function schemaInput(
  schema: string | undefined,
  endpoint: string | undefined,
  headers: readonly string[],
): SchemaInput {
  if (schema && endpoint) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      'give --schema or --endpoint, not both',
      EXIT.USAGE,
    );
  }
  if (endpoint) {
    if (!/^https?:\/\//.test(endpoint)) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `--endpoint must be an http(s) URL, not "${endpoint}"`,
        EXIT.USAGE,
      );
    }
    return { kind: 'endpoint', url: endpoint, headers: parseHeaders(headers) };
  }
  if (!schema) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      '--schema <file> or --endpoint <url> is required',
      EXIT.USAGE,
    );
  }
  return { kind: 'file', path: schema };
}

/** The flags naming a subgraph and where its schema comes from (`subgraph publish` and `check`). */
export const SUBGRAPH_SCHEMA_OPTIONS: OptionSpecs = {
  name: { type: 'string' },
  schema: { type: 'string' },
  endpoint: { type: 'string' },
  header: { type: 'string', multiple: true },
  'routing-url': { type: 'string' },
};

/** Reads them, in this order: `--name` (required), `--schema` / `--endpoint`, `--routing-url`. */
export function subgraphSchemaFlags(
  values: OptionValues,
): Pick<PublishInput, 'name' | 'schema' | 'routingUrl'> {
  return {
    name: requiredOption(values, 'name', 'name'),
    schema: schemaInput(
      stringOption(values, 'schema'),
      stringOption(values, 'endpoint'),
      stringsOption(values, 'header'),
    ),
    routingUrl: stringOption(values, 'routing-url'),
  };
}

/** `orrery subgraph publish`. */
export const subgraphPublishCommand = defineRegistryCommand({
  path: ['subgraph', 'publish'],
  summary: 'publish a subgraph schema to the registry (recomposes the supergraph)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { ...SUBGRAPH_SCHEMA_OPTIONS, 'revision-note': { type: 'string' } },
  run: (ctx, values, [ref]) =>
    publishSubgraph(ctx, {
      ref: graphRefArgument(ref!),
      ...subgraphSchemaFlags(values),
      revisionNote: stringOption(values, 'revision-note'),
    }),
});
