/**
 * Scenario 9 (seed 001, "Reliability and security"): the registry goes down. Gateways keep
 * serving the last supergraph they applied; a gateway restarted during the outage starts from
 * the copy in its cache folder (last known good); when the registry is back they follow new
 * launches again.
 */
import type { Scenario } from './types.js';

const QUERY = '{ me { id name username } topProducts(first: 3) { upc nameLowercase inStock } }';

const check = (data: unknown) => {
  const d = data as { me?: { username?: string }; topProducts?: unknown[] };
  return d.me?.username === 'ada' && d.topProducts?.length === 3 ? undefined : 'unexpected data';
};

export const registryDown: Scenario = {
  number: 9,
  name: 'registry-down',
  title: 'the registry goes down; a gateway restarts and still serves (last known good)',
  seed: 'seed 001, "Reliability and security"',
  quote: `In the event that managed configuration is inaccessible [...] the gateway will continue to
serve the last-known configuration. In the event that Apollo Graph Manager API is down, changes to
managed configuration will be stalled but the last-published configuration files will still be
accessible.`,
  traffic: { query: QUERY, check },
  steps: (ctx) => {
    const url = (name: string) => ctx.stack.gateways.get(name)!.url;
    return [
      {
        title: 'a second gateway replica on demo@prod; the load balancer sends to both',
        async run() {
          await ctx.stack.startGateway('prod-2', 'demo@prod', 1);
          ctx.traffic.setGateways([url('prod'), url('prod-2')]);
          await ctx.ask('prod-2', '{ me { name } }');
        },
      },
      {
        title: 'the registry goes down (SIGKILL)',
        async run() {
          await ctx.stack.killRegistry();
          ctx.say(`${ctx.stack.registryUrl} no longer answers`);
          await new Promise((r) => setTimeout(r, 2000));
          await ctx.ask('prod', '{ me { name } }');
          await ctx.ask('prod-2', '{ me { name } }');
        },
      },
      {
        title: 'restart gateway prod-2 while the registry is down',
        async run() {
          // Drained first, as a load balancer would before a restart: no new requests, and time
          // for those already sent to be answered.
          ctx.traffic.setGateways([url('prod')]);
          ctx.say('the load balancer drains prod-2');
          await new Promise((r) => setTimeout(r, 1000));
          const restarted = await ctx.stack.startGateway('prod-2', 'demo@prod', 1);
          const line = restarted
            .output()
            .split('\n')
            .find((l) => /cached launch/.test(l));
          if (!line)
            throw new Error(
              `the restarted gateway did not start from its cache:\n${restarted.output()}`,
            );
          ctx.say(`gateway prod-2 says: ${line.trim()}`);
          ctx.traffic.setGateways([url('prod'), url('prod-2')]);
          await ctx.ask('prod-2', '{ me { name username } }');
          await new Promise((r) => setTimeout(r, 2000));
          const report = ctx.traffic.report();
          ctx.say(`background client so far: ${report.sent} requests, ${report.failed} failed`);
        },
      },
      {
        title: 'the registry is back: gateways follow the next launch again',
        async run() {
          await ctx.stack.startRegistry();
          ctx.say(`${ctx.stack.registryUrl} is ready`);
          await ctx.deploy('accounts', 'with-nickname');
          const result = await ctx.publish('demo@prod', 'accounts', 'with-nickname');
          ctx.say(`registry: launch ${result.launch}`);
          await ctx.until(
            'both gateways serve User.nickname',
            async () =>
              (await ctx.hasField('prod', 'User', 'nickname')) &&
              (await ctx.hasField('prod-2', 'User', 'nickname')),
          );
          await ctx.ask('prod-2', '{ me { name nickname } }');
        },
      },
    ];
  },
};
