/**
 * Scenario 5 (seed 001, "Handling composition failure"): a publish whose schema is a valid
 * subgraph but does not compose. The registry records it (it is the source of truth for what is
 * deployed), the launch fails, and the gateway keeps serving its last supergraph.
 */
import type { Scenario } from './types.js';

const QUERY = '{ topProducts { upc price weight inStock shippingEstimate } }';

/** Every product still has its shipping estimate (inventory's `@requires(fields: "price weight")`). */
const check = (data: unknown) => {
  const products = (data as { topProducts?: { shippingEstimate?: unknown }[] }).topProducts;
  return products?.length === 5 && products.every((p) => typeof p.shippingEstimate === 'number')
    ? undefined
    : 'topProducts without shipping estimates';
};

export const failedComposition: Scenario = {
  number: 5,
  name: 'failed-composition',
  title: 'a publish that fails composition: the subgraph is recorded, the gateway keeps serving',
  seed: 'seed 001, "Handling composition failure"',
  quote: `When this happens, the federated service will still be updated as long as its capabilities
are spec-compliant, but the graph will not be updated. [...] The service registry should always be
the source of truth for what is running in your infrastructure. [...] However, you still want your
gateway to function as it has been before the service deployment.`,
  traffic: { query: QUERY, check },
  steps: (ctx) => {
    let failedLaunch: string | undefined;
    return [
      {
        title: 'publish an inventory schema that resolves `weight` too, which products owns',
        async run() {
          const result = await ctx.publish('demo@prod', 'inventory', 'broken', { expect: 1 });
          failedLaunch = result.launch;
          if (!failedLaunch || !/was NOT updated/.test(result.stdout))
            throw new Error('the publish did not fail composition as the scenario expects');
          ctx.say(`registry: the subgraph is recorded, launch ${failedLaunch} failed`);
        },
      },
      {
        title: 'the registry is the source of truth: it lists the failed launch and the new schema',
        async run() {
          await ctx.orrery(['launch', 'list', 'demo@prod', '--limit', '2']);
          const fetched = await ctx.orrery([
            'subgraph',
            'fetch',
            'demo@prod',
            '--name',
            'inventory',
          ]);
          if (!/weight: Int\s*\n/.test(fetched.stdout))
            throw new Error('the registry does not hold the broken inventory schema');
        },
      },
      {
        title: 'the gateway keeps serving the last supergraph that composed',
        async run() {
          // Give a (wrong) swap time to happen: the gateway long-polls and would have it by now.
          await new Promise((r) => setTimeout(r, 2000));
          const answer = await ctx.ask(
            'prod',
            '{ topProducts(first: 2) { upc shippingEstimate } }',
          );
          if (answer.errors?.length) throw new Error('the gateway stopped serving');
        },
      },
      {
        title: 'fix it: publish the inventory schema that composes',
        async run() {
          const result = await ctx.publish('demo@prod', 'inventory', 'v1');
          ctx.say(
            `registry: launch ${result.launch} succeeded, the failed one stays in the history`,
          );
          await ctx.ask('prod', '{ topProducts(first: 2) { upc shippingEstimate } }');
        },
      },
    ];
  },
};
