import { formatGraphRef, type CreateVariantResponse, type GraphRef } from '@orrery/registry-client';
import { EXIT } from '../../lib/exit-codes.js';
import { formatWireDiagnostic, plural, type Paint } from '../../lib/output.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  stringOption,
  type CommandOutcome,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery variant create GRAPH_REF [--from GRAPH_REF]

Creates a variant. With --from, every subgraph of that variant is copied and composed (a
prod-canary from prod); without it the variant starts empty (its first publish fills it).

Arguments:
  GRAPH_REF              the new variant: graph@variant

Options:
      --from <ref>       copy the subgraphs of this variant (same graph): graph@variant
`;

/**
 * Reports a created variant and its first launch (from a copy or a contract). Exit 1 when that
 * launch failed: the variant exists, but serves nothing yet.
 */
export function reportCreatedVariant(
  ref: GraphRef,
  response: CreateVariantResponse,
  what: string,
  paint: Paint,
): CommandOutcome {
  const graphRef = formatGraphRef(ref);
  const { launch } = response;
  const lines = [`Created the ${what}`];
  if (launch?.status === 'success') {
    lines.push(
      paint.green(
        `Launch ${launch.id} composed its supergraph: gateways of '${graphRef}' can fetch it`,
      ),
    );
  } else if (launch) {
    lines.push(
      '',
      `Composition errors must be resolved before '${graphRef}' can serve a supergraph (launch ${launch.id} failed with ${plural(launch.errors.length, 'error')}):`,
      '',
      ...launch.errors.map((e) => `${paint.red('Error')}  ${formatWireDiagnostic(e)}`),
      '',
      paint.bold(`The gateway for the '${graphRef}' graph was NOT updated with a new schema`),
    );
  } else {
    lines.push(
      `It has no subgraphs yet: publish one with "orrery subgraph publish ${graphRef} ..."`,
    );
  }
  return {
    exitCode: launch?.status === 'failed' ? EXIT.FAILED : EXIT.OK,
    json: { graphRef, ...response },
    text: `${lines.join('\n')}\n`,
  };
}

/** `orrery variant create`. */
export const variantCreateCommand = defineRegistryCommand({
  path: ['variant', 'create'],
  summary: 'create a variant, optionally copying another (prod-canary from prod)',
  usage: USAGE,
  positionals: ['GRAPH_REF'],
  options: { from: { type: 'string' } },
  async run(ctx, values, [refText]) {
    const ref = graphRefArgument(refText!);
    const fromText = stringOption(values, 'from');
    // Checked here so that a typo is a usage error before anything is sent.
    const from = fromText === undefined ? undefined : formatGraphRef(graphRefArgument(fromText));
    const response = await ctx.progress(`Creating ${formatGraphRef(ref)}`, () =>
      ctx.client.createVariant(ref, from ? { from } : {}),
    );
    return reportCreatedVariant(
      ref,
      response,
      `variant '${formatGraphRef(ref)}'${from ? ` from '${from}'` : ''}`,
      ctx.paint,
    );
  },
});
