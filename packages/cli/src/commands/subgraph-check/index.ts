import {
  booleanOption,
  defineRegistryCommand,
  graphRefArgument,
  stringOption,
  stringsOption,
  type OptionSpecs,
  type OptionValues,
} from '../../lib/registry-command.js';
import { SUBGRAPH_SCHEMA_OPTIONS, subgraphSchemaFlags } from '../subgraph-publish/index.js';
import { checkSubgraph } from './check.js';
import { checkConfig, type CheckFlags } from './options.js';

const USAGE = `Usage: orrery subgraph check GRAPH_REF --name NAME (--schema FILE|- | --endpoint URL) [options]

Checks a proposed subgraph schema against a variant without changing anything: the registry
composes it with the variant's other subgraphs, lists the API schema changes against the served
supergraph, and weighs each breaking or dangerous change against the operations clients sent in
the validation period. Contracts fed by the variant and query plans of the busiest operations
are checked too. Branch, commit, author and message are sent along, from ORRERY_VCS_BRANCH /
_COMMIT / _AUTHOR / _MESSAGE, the CI's variables (GitHub, GitLab, CircleCI...) or git.

Exit codes: 0 the check passed, 1 it failed (composition, or a breaking change affects
operations), 2 usage error, 3 auth, 4 registry unreachable.

Arguments:
  GRAPH_REF                          graph@variant (a bare graph means graph@current)

Options:
      --name <name>                  the subgraph's name
      --schema <file>                the proposed SDL; "-" reads standard input
      --endpoint <url>               instead of --schema: fetch it from a running subgraph
      --header <h>                   "Name: value" sent with --endpoint (repeatable)
      --routing-url <url>            the routing URL to compose with (default: the published one)
      --validation-period <period>   traffic window: 7d (default), 2w, 24h, 30m or seconds
      --query-count-threshold <n>    an operation counts from n requests in the window (default 1)
      --query-percentage-threshold <p>
                                     ...and from p % of the window's requests (default 0)
      --exclude-client <name[@ver]>  ignore a client's requests, or one version's (repeatable)
      --exclude-operation <id|name>  ignore an operation's requests (repeatable)
      --variant-traffic <ref>        weigh the traffic of this variant of the same graph instead
                                     (repeatable; default: the checked variant's)
      --fail-on-dangerous            a dangerous change that affects operations fails the check
      --plan-regressions <mode>      warn (default), fail or off: operations planned with more
                                     fetches or deeper
`;

/** Flags shared by `subgraph check` and `service:check` (rover's names). */
export const CHECK_OPTIONS: OptionSpecs = {
  'validation-period': { type: 'string' },
  'query-count-threshold': { type: 'string' },
  'query-percentage-threshold': { type: 'string' },
  'exclude-client': { type: 'string', multiple: true },
  'exclude-operation': { type: 'string', multiple: true },
  'variant-traffic': { type: 'string', multiple: true },
  'fail-on-dangerous': { type: 'boolean' },
  'plan-regressions': { type: 'string' },
};

/** The check flags as given on the command line. */
export function checkFlags(values: OptionValues): CheckFlags {
  return {
    validationPeriod: stringOption(values, 'validation-period'),
    queryCountThreshold: stringOption(values, 'query-count-threshold'),
    queryPercentageThreshold: stringOption(values, 'query-percentage-threshold'),
    excludeClients: stringsOption(values, 'exclude-client'),
    excludeOperations: stringsOption(values, 'exclude-operation'),
    variantTraffic: stringsOption(values, 'variant-traffic'),
    failOnDangerous: booleanOption(values, 'fail-on-dangerous'),
    planRegressions: stringOption(values, 'plan-regressions'),
  };
}

/** `orrery subgraph check`. */
export const subgraphCheckCommand = defineRegistryCommand({
  path: ['subgraph', 'check'],
  summary: 'check a proposed subgraph schema: composition and breaking changes against traffic',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { ...SUBGRAPH_SCHEMA_OPTIONS, ...CHECK_OPTIONS },
  run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    // Every flag is read before the schema or the registry: a typo costs no round trip.
    return checkSubgraph(ctx, {
      ref,
      ...subgraphSchemaFlags(values),
      config: checkConfig(checkFlags(values), ref),
    });
  },
});
