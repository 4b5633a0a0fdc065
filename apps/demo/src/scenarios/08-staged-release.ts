/**
 * Scenario 8 (seed 004, "Staged schema change releases"): `@tag` contracts for alpha, beta and
 * GA, each served by its own gateway. A new field tagged `alpha` is seen only by the alpha
 * gateway; retagged `beta`, by alpha and beta; untagged, by all three.
 */
import type { Scenario } from './types.js';

const QUERY = '{ topProducts { upc nameLowercase price } }';

const check = (data: unknown) =>
  (data as { topProducts?: unknown[] }).topProducts?.length === 5
    ? undefined
    : 'expected 5 products';

/** The contract variants: name, gateway port offset, `orrery contract create` tag options. */
const STAGES = [
  // The CLI wants at least one tag: alpha excludes `internal`, which nothing in the demo carries.
  ['alpha', 1, ['--exclude-tag', 'internal']],
  ['beta', 2, ['--exclude-tag', 'alpha']],
  ['ga', 3, ['--exclude-tag', 'alpha', '--exclude-tag', 'beta']],
] as const;

export const stagedRelease: Scenario = {
  number: 8,
  name: 'staged-release',
  title: 'staged release with @tag contracts: alpha, beta and GA variants, a gateway each',
  seed: 'seed 004, "Staged schema change releases"',
  quote: `  1. Mark elements of our schema with the '@tag' directive for the targeted release [...]
  2. Configure our GA variant to be a contract that filters out all fields tagged "alpha" or "beta".
  3. Configure a separate beta variant to exclude the "alpha" tag, and another alpha variant that
     doesn't exclude anything.
  4. Set up three separate Routers configured to use the alpha, beta, and GA variants.
  [...]
  6. Releasing the change to a wider audience is simply a matter of changing the tag to "beta" or
     removing it altogether.`,
  traffic: { query: QUERY, check },
  steps: (ctx) => {
    /** Which stages' gateways serve Product.description, waiting until it is `expected`. */
    const expectServed = async (expected: readonly string[]) => {
      await ctx.until(`description served by: ${expected.join(', ') || 'none'}`, async () => {
        for (const [stage] of STAGES)
          if ((await ctx.hasField(stage, 'Product', 'description')) !== expected.includes(stage))
            return false;
        return true;
      });
      for (const [stage] of STAGES)
        await ctx.ask(stage, '{ topProducts(first: 1) { upc description } }');
    };
    const release = async (version: string) => {
      await ctx.deploy('products', version);
      const result = await ctx.publish('demo@prod', 'products', version);
      const contracts = result.stdout.match(/Contract '[^']+' relaunched \(launch [^)]+\)/g) ?? [];
      if (contracts.length !== STAGES.length)
        throw new Error(`expected ${STAGES.length} contract launches, got ${contracts.length}`);
    };
    return [
      {
        title: 'contracts demo@alpha, demo@beta and demo@ga from demo@prod, and a gateway on each',
        async run() {
          for (const [stage, offset, tags] of STAGES) {
            await ctx.orrery([
              'contract',
              'create',
              `demo@${stage}`,
              '--source',
              'demo@prod',
              ...tags,
            ]);
            await ctx.stack.startGateway(stage, `demo@${stage}`, offset);
            ctx.say(`gateway ${stage}: ${ctx.stack.gateways.get(stage)!.url}/graphql`);
          }
          ctx.traffic.setGateways(
            ['prod', ...STAGES.map(([s]) => s)].map((g) => ctx.stack.gateways.get(g)!.url),
          );
          ctx.say('the background client now queries all four gateways');
        },
      },
      {
        title: 'release Product.description tagged "alpha"',
        async run() {
          await release('description-alpha');
          await expectServed(['alpha']);
        },
      },
      {
        title: 'promote it: retag it "beta"',
        async run() {
          await release('description-beta');
          await expectServed(['alpha', 'beta']);
        },
      },
      {
        title: 'generally available: remove the tag',
        async run() {
          await release('description-ga');
          await expectServed(['alpha', 'beta', 'ga']);
        },
      },
    ];
  },
};
