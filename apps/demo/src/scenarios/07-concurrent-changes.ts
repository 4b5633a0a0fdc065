/**
 * Scenario 7 (seed 004, "Concurrent subgraph schema changes"): every merge publishes to
 * `demo@current`, and checks run against it as well as against `demo@prod`. Team B's change
 * passes against prod (released schemas) but not against current, where Team A's merged change
 * already is: the conflict shows up at build time, not as a failed release.
 */
import type { Scenario } from './types.js';

const QUERY = '{ topProducts { upc nameLowercase inStock } }';

const check = (data: unknown) =>
  (data as { topProducts?: unknown[] }).topProducts?.length === 5
    ? undefined
    : 'expected 5 products';

export const concurrentChanges: Scenario = {
  number: 7,
  name: 'concurrent-changes',
  title: "two teams' concurrent changes caught early by checking against demo@current",
  seed: 'seed 004, "Concurrent subgraph schema changes"',
  quote: `The solution is to encounter the build error much earlier in the process. As soon as Team A
merges a changeset, Team B should run build checks against that change. [...]
  • Each repository immediately publishes the subgraph schema to the current variant each time we
    merge a change to the main branch, even if we won't release the change for a while.
  • We run build checks for a proposed change against the current variant (to catch build errors
    quickly) as well as our production variants (to run operation checks against live traffic).`,
  traffic: { query: QUERY, check },
  steps: (ctx) => {
    const check = (ref: string, version: string, expect: number) =>
      ctx.orrery(
        [
          'subgraph',
          'check',
          ref,
          '--name',
          'inventory',
          '--schema',
          ctx.stack.schemaFile('inventory', version),
        ],
        expect,
      );
    return [
      {
        title: 'Team A merges products with Product.name and publishes it to demo@current',
        async run() {
          const result = await ctx.publish('demo@current', 'products', 'v2');
          ctx.say(`registry: launch ${result.launch} of demo@current (not released to prod)`);
        },
      },
      {
        title: "Team B's change (inventory adds its own Product.name) checked against demo@prod",
        async run() {
          await check('demo@prod', 'with-name', 0);
          ctx.say("it passes: prod has only released schemas, without Team A's change");
        },
      },
      {
        title: '... and against demo@current',
        async run() {
          const result = await check('demo@current', 'with-name', 1);
          if (!/INVALID_FIELD_SHARING/.test(result.stdout))
            throw new Error('the check against current did not fail composition');
          ctx.say(
            "caught at build time: Team A's release would have failed to compose after Team B's",
          );
        },
      },
      {
        title:
          'the teams talk: Team B adds Product.shelf instead; checks pass, it publishes to demo@current',
        async run() {
          await check('demo@current', 'with-shelf', 0);
          await check('demo@prod', 'with-shelf', 0);
          const result = await ctx.publish('demo@current', 'inventory', 'with-shelf');
          ctx.say(`registry: launch ${result.launch} of demo@current`);
          await ctx.ask('prod', '{ topProducts(first: 2) { upc inStock } }');
          ctx.say(
            'the prod gateway is untouched: demo@prod gets both changes when they are released',
          );
        },
      },
    ];
  },
};
