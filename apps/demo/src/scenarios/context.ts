/**
 * The narrated actions scenarios are written with: each prints what it does and what came back
 * (the CLI's own output for the registry's answer, a result excerpt for the gateway's), so a
 * scenario file reads as the seed's steps and nothing else.
 */
import { request } from 'undici';
import type { Stack } from '../stack.js';
import type { Traffic } from './traffic.js';
import type { GatewayAnswer, ScenarioContext } from './types.js';

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `${by}${line}` : line))
    .join('\n');

/** A result on one line, cut to fit a terminal. */
export function excerpt(value: unknown, max = 220): string {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function createContext(
  stack: Stack,
  traffic: Traffic,
  out: (line: string) => void,
): ScenarioContext {
  const say = (text: string) => out(indent(text, '  '));
  const gatewayUrl = (name: string) => {
    const gateway = stack.gateways.get(name);
    if (!gateway) throw new Error(`no gateway named ${name}`);
    return `${gateway.url}/graphql`;
  };

  const post = async (
    gateway: string,
    query: string,
    headers: Record<string, string> = {},
  ): Promise<GatewayAnswer & { extensions?: Record<string, unknown> }> => {
    const response = await request(gatewayUrl(gateway), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const json = (await response.body.json()) as Omit<GatewayAnswer, 'status'>;
    return { status: response.statusCode, ...json };
  };

  const orrery: ScenarioContext['orrery'] = async (args, expect = 0) => {
    say(`$ orrery ${args.join(' ')}`);
    const result = await stack.cli(args);
    const output = `${result.stdout}${result.stderr}`;
    if (output.trim()) say(indent(output, '  '));
    if (result.code !== expect)
      throw new Error(`orrery ${args[0]} ${args[1] ?? ''} exited ${result.code}, not ${expect}`);
    return result;
  };

  return {
    stack,
    traffic,
    say,
    orrery,
    async publish(ref, name, version, options = {}) {
      const args = [
        'subgraph',
        'publish',
        ref,
        '--name',
        name,
        '--schema',
        stack.schemaFile(name, version),
        ...(options.routingUrl ? ['--routing-url', options.routingUrl] : []),
      ];
      const result = await orrery(args, options.expect ?? 0);
      const launch = /\(launch ([^\s)]+)/.exec(result.stdout)?.[1];
      return { ...result, launch };
    },
    async deploy(name, version) {
      const subgraph = stack.subgraphs.get(name);
      if (!subgraph) throw new Error(`no subgraph ${name}`);
      const from = subgraph.version;
      await subgraph.deploy(version);
      say(
        `deployed ${name} ${version} at ${subgraph.url} (rolling: ${from} answered its last requests, then stopped)`,
      );
    },
    async ask(gateway, query) {
      const answer = await post(gateway, query);
      const shown = answer.errors?.length
        ? `errors ${excerpt(answer.errors.map((e) => e.message))}`
        : excerpt(answer.data);
      say(`gateway ${gateway}: ${shown}`);
      return answer;
    },
    async plan(gateway, query, print = true) {
      const answer = await post(gateway, query, { 'orrery-expose-query-plan': 'dry-run' });
      const plan = (answer.extensions?.['queryPlan'] as { text?: string } | undefined)?.text;
      if (!plan)
        throw new Error(`gateway ${gateway} gave no query plan: ${excerpt(answer.errors)}`);
      if (print) {
        say(`gateway ${gateway}'s query plan:`);
        say(indent(plan, '  '));
      }
      return plan;
    },
    async hasField(gateway, type, field) {
      const answer = await post(gateway, `{ __type(name: "${type}") { fields { name } } }`);
      const fields = (answer.data?.['__type'] as { fields?: { name: string }[] } | null)?.fields;
      return fields?.some((f) => f.name === field) ?? false;
    },
    async until(what, test, ms = 60_000) {
      const start = Date.now();
      for (;;) {
        if (await test()) break;
        if (Date.now() - start > ms)
          throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      say(`${what} (after ${((Date.now() - start) / 1000).toFixed(1)} s)`);
    },
  };
}
