import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGateway,
  useLogger,
  useRequestId,
  type Gateway,
  type GatewayPlugin,
  type LoggerOptions,
} from '../src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
  type SubgraphMock,
} from './helpers.js';
import { post } from './observability-helpers.js';

const SUPERGRAPH = supergraphSdl();

let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

type Line = Record<string, unknown> & { level: number; msg: string };

function start(
  options: LoggerOptions = {},
  extra: { before?: GatewayPlugin[]; reviews?: SubgraphMock } = {},
): { gateway: Gateway; lines: Line[]; raw: string[] } {
  const raw: string[] = [];
  const lines: Line[] = [];
  const { agent } = mockSubgraphs({
    [USERS_URL]: usersSubgraph,
    [REVIEWS_URL]: extra.reviews ?? reviewsSubgraph,
  });
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    plugins: [
      ...(extra.before ?? []),
      useLogger({
        destination: {
          write(chunk: string) {
            raw.push(chunk);
            lines.push(JSON.parse(chunk) as Line);
          },
        },
        ...options,
      }),
    ],
  });
  return { gateway, lines, raw };
}

const INFO = 30;
const WARN = 40;
const ERROR = 50;
const DEBUG = 20;

describe('useLogger', () => {
  it('writes one JSON line per request with the request id, operation, status and errors', async () => {
    const { gateway, lines } = start({}, { before: [useRequestId()] });
    const ok = await gateway.handle(post({ query: 'query Me { me { name } }' }));
    await gateway.handle(post({ query: '{ me { nope } }' }));
    const requests = lines.filter((l) => l.msg === 'graphql request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: INFO,
      name: 'orrery-gateway',
      requestId: ok.headers['x-request-id'],
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Me',
      operationType: 'query',
      cached: false,
    });
    expect(typeof requests[0]!['durationMs']).toBe('number');
    expect(requests[0]).not.toHaveProperty('errors');
    expect(requests[1]).toMatchObject({ errors: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(requests[1]!['requestId']).not.toBe(requests[0]!['requestId']);
  });

  it('never logs credentials, variables or the operation text by default', async () => {
    const { gateway, raw, lines } = start({
      headers: ['authorization', 'cookie', 'user-agent', 'x-tenant'],
    });
    await gateway.handle(
      post(
        {
          query: 'query Q($id: ID!) { user(id: $id) { name } me { name } }',
          variables: { id: 'u1', password: 'hunter2-variable' },
        },
        {
          authorization: 'Bearer hunter2-token',
          cookie: 'session=hunter2-cookie',
          'user-agent': 'test-agent',
          'x-tenant': 'acme',
        },
      ),
    );
    const text = raw.join('');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('user(id');
    const [line] = lines.filter((l) => l.msg === 'graphql request');
    expect(line!['headers']).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'user-agent': 'test-agent',
      'x-tenant': 'acme',
    });
    expect(line).not.toHaveProperty('variables');
  });

  it('logs variables and the operation text when asked to', async () => {
    const { gateway, lines } = start({ logVariables: true, logQuery: true });
    const query = 'query Q($id: ID!) { user(id: $id) { name } }';
    await gateway.handle(post({ query, variables: { id: 'u2' } }));
    expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({
      query,
      variables: { id: 'u2' },
    });
  });

  it('warns about failed subgraph requests, and logs every one at debug level', async () => {
    const failing = { error: new Error('connection refused') };
    const warnOnly = start({ level: 'warn' }, { reviews: failing });
    await warnOnly.gateway.handle(post({ query: '{ me { name reviews { id } } }' }));
    expect(warnOnly.lines.map((l) => [l.level, l.msg])).toEqual([
      [WARN, 'subgraph request failed'],
    ]);
    expect(warnOnly.lines[0]).toMatchObject({
      subgraph: 'reviews',
      code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED',
      error: expect.stringContaining('connection refused'),
    });
    expect(typeof warnOnly.lines[0]!['requestId']).toBe('string');
    await warnOnly.gateway.close();

    const debug = start({ level: 'debug' });
    await debug.gateway.handle(post({ query: '{ me { name reviews { id } } }' }));
    await debug.gateway.handle({ method: 'GET', url: '/health', headers: {} });
    const subgraphLines = debug.lines.filter((l) => l.msg === 'subgraph request');
    expect(subgraphLines.map((l) => [l.level, l['subgraph'], l['errors']])).toEqual([
      [DEBUG, 'users', 0],
      [DEBUG, 'reviews', 0],
    ]);
    const [request] = debug.lines.filter((l) => l.msg === 'graphql request');
    for (const line of subgraphLines) expect(line['requestId']).toBe(request!['requestId']);
    // Non-GraphQL requests are logged at debug only.
    expect(debug.lines.find((l) => l.msg === 'request')).toMatchObject({
      level: DEBUG,
      path: '/health',
      status: 200,
    });
  });

  it("uses the client's x-request-id without useRequestId", async () => {
    const { gateway, lines } = start();
    await gateway.handle(post({ query: '{ me { id } }' }, { 'x-request-id': 'client-id-1' }));
    await gateway.handle(post({ query: '{ me { id } }' }, { 'x-request-id': 'x'.repeat(5000) }));
    const ids = lines.filter((l) => l.msg === 'graphql request').map((l) => l['requestId']);
    expect(ids[0]).toBe('client-id-1');
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs supergraph loads and rejections', async () => {
    const { gateway, lines } = start();
    expect(lines.filter((l) => l.msg === 'supergraph loaded')).toEqual([
      expect.objectContaining({
        level: INFO,
        supergraphId: createHash('sha256').update(SUPERGRAPH).digest('hex'),
      }),
    ]);
    gateway.updateSupergraph('not a supergraph');
    const [rejected] = lines.filter((l) => l.level === ERROR);
    expect(rejected!.msg).toMatch(/^supergraph rejected/);
    expect(rejected!['err']).toMatchObject({ type: 'SupergraphLoadError' });
  });

  it('logs requests that failed inside the gateway at error level', async () => {
    const broken: GatewayPlugin = {
      onExecute() {
        throw new Error('plugin bug');
      },
    };
    const { gateway, lines } = start({}, { before: [broken] });
    const response = await gateway.handle(post({ query: '{ me { id } }' }));
    expect(response.status).toBe(500);
    expect(lines.filter((l) => l.level === ERROR)).toEqual([
      expect.objectContaining({ status: 500, path: '/graphql', msg: 'request' }),
    ]);
  });

  it('is silent at level silent', async () => {
    const { gateway, lines } = start({ level: 'silent' });
    await gateway.handle(post({ query: '{ me { id } }' }));
    expect(lines).toEqual([]);
  });
});
