import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { startFakeRegistry, type FakeRegistry } from '@orrery/internal-testing';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../src/commands/gateway/config.js';
import { startGateway } from '../src/commands/gateway/index.js';
import { memoryIo } from './helpers.js';

const KEY = 'orr_gateway_k_usage';
const USAGE_PATH = '/api/v1/graphs/demo/variants/prod/usage';
let dir: string;
let registry: FakeRegistry;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-cli-usage-'));
  registry = await startFakeRegistry(KEY);
  const composed = composeSubgraphs([
    { name: 'a', url: 'http://127.0.0.1:9/graphql', sdl: 'type Query { hello: String }' },
  ]);
  if (!composed.ok) throw new Error('fixture does not compose');
  registry.launch(1, composed.supergraphSdl);
});
afterAll(async () => {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (lines: string[], env: Record<string, string> = {}) =>
  parseGatewayConfig(lines.join('\n'), join(dir, 'gateway.yaml'), env);

/** Runs a managed gateway with `args`, sends one request, stops it; what reached /usage. */
async function runManaged(args: string[]) {
  const before = registry.requests.length;
  const out = memoryIo({ cwd: dir, env: { ORRERY_REGISTRY_URL: registry.url, ORRERY_KEY: KEY } });
  const running = await startGateway(
    [
      '--graph-ref',
      'demo@prod',
      '--cache-dir',
      'cache',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      ...args,
    ],
    out.io,
  );
  try {
    const response = await request(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollographql-client-name': 'web' },
      body: JSON.stringify({ query: 'query Hello { hello }' }),
    });
    await response.body.text();
    expect(response.statusCode).toBe(200);
  } finally {
    await running.close();
  }
  const usage = registry.requests.slice(before).filter((r) => r.path === USAGE_PATH);
  return { usage, stderr: out.stderr };
}

describe('orrery gateway usage reporting', () => {
  it('is on in managed mode: the gateway reports to its registry with its key when it stops', async () => {
    const { usage, stderr } = await runManaged([]);
    expect(usage).toEqual([{ path: USAGE_PATH, auth: `Bearer ${KEY}` }]);
    // The stand-in registry only serves supergraphs: the report fails, and that is said once.
    expect(stderr).toMatch(/warn: usage report failed .*counted as dropped/);
  });

  it('is off with --no-usage-reporting', async () => {
    const { usage } = await runManaged(['--no-usage-reporting']);
    expect(usage).toEqual([]);
  });

  it('reads usage_reporting from gateway.yaml', () => {
    const managed = [
      'supergraph:',
      '  graph_ref: demo@prod',
      '  registry_urls: [http://r1:4100]',
      '  key: k',
    ];
    expect(config([...managed, 'usage_reporting: false']).usageReporting).toEqual({
      enabled: false,
    });
    expect(
      config([...managed, 'usage_reporting: { enabled: false, flush_interval: 5s }'])
        .usageReporting,
    ).toEqual({ enabled: false, flushIntervalMs: 5_000 });
    expect(
      config([
        ...managed,
        'usage_reporting: { flush_interval: 1m, max_rows: 500, sample_rate: 0.5 }',
      ]).usageReporting,
    ).toEqual({ enabled: true, flushIntervalMs: 60_000, maxRows: 500, sampleRate: 0.5 });
    expect(
      config([...managed, 'usage_reporting: { flush_interval: 250ms }']).usageReporting,
    ).toEqual({ enabled: true, flushIntervalMs: 250 });
    expect(
      config([...managed, 'usage_reporting: { flush_interval: 2000 }']).usageReporting,
    ).toEqual({ enabled: true, flushIntervalMs: 2_000 });
    expect(config(managed).usageReporting).toBeUndefined();
  });

  it('refuses bad usage_reporting values, and turning it on without a graph_ref', () => {
    const managed = ['supergraph: { graph_ref: demo@prod, registry_urls: [http://r:1], key: k }'];
    expect(() => config([...managed, 'usage_reporting: { flush_interval: soon }'])).toThrow(
      /usage_reporting\.flush_interval: must be a duration/,
    );
    expect(() => config([...managed, 'usage_reporting: { sample_rate: 2 }'])).toThrow(
      /usage_reporting\.sample_rate/,
    );
    expect(() => config([...managed, 'usage_reporting: { every: 5s }'])).toThrow(
      /usage_reporting\.every: unknown key/,
    );
    writeFileSync(join(dir, 'supergraph.graphql'), 'type Query { a: String }');
    expect(() =>
      config(['supergraph: { file: supergraph.graphql }', 'usage_reporting: true']),
    ).toThrow(/usage_reporting: .*managed mode only/);
    expect(
      config(['supergraph: { file: supergraph.graphql }', 'usage_reporting: false']).usageReporting,
    ).toEqual({ enabled: false });
  });
});
