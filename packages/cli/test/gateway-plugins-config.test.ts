import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseGatewayConfig } from '../src/commands/gateway/config.js';
import { startGateway, type RunningGateway } from '../src/commands/gateway/index.js';
import { memoryIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'orrery-cli-gw-plugins-'));
/** A one-field subgraph that records the headers it gets and sets a cookie and a cache policy. */
let subgraph: Server;
const received: IncomingHttpHeaders[] = [];
let running: RunningGateway | undefined;

beforeAll(async () => {
  subgraph = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
        'cache-control': 'max-age=60',
      });
      res.end(JSON.stringify({ data: { hello: 'world' } }));
    });
  });
  await new Promise<void>((r) => subgraph.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  const composed = composeSubgraphs([{ name: 'a', url, sdl: 'type Query { hello: String }' }]);
  if (!composed.ok) throw new Error('fixture does not compose');
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
  received.length = 0;
});
afterAll(async () => {
  subgraph.closeAllConnections();
  await new Promise<void>((r) => subgraph.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const parse = (lines: string[], env: Record<string, string> = {}) =>
  parseGatewayConfig(
    ['supergraph: { file: ./supergraph.graphql }', ...lines].join('\n'),
    join(dir, 'gateway.yaml'),
    env,
  );

async function start(lines: string[]): Promise<RunningGateway> {
  writeFileSync(
    join(dir, 'gateway.yaml'),
    ['supergraph: { file: ./supergraph.graphql }', 'listen: { host: 127.0.0.1 }', ...lines].join(
      '\n',
    ),
  );
  running = await startGateway(
    ['--config', 'gateway.yaml', '--port', '0'],
    memoryIo({ cwd: dir }).io,
  );
  return running;
}

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: (await response.body.json()) as Record<string, unknown>,
  };
}

describe('gateway.yaml plugin keys', () => {
  it('reads every plugin key into options', () => {
    const config = parse(
      [
        'headers:',
        '  propagate: [authorization]',
        '  all:',
        '    request:',
        '      - propagate: { matching: "^x-tenant-" }',
        '      - propagate: { named: x-user, rename: x-user-id, default: anonymous }',
        '      - insert: { name: x-gateway, value: "${env.GW}" }',
        '      - remove: { named: cookie }',
        '    response:',
        '      - propagate: { named: cache-control }',
        '  subgraphs:',
        '    accounts:',
        '      response: [{ propagate: { named: set-cookie } }]',
        'client_awareness: { name_header: x-client, require_client_name: true }',
        'expose_query_plan: true',
        'sandbox: { default_query: "{ hello }" }',
        'introspection: true',
        'request_id: true',
        'logging: { level: warn, headers: [user-agent], log_query: true }',
        'metrics: { path: /prom, prefix: gw_, default_metrics: false, max_operation_names: 50 }',
        'tracing: { continue_client_trace: false }',
        'federated_tracing: { subgraphs: [accounts], max_field_spans: 100 }',
      ],
      { GW: 'orrery' },
    );
    expect(config).toMatchObject({
      introspection: true,
      propagateHeaders: ['authorization'],
      headerRules: {
        all: {
          request: [
            { propagate: { matching: '^x-tenant-' } },
            { propagate: { named: 'x-user', rename: 'x-user-id', default: 'anonymous' } },
            { insert: { name: 'x-gateway', value: 'orrery' } },
            { remove: { named: 'cookie' } },
          ],
          response: [{ propagate: { named: 'cache-control' } }],
        },
        subgraphs: {
          accounts: { request: [], response: [{ propagate: { named: 'set-cookie' } }] },
        },
      },
      clientAwareness: { nameHeader: 'x-client', requireClientName: true },
      exposeQueryPlan: true,
      sandbox: { defaultQuery: '{ hello }' },
      requestId: {},
      logging: { level: 'warn', headers: ['user-agent'], logQuery: true, logVariables: false },
      metrics: { path: '/prom', prefix: 'gw_', defaultMetrics: false, maxOperationNames: 50 },
      tracing: { continueClientTrace: false },
      federatedTracing: { subgraphs: ['accounts'], maxFieldSpans: 100 },
    });
  });

  it('leaves everything to the gateway’s defaults when the keys are absent', () => {
    const config = parse([]);
    expect(config.introspection).toBeUndefined();
    for (const key of [
      'headerRules',
      'clientAwareness',
      'exposeQueryPlan',
      'sandbox',
      'requestId',
      'logging',
      'metrics',
      'tracing',
      'federatedTracing',
    ] as const) {
      expect(config[key]).toBeUndefined();
    }
    expect(parse(['metrics: false', 'sandbox: false']).sandbox).toBe(false);
  });

  it.each([
    [
      ['headers: { all: { request: [{ copy: { named: a } }] } }'],
      'headers.all.request[0]: unknown rule "copy"',
    ],
    [
      ['headers: { all: { request: [{ propagate: { named: a, matching: b } }] } }'],
      'needs exactly one of named or matching',
    ],
    [
      ['headers: { all: { response: [{ insert: { name: a, value: b } }] } }'],
      'headers.all.response[0]: must be { propagate',
    ],
    [['client_awareness: { require: true }'], 'client_awareness.require: unknown key'],
    [['logging: { level: loud }'], 'logging.level: must be one of'],
    [['metrics: 5'], 'metrics: must be true, false or a mapping'],
    [['expose_query_plan: yes please'], 'expose_query_plan: must be true or false'],
  ])('refuses %j', (lines, message) => {
    expect(() => parse(lines)).toThrow(message);
  });
});

describe('orrery gateway with plugin keys', () => {
  it('applies header rules, client awareness, query plans and metrics from gateway.yaml', async () => {
    const gw = await start([
      'headers:',
      '  propagate: [authorization]',
      '  all:',
      '    request: [{ insert: { name: x-gateway, value: orrery } }]',
      '    response: [{ propagate: { named: set-cookie } }, { propagate: { named: cache-control } }]',
      'client_awareness: { require_client_name: true }',
      'metrics: true',
    ]);
    const refused = await post(gw.url);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('ERR_GATEWAY_CLIENT_NAME_REQUIRED');

    const ok = await post(gw.url, {
      'apollographql-client-name': 'web',
      authorization: 'Bearer x',
      'orrery-expose-query-plan': 'true',
    });
    expect(ok.body['data']).toEqual({ hello: 'world' });
    expect((ok.body['extensions'] as { queryPlan: { text: string } }).queryPlan.text).toContain(
      'Fetch(service: "a")',
    );
    expect(ok.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(ok.headers['cache-control']).toBe('max-age=60');
    expect(received).toHaveLength(1);
    expect(received[0]!['authorization']).toBe('Bearer x');
    expect(received[0]!['x-gateway']).toBe('orrery');

    const metrics = await request(gw.url.replace('/graphql', '/metrics'));
    const text = await metrics.body.text();
    expect(metrics.statusCode).toBe(200);
    expect(text).toMatch(/orrery_gateway_requests_total\{[^}]*outcome="success"\} 1/);
  });

  it('follows NODE_ENV=production for query plans, introspection and the sandbox unless the file turns them on', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    let gw = await start([]);
    const plain = await post(gw.url, { 'orrery-expose-query-plan': 'true' });
    expect(plain.body).toEqual({ data: { hello: 'world' } });
    const page = await request(gw.url.replace('/graphql', '/'), {
      headers: { accept: 'text/html' },
    });
    await page.body.text();
    expect(page.statusCode).toBe(404);
    await running!.close();
    running = undefined;

    gw = await start(['expose_query_plan: true', 'sandbox: true', 'introspection: true']);
    const planned = await post(gw.url, { 'orrery-expose-query-plan': 'true' });
    expect(planned.body['extensions']).toBeDefined();
    const sandbox = await request(gw.url.replace('/graphql', '/'), {
      headers: { accept: 'text/html' },
    });
    // 200 with the built bundle, 503 with the "not built" page when running from sources.
    expect([200, 503]).toContain(sandbox.statusCode);
    expect(await sandbox.body.text()).toContain('<!doctype html>');
  });

  it('reports a header rule the gateway refuses as a config error', async () => {
    await expect(
      start(['headers: { all: { request: [{ propagate: { named: host } }] } }']),
    ).rejects.toThrow(/ERR_CLI_CONFIG_INVALID|managed by the gateway/);
  });
});
