/**
 * Scenario 2 (seed 001, "Modifying query-planning logic"): reviews moves its
 * `@requires(fields: "nameLowercase")` to `name` in place, in the seed's four steps, with a
 * "double read" in between so that whichever field the gateway sends, the deployed resolver can
 * build its headline.
 */
import { checkHeadlines, REVIEWS_QUERY, reviewsRequires } from './requires-check.js';
import type { Scenario } from './types.js';

export const requiresInPlace: Scenario = {
  number: 2,
  name: 'requires-in-place',
  title: 'migrate @requires(fields: "nameLowercase") to name in place (the four steps)',
  seed: 'seed 001, "Modifying query-planning logic"',
  quote: `To perform this migration in-place:
  1. Modify the Products service to add the new field. (As usual, first deploy all replicas, then
     use apollo service:push to push the new partial schema.)
  2. Deploy a new version of the Reviews service with a resolver that accepts either nameLowercase
     or name in the source object.
  3. Modify the Reviews service's schema in the registry so that it @requires(fields: "name").
  4. Deploy a new version of the Reviews service with a resolver that only accepts the name in its
     source object.`,
  traffic: { query: REVIEWS_QUERY, check: checkHeadlines },
  steps: (ctx) => {
    const requires = async (print: boolean) =>
      reviewsRequires(await ctx.plan('prod', '{ topProducts { reviews { headline } } }', print));
    return [
      {
        title: 'products adds `name`: deploy all replicas, then publish',
        async run() {
          await ctx.deploy('products', 'v2');
          const result = await ctx.publish('demo@prod', 'products', 'v2');
          ctx.say(`registry: launch ${result.launch}`);
          await ctx.until('the gateway serves Product.name', () =>
            ctx.hasField('prod', 'Product', 'name'),
          );
          await ctx.ask('prod', '{ topProducts(first: 2) { upc name nameLowercase } }');
        },
      },
      {
        title: 'deploy reviews v2, whose resolver accepts either nameLowercase or name',
        async run() {
          await ctx.deploy('reviews', 'v2');
          ctx.say(`the gateway sends reviews: ${await requires(true)}`);
        },
      },
      {
        title: 'change the reviews schema in the registry to @requires(fields: "name")',
        async run() {
          const result = await ctx.publish('demo@prod', 'reviews', 'v3');
          ctx.say(`registry: launch ${result.launch}`);
          await ctx.until('the gateway plans with the new @requires', async () => {
            const sent = await requires(false);
            return /\bname\b/.test(sent) && !/nameLowercase/.test(sent);
          });
          ctx.say(`the gateway sends reviews: ${await requires(true)}`);
        },
      },
      {
        title: 'deploy reviews v4, whose resolver only accepts name',
        async run() {
          await ctx.deploy('reviews', 'v4');
          await ctx.ask('prod', '{ topProducts(first: 2) { upc reviews { headline } } }');
        },
      },
    ];
  },
};
