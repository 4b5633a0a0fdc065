import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/commands/gateway/index.js';
import { parseGatewayConfig } from '../src/commands/gateway/config.js';
import { runCli } from '../src/index.js';
import { memoryIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'orrery-cli-gw-'));
const composed = composeSubgraphs([
  {
    name: 'a',
    url: 'http://127.0.0.1:9/graphql',
    sdl: 'type Query { hello: String } type Thing @key(fields: "id") { id: ID! }',
  },
]);
if (!composed.ok) throw new Error('fixture does not compose');
const supergraphFile = join(dir, 'supergraph.graphql');

beforeAll(() => writeFileSync(supergraphFile, composed.supergraphSdl));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  return { status: response.statusCode, json: (await response.body.json()) as unknown };
}

describe('orrery gateway', () => {
  it('serves /health, /ready and GraphQL from --supergraph', async () => {
    const { io } = memoryIo({ cwd: dir });
    const running = await startGateway(
      ['--supergraph', 'supergraph.graphql', '--port', '0', '--host', '127.0.0.1'],
      io,
    );
    try {
      const base = running.url.replace('/graphql', '');
      expect(await getJson(`${base}/health`)).toEqual({ status: 200, json: { status: 'pass' } });
      expect(await getJson(`${base}/ready`)).toEqual({ status: 200, json: { status: 'ready' } });
      const graphql = await request(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await graphql.body.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await running.close();
    }
  });

  it('reads gateway.yaml, with --port overriding it', async () => {
    const config = join(dir, 'gateway.yaml');
    writeFileSync(
      config,
      [
        'supergraph:',
        '  file: ./supergraph.graphql',
        'listen: { port: 4999, host: 127.0.0.1 }',
        'introspection: false',
        'limits: { max_depth: 3 }',
      ].join('\n'),
    );
    const { io } = memoryIo({ cwd: dir });
    const running = await startGateway(['--config', 'gateway.yaml', '--port', '0'], io);
    try {
      const response = await request(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const body = (await response.body.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('ERR_GATEWAY_INTROSPECTION_DISABLED');
    } finally {
      await running.close();
    }
  });

  it('fails with one coded line on a missing file or bad arguments', async () => {
    const missing = memoryIo({ cwd: dir });
    expect(await runCli(['gateway', '--supergraph', 'nope.graphql'], missing.io)).toBe(1);
    expect(missing.stderr).toContain('ERR_CLI_INPUT_NOT_FOUND');
    const bad = memoryIo({ cwd: dir });
    expect(
      await runCli(['gateway', '--port', 'x', '--supergraph', 'supergraph.graphql'], bad.io),
    ).toBe(2);
    expect(bad.stderr).toContain('ERR_CLI_INVALID_ARGUMENT');
    const broken = join(dir, 'broken.graphql');
    writeFileSync(broken, 'type Query { a: String }');
    const load = memoryIo({ cwd: dir });
    expect(
      await runCli(['gateway', '--supergraph', 'broken.graphql', '--port', '0'], load.io),
    ).toBe(1);
    expect(load.stderr).toContain('ERR_GATEWAY_SUPERGRAPH_LOAD_FAILED');
  });
});

describe('gateway.yaml', () => {
  const parse = (text: string, env: Record<string, string> = {}) =>
    parseGatewayConfig(text, '/etc/orrery/gateway.yaml', env);

  it('reads a service list, limits, timeouts and headers with env expansion', () => {
    const config = parse(
      [
        'supergraph:',
        '  subgraphs:',
        '    - { name: users, url: "${env.USERS_URL}" }',
        '  poll_interval_ms: 5000',
        'limits: { max_depth: 10, max_aliases: 5, max_tokens: 500, max_body_bytes: 2048 }',
        'subgraph_timeout_ms: 1000',
        'subgraphs: { users: { timeout_ms: 200 } }',
        'headers: { propagate: [authorization] }',
      ].join('\n'),
      { USERS_URL: 'http://users/graphql' },
    );
    expect(config).toEqual({
      supergraph: {
        kind: 'services',
        subgraphs: [{ name: 'users', url: 'http://users/graphql' }],
        pollIntervalMs: 5000,
      },
      port: 4000,
      host: '0.0.0.0',
      introspection: undefined,
      limits: { maxDepth: 10, maxAliases: 5, maxTokens: 500, maxBodyBytes: 2048 },
      subgraphTimeoutMs: 1000,
      subgraphs: { users: { timeoutMs: 200 } },
      propagateHeaders: ['authorization'],
    });
  });

  it('resolves the supergraph file against the config folder', () => {
    expect(parse('supergraph: { file: sg.graphql, watch: true }').supergraph).toEqual({
      kind: 'file',
      path: '/etc/orrery/sg.graphql',
      watch: true,
    });
  });

  it.each([
    ['supergraph: {}', 'supergraph: needs file'],
    [
      'supergraph: { file: a }\nlimits: { max_depth: -1 }',
      'limits.max_depth: must be a positive integer',
    ],
    ['supergraph: { file: a }\nporty: 1', 'gateway.porty: unknown key'],
    [
      'supergraph: { subgraphs: [{ name: a, url: "${env.NOPE}" }] }',
      'environment variable NOPE is not set',
    ],
  ])('refuses %j', (text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});
