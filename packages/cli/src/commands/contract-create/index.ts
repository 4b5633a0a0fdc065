import { formatGraphRef } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import {
  booleanOption,
  defineRegistryCommand,
  graphRefArgument,
  requiredOption,
  stringsOption,
} from '../../lib/registry-command.js';
import { reportCreatedVariant } from '../variant-create/index.js';

const USAGE = `Usage: orrery contract create GRAPH_REF --source GRAPH_REF [--include-tag T]... [--exclude-tag T]... [--hide-unreachable-types]

Creates a contract variant: the source variant's supergraph filtered by @tag. It is relaunched
whenever its source launches, so it always follows the source.

Arguments:
  GRAPH_REF                   the contract variant to create: graph@variant

Options:
      --source <ref>          the variant it derives from (same graph): graph@variant
      --include-tag <tag>     keep only elements with one of these tags (repeatable)
      --exclude-tag <tag>     remove elements with one of these tags (repeatable)
      --hide-unreachable-types
                              also hide types no longer reachable from a root field
`;

/** `orrery contract create`. */
export const contractCreateCommand = defineRegistryCommand({
  path: ['contract', 'create'],
  summary: 'create a contract variant (a @tag-filtered view of another variant)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: {
    source: { type: 'string' },
    'include-tag': { type: 'string', multiple: true },
    'exclude-tag': { type: 'string', multiple: true },
    'hide-unreachable-types': { type: 'boolean' },
  },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const source = formatGraphRef(
      graphRefArgument(requiredOption(values, 'source', 'graph@variant')),
    );
    const includeTags = stringsOption(values, 'include-tag');
    const excludeTags = stringsOption(values, 'exclude-tag');
    if (includeTags.length === 0 && excludeTags.length === 0) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        'a contract needs at least one --include-tag or --exclude-tag',
        EXIT.USAGE,
      );
    }
    const response = await ctx.progress(`Creating the contract ${formatGraphRef(ref)}`, () =>
      ctx.client.createVariant(ref, {
        contract: {
          source,
          includeTags,
          excludeTags,
          hideUnreachableTypes: booleanOption(values, 'hide-unreachable-types'),
        },
      }),
    );
    return reportCreatedVariant(
      ref,
      response,
      `contract '${formatGraphRef(ref)}' of '${source}'`,
      ctx.paint,
    );
  },
});
