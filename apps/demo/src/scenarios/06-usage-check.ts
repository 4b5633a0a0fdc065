/**
 * Scenario 6 (seed 004, "Backward incompatible subgraph schema changes", and seed 001,
 * "Validating changes to the graph"): a check weighs a breaking change against the operations
 * the gateway reported. Removing `User.username` fails while a client's operation uses it, and
 * names the operation and the client; once the client's new version no longer asks for it, the
 * check passes over a window with no request of the old version (usage reached zero), and
 * passes over the usual 7 days when the old version is retired; then the change is released.
 */
import type { CliResult } from '../stack.js';
import type { Scenario } from './types.js';

const CLIENT = 'web-app';
const WITH_USERNAME = 'query ProfileCard { me { id name username } }';
const WITHOUT_USERNAME = 'query ProfileCard { me { id name } }';

/** The usage window of the "usage reached zero" check; the scenario waits it out. */
const QUIET_WINDOW_S = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const check = (data: unknown) =>
  (data as { me?: { name?: string } }).me?.name === 'Ada Lovelace' ? undefined : 'no me.name';

export const usageCheck: Scenario = {
  number: 6,
  name: 'usage-check',
  title: 'a breaking change caught by a check against recorded usage, passing once usage is gone',
  seed: 'seed 004, "Backward incompatible subgraph schema changes"',
  quote: `  1. Use the @deprecated directive to communicate with clients that schema elements should no
     longer be relied on.
  2. [...] track the usage of types and fields. Reach out to clients identified as performing the
     affected operations before releasing the change.
  3. Continue to track usage until it reaches zero (or to a minimally acceptable level, for
     example, where a field is still in use by an older version of a mobile application that is
     no longer supported).
  4. Perform the release steps for a backward compatible change.`,
  traffic: {
    query: WITH_USERNAME,
    check,
    headers: { 'apollographql-client-name': CLIENT, 'apollographql-client-version': '1.4.0' },
  },
  steps: (ctx) => {
    const schema = () => ctx.stack.schemaFile('accounts', 'without-username');
    const checkArgs = (...extra: string[]) => [
      'subgraph',
      'check',
      'demo@prod',
      '--name',
      'accounts',
      '--schema',
      schema(),
      ...extra,
    ];
    const usage = ['usage', 'demo@prod', '--coordinate', 'User.username'];
    let quiet: CliResult | undefined;
    // When web-app@1.4.0 sent its last request (set when the traffic switches to 1.5.0).
    let lastOldRequest = 0;
    return [
      {
        title: `the ${CLIENT} client runs ProfileCard through the gateway, which reports its usage`,
        async run() {
          // The gateway flushes its usage report every 5 s.
          await ctx.until('the registry has recorded usage of User.username', async () => {
            quiet = await ctx.stack.cli(usage);
            return quiet.code === 0 && quiet.stdout.includes('ProfileCard');
          });
          await ctx.orrery(usage);
        },
      },
      {
        title: 'check removing User.username from accounts against demo@prod',
        async run() {
          const result = await ctx.orrery(checkArgs(), 1);
          for (const expected of ['ProfileCard', CLIENT, 'User.username'])
            if (!result.stdout.includes(expected))
              throw new Error(`the failed check does not name ${expected}`);
          ctx.say(
            `the check failed and names the operation (ProfileCard) and the client (${CLIENT})`,
          );
        },
      },
      {
        title: `reach out to ${CLIENT}: its version 1.5.0 no longer asks for username`,
        async run() {
          ctx.traffic.setQuery({ query: WITHOUT_USERNAME, check });
          ctx.traffic.setHeaders({
            'apollographql-client-name': CLIENT,
            'apollographql-client-version': '1.5.0',
          });
          lastOldRequest = Date.now();
          ctx.say(`${CLIENT}@1.5.0 asks: ${WITHOUT_USERNAME}`);
          await ctx.until('the registry has recorded usage of web-app 1.5.0', async () => {
            const result = await ctx.stack.cli(['usage', 'demo@prod', '--coordinate', 'User.name']);
            return result.stdout.includes('1.5.0');
          });
          const result = await ctx.orrery(usage);
          if (result.stdout.includes(`${CLIENT}@1.5.0`))
            throw new Error(`${CLIENT}@1.5.0 still uses User.username`);
          ctx.say(`only ${CLIENT}@1.4.0 ever used User.username; 1.5.0 does not`);
        },
      },
      {
        title: `usage reached zero: check again over the last ${QUIET_WINDOW_S} seconds, after ${CLIENT}@1.4.0's last request`,
        async run() {
          // Rollups are per minute, stored at the minute's start: a row of 1.4.0 is out of the
          // window once its minute started more than the window ago, which its last request
          // (plus a second for one in flight) bounds.
          const wait = lastOldRequest + (QUIET_WINDOW_S + 2) * 1000 - Date.now();
          if (wait > 0) {
            ctx.say(`waiting ${Math.ceil(wait / 1000)} s, so the window holds no 1.4.0 request`);
            await sleep(wait);
          }
          const result = await ctx.orrery(checkArgs('--validation-period', `${QUIET_WINDOW_S}s`));
          if (!/Check passed/.test(result.stdout)) throw new Error('the check did not pass');
          ctx.say(`no operation in the window uses User.username: the check passes`);
        },
      },
      {
        title: `over the usual 7 days, 1.4.0's requests still count: retire ${CLIENT}@1.4.0 explicitly`,
        async run() {
          const result = await ctx.orrery(checkArgs('--exclude-client', `${CLIENT}@1.4.0`));
          if (!/Check passed/.test(result.stdout)) throw new Error('the check did not pass');
        },
      },
      {
        title: 'release it as a backward compatible change: deploy, then publish',
        async run() {
          await ctx.deploy('accounts', 'without-username');
          const result = await ctx.publish('demo@prod', 'accounts', 'without-username');
          ctx.say(`registry: launch ${result.launch}`);
          await ctx.until(
            'the gateway no longer serves User.username',
            async () => !(await ctx.hasField('prod', 'User', 'username')),
          );
          await ctx.ask('prod', WITHOUT_USERNAME);
        },
      },
    ];
  },
};
