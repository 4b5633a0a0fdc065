/**
 * Scenario 3 (seed 001, "Modifying query-planning logic", the atomic strategy): the same
 * `@requires` migration done at once by deploying the new reviews at a new URL and publishing the
 * schema with that URL. Plans made for the old supergraph keep calling the old replicas; plans
 * for the new one call the new replicas, which read only `name`.
 */
import { checkHeadlines, REVIEWS_QUERY, reviewsRequires } from './requires-check.js';
import type { Scenario } from './types.js';

/** `base + 25`: the new reviews replicas' port (see the stack's port layout). */
const NEW_REVIEWS_OFFSET = 25;

export const requiresAtomic: Scenario = {
  number: 3,
  name: 'requires-atomic',
  title: 'the same migration atomically: publish reviews at a new URL',
  seed: 'seed 001, "Modifying query-planning logic" (atomic migration)',
  quote: `Alternatively, you can perform this operation with an atomic migration at the service level,
by modifying the service's URL:
  1. Modify the Products service to add the name field (as usual, first deploy all replicas, then
     use apollo service:push to push the new partial schema).
  2. Deploy a new set of Reviews replicas to a new URL that reads from name.
  3. Register the Reviews service with the new URL and the partial schema changes above.`,
  traffic: { query: REVIEWS_QUERY, check: checkHeadlines },
  steps: (ctx) => {
    const oldReviews = () => ctx.stack.subgraphs.get('reviews')!;
    let newUrl = '';
    let newRequests = () => 0;
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
        },
      },
      {
        title: 'deploy new reviews replicas (v4: reads only name) at a new URL',
        async run() {
          const replicas = await ctx.stack.startSubgraphAt('reviews', 'v4', NEW_REVIEWS_OFFSET);
          newUrl = replicas.url;
          newRequests = () => replicas.requests;
          ctx.say(
            `reviews v4 at ${newUrl}; the old replicas (v1, reads only nameLowercase) stay at ${oldReviews().url}`,
          );
          ctx.say(`requests so far: old ${oldReviews().requests}, new ${newRequests()}`);
        },
      },
      {
        title: 'register reviews with the new URL and @requires(fields: "name")',
        async run() {
          const result = await ctx.publish('demo@prod', 'reviews', 'v4', { routingUrl: newUrl });
          ctx.say(`registry: launch ${result.launch}`);
          await ctx.until('the new replicas get the traffic', () => newRequests() > 20);
          const plan = await ctx.plan('prod', '{ topProducts { reviews { headline } } }', false);
          ctx.say(`the gateway sends ${reviewsRequires(plan)} to ${newUrl}`);
          // Once the gateway has swapped, the old replicas get nothing more.
          const settled = oldReviews().requests;
          await new Promise((r) => setTimeout(r, 1500));
          ctx.say(
            `requests: old ${oldReviews().requests} (${oldReviews().requests - settled} in the last 1.5 s), new ${newRequests()}`,
          );
          if (oldReviews().requests !== settled)
            throw new Error('the old reviews replicas still get requests');
        },
      },
      {
        title: 'retire the old reviews replicas',
        async run() {
          await oldReviews().stop();
          ctx.say('the old replicas are stopped');
          await ctx.ask('prod', '{ topProducts(first: 2) { upc reviews { headline } } }');
        },
      },
    ];
  },
};
