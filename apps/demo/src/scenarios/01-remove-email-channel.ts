/**
 * Scenario 1 (seed 001, "Pushing configuration updates safely"): changes that affect query
 * planning are published before they are deployed. First the variant that only removes
 * `implements Channel` from the email service's `EmailChannel`, then the removal of the type:
 * the publish makes the query planner stop sending `... on EmailChannel` fragments to the email
 * service, and only then is the version without the type deployed.
 */
import type { Scenario } from './types.js';

const WITH_EMAIL = `{ channels { id name ... on WebChannel { webHook } ... on EmailChannel { emailAddress } } }`;
const WITHOUT_EMAIL = `{ channels { id name ... on WebChannel { webHook } } }`;

type Channel = { id: string; webHook?: string; emailAddress?: string };
const channels = (data: unknown) => (data as { channels?: Channel[] }).channels ?? [];

/** Four channels, web hooks on web channels, and (while the client asks) email addresses. */
const checkChannels = (withEmail: boolean) => (data: unknown) => {
  const list = channels(data);
  if (list.length !== 4) return `expected 4 channels, got ${list.length}`;
  const web = list.filter((c) => c.id.startsWith('web'));
  if (!web.every((c) => c.webHook)) return 'a web channel without its webHook';
  if (withEmail && !list.filter((c) => c.id.startsWith('email')).every((c) => c.emailAddress))
    return 'an email channel without its emailAddress';
  return undefined;
};

const emailFetches = (plan: string) => (plan.match(/Fetch\(service: "email"\)/g) ?? []).length;

export const removeEmailChannel: Scenario = {
  number: 1,
  name: 'remove-email-channel',
  title: 'remove EmailChannel safely: publish first, then deploy (and the implements-only variant)',
  seed: 'seed 001, "Pushing configuration updates safely"',
  quote: `To safely remove the EmailChannel type from your schema:
  1. Perform a service:push of the email service that removes the EmailChannel type from its schema.
  2. Deploy a new version of the service that removes the EmailChannel type.
The first step causes the query planner to stop sending fragments ...on EmailChannel, which would
fail validation if sent to a service that isn't aware of the type.
If you want to keep the EmailChannel type but remove its association with the Channel interface,
follow the same steps, but only remove implements Channel from your EmailChannel definition in the
first step.`,
  traffic: { query: WITH_EMAIL, check: checkChannels(true) },
  steps: (ctx) => [
    {
      title:
        'the query planner today: channels come from the channel service, email addresses from email',
      async run() {
        const plan = await ctx.plan('prod', WITH_EMAIL);
        if (emailFetches(plan) === 0) throw new Error('the plan does not call the email service');
      },
    },
    {
      title: 'variant: publish email without `implements Channel` (EmailChannel stays)',
      async run() {
        const result = await ctx.publish('demo@prod', 'email', 'without-implements');
        ctx.say(`registry: launch ${result.launch}`);
        await ctx.ask('prod', WITH_EMAIL);
      },
    },
    {
      title: 'variant: deploy the email service without `implements Channel`',
      async run() {
        await ctx.deploy('email', 'without-implements');
        await ctx.ask('prod', WITH_EMAIL);
      },
    },
    {
      title:
        'before removing a type, its usage goes to zero: the client stops asking for emailAddress',
      async run() {
        ctx.traffic.setQuery({ query: WITHOUT_EMAIL, check: checkChannels(false) });
        ctx.say(`the client's next version asks: ${WITHOUT_EMAIL}`);
      },
    },
    {
      title: 'publish the email service without EmailChannel (before deploying it)',
      async run() {
        const result = await ctx.publish('demo@prod', 'email', 'v2');
        ctx.say(`registry: launch ${result.launch}`);
        await ctx.until(
          "the gateway's schema no longer has EmailChannel.emailAddress",
          async () => {
            return !(await ctx.hasField('prod', 'EmailChannel', 'emailAddress'));
          },
        );
        const plan = await ctx.plan('prod', '{ channels { id name ... on EmailChannel { id } } }');
        if (emailFetches(plan) !== 0) throw new Error('the planner still calls the email service');
        ctx.say(
          'no fetch to the email service: no ...on EmailChannel fragment reaches it any more',
        );
      },
    },
    {
      title: 'now deploy the email service without EmailChannel',
      async run() {
        await ctx.deploy('email', 'v2');
        await ctx.ask('prod', WITHOUT_EMAIL);
      },
    },
  ],
};
