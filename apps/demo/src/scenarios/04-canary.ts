/**
 * Scenario 4 (seed 001, "Using variants to control rollout"): a canary. `demo@prod-canary` has
 * its own gateway; a change is checked against both variants, deployed, published to the canary
 * first, watched there, and only then published to `demo@prod`.
 */
import type { Scenario } from './types.js';

const QUERY = '{ me { id name username } user(id: "2") { name } }';

const check = (data: unknown) => {
  const d = data as { me?: { username?: string }; user?: { name?: string } };
  return d.me?.username === 'ada' && d.user?.name === 'Alan Turing' ? undefined : 'unexpected data';
};

/** `base + 1`: the canary gateway's port. */
const CANARY_OFFSET = 1;

export const canary: Scenario = {
  number: 4,
  name: 'canary',
  title: 'canary: check and publish to demo@prod-canary first, watch it, then demo@prod',
  seed: 'seed 001, "Using variants to control rollout"',
  quote: `  1. Check changes in "launches" against prod and prod-canary [...]
  2. Deploy changes to "launches" into your production environment. (Note: This will not roll out
     changes to the gateway yet)
  3. Roll over the prod-canary graph, containing one gateway container, using apollo service:push
     --tag=prod-canary --serviceName=launches. [...]
  4. Wait for health checks to pass against the canary, watch dashboards, etc.
  5. After the canary is stable, roll out the changes to the rest of production using apollo
     service:push --tag=prod --serviceName=launches.`,
  traffic: { query: QUERY, check },
  steps: (ctx) => {
    const served = async () => ({
      prod: await ctx.hasField('prod', 'User', 'nickname'),
      canary: await ctx.hasField('canary', 'User', 'nickname'),
    });
    return [
      {
        title: 'a demo@prod-canary variant from demo@prod, with one gateway of its own',
        async run() {
          await ctx.orrery(['variant', 'create', 'demo@prod-canary', '--from', 'demo@prod']);
          const gateway = await ctx.stack.startGateway('canary', 'demo@prod-canary', CANARY_OFFSET);
          ctx.say(`gateway canary: ${gateway.url}/graphql`);
          ctx.traffic.setGateways([ctx.stack.gateways.get('prod')!.url, gateway.url]);
          ctx.say('the load balancer sends requests to the prod gateway and the canary');
        },
      },
      {
        title: 'check the accounts change (adds User.nickname) against prod and prod-canary',
        async run() {
          const schema = ctx.stack.schemaFile('accounts', 'with-nickname');
          for (const ref of ['demo@prod', 'demo@prod-canary']) {
            const result = await ctx.orrery([
              'subgraph',
              'check',
              ref,
              '--name',
              'accounts',
              '--schema',
              schema,
            ]);
            if (!/Check passed/.test(result.stdout))
              throw new Error(`the check against ${ref} did not pass`);
          }
        },
      },
      {
        title: 'deploy accounts with nickname (gateways do not ask for it yet)',
        async run() {
          await ctx.deploy('accounts', 'with-nickname');
          ctx.say(`User.nickname served: ${JSON.stringify(await served())}`);
        },
      },
      {
        title: 'roll over the canary: publish to demo@prod-canary',
        async run() {
          const result = await ctx.publish('demo@prod-canary', 'accounts', 'with-nickname');
          ctx.say(`registry: launch ${result.launch} of demo@prod-canary`);
          await ctx.until('the canary serves User.nickname', async () => (await served()).canary);
          const now = await served();
          if (now.prod) throw new Error('the prod gateway changed with the canary');
          ctx.say(`User.nickname served: ${JSON.stringify(now)}`);
          await ctx.ask('canary', '{ me { name nickname } }');
          await ctx.ask('prod', '{ me { name nickname } }');
        },
      },
      {
        title: 'watch the canary',
        async run() {
          const before = ctx.traffic.report();
          await new Promise((r) => setTimeout(r, 3000));
          const after = ctx.traffic.report();
          ctx.say(
            `in 3 s the background client sent ${after.sent - before.sent} requests (half of them to the canary), ${after.failed - before.failed} failed`,
          );
          if (after.failed > before.failed) throw new Error('the canary is not healthy');
        },
      },
      {
        title: 'the canary is stable: publish to demo@prod',
        async run() {
          const result = await ctx.publish('demo@prod', 'accounts', 'with-nickname');
          ctx.say(`registry: launch ${result.launch} of demo@prod`);
          await ctx.until(
            'the prod gateway serves User.nickname',
            async () => (await served()).prod,
          );
          await ctx.ask('prod', '{ me { name nickname } }');
        },
      },
    ];
  },
};
