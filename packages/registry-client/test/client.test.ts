import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  RegistryApiError,
  RegistryBadResponseError,
  RegistryClientError,
  RegistryNetworkError,
  RegistryTimeoutError,
  type RegistryClient,
  type RetryEvent,
} from '../src/index.js';
import { startHttpStub, type HttpStub } from './http-stub.js';

let stub: HttpStub;
beforeEach(async () => {
  stub = await startHttpStub();
});
afterEach(async () => {
  await stub.close();
});

const KEY = 'orr_admin_k1_secret';
const client = (options: Partial<Parameters<typeof createRegistryClient>[0]> = {}) =>
  createRegistryClient({ url: stub.url, key: KEY, retryBaseDelayMs: 1, ...options });

const PUBLISHED = {
  subgraph: 'created',
  revision: 1,
  supergraphUpdated: true,
  errors: [],
  hints: [],
  contractLaunches: [],
};

describe('createRegistryClient: requests', () => {
  it('publishes with the key as a bearer token and the request as JSON', async () => {
    stub.reply({ status: 200, body: PUBLISHED });
    const result = await client().publishSubgraph('shop@prod', 'products', {
      sdl: 'type Query { a: Int }',
      url: 'http://products/graphql',
    });
    expect(result).toEqual(PUBLISHED);
    const [sent] = stub.requests;
    expect(sent).toMatchObject({
      method: 'POST',
      url: '/api/v1/graphs/shop/variants/prod/subgraphs/products',
    });
    expect(sent!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual({
      sdl: 'type Query { a: Int }',
      url: 'http://products/graphql',
    });
  });

  it('maps every method to its route (docs/registry-api.md)', async () => {
    const c = client();
    const ref = { graph: 'shop', variant: 'prod' };
    const v = '/api/v1/graphs/shop/variants/prod';
    const cases: [string, () => Promise<unknown>, string, string, unknown][] = [
      ['listGraphs', () => c.listGraphs(), 'GET', '/api/v1/graphs', { graphs: [] }],
      [
        'listVariants',
        () => c.listVariants('shop'),
        'GET',
        '/api/v1/graphs/shop/variants',
        { variants: [] },
      ],
      ['getVariant', () => c.getVariant(ref), 'GET', v, {}],
      ['createVariant', () => c.createVariant(ref, { from: 'shop@current' }), 'PUT', v, {}],
      ['deleteVariant', () => c.deleteVariant('shop@prod'), 'DELETE', v, undefined],
      ['listSubgraphs', () => c.listSubgraphs(ref), 'GET', `${v}/subgraphs`, { subgraphs: [] }],
      ['getSubgraph', () => c.getSubgraph(ref, 'a'), 'GET', `${v}/subgraphs/a`, {}],
      [
        'listRevisions',
        () => c.listRevisions(ref, 'a'),
        'GET',
        `${v}/subgraphs/a/revisions`,
        { revisions: [] },
      ],
      ['deleteSubgraph', () => c.deleteSubgraph(ref, 'a'), 'DELETE', `${v}/subgraphs/a`, {}],
      [
        'restoreSubgraph',
        () => c.restoreSubgraph(ref, 'a', { revision: 2 }),
        'POST',
        `${v}/subgraphs/a/restore`,
        {},
      ],
      [
        'listLaunches',
        () => c.listLaunches(ref, { limit: 5, before: 9 }),
        'GET',
        `${v}/launches?limit=5&before=9`,
        { launches: [] },
      ],
      ['getLaunch', () => c.getLaunch(ref, 7), 'GET', `${v}/launches/7`, {}],
      [
        'getSupergraphDetail',
        () => c.getSupergraphDetail(ref, { launchId: 3 }),
        'GET',
        `${v}/supergraph?format=json&launch=3`,
        {},
      ],
      [
        'createKey',
        () => c.createKey({ name: 'ci', role: 'publisher' }),
        'POST',
        '/api/v1/keys',
        {},
      ],
      ['whoami', () => c.whoami(), 'GET', '/api/v1/whoami', {}],
      ['listKeys', () => c.listKeys(), 'GET', '/api/v1/keys', { keys: [] }],
      ['revokeKey', () => c.revokeKey('k9'), 'DELETE', '/api/v1/keys/k9', undefined],
      [
        'createWebhook',
        () => c.createWebhook(ref, { url: 'http://hook' }),
        'POST',
        `${v}/webhooks`,
        {},
      ],
      ['listWebhooks', () => c.listWebhooks(ref), 'GET', `${v}/webhooks`, { webhooks: [] }],
      ['deleteWebhook', () => c.deleteWebhook(ref, 'w1'), 'DELETE', `${v}/webhooks/w1`, undefined],
      [
        'listWebhookDeliveries',
        () => c.listWebhookDeliveries(ref, 'w1'),
        'GET',
        `${v}/webhooks/w1/deliveries`,
        { deliveries: [] },
      ],
      [
        'listAudit',
        () => c.listAudit({ graph: 'shop', limit: 10 }),
        'GET',
        '/api/v1/audit?graph=shop&limit=10',
        { entries: [] },
      ],
    ];
    for (const [name, call, method, url, body] of cases) {
      stub.requests.length = 0;
      stub.reply(body === undefined ? { status: 204 } : { status: 200, body });
      await call();
      expect(
        stub.requests.map((r) => `${r.method} ${r.url}`),
        name,
      ).toEqual([`${method} ${url}`]);
    }
  });

  it('unwraps list answers and returns nothing for 204', async () => {
    stub.reply(
      { status: 200, body: { subgraphs: [{ name: 'a', url: 'http://a', revision: 1 }] } },
      { status: 204 },
    );
    const c = client();
    expect(await c.listSubgraphs('shop')).toEqual([{ name: 'a', url: 'http://a', revision: 1 }]);
    expect(stub.requests[0]!.url).toBe('/api/v1/graphs/shop/variants/current/subgraphs');
    expect(await c.revokeKey('k1')).toBeUndefined();
  });

  it('asks who the key is and returns the answer as is (never a secret to unwrap)', async () => {
    const me = { keyId: 'k1', name: 'ci', role: 'publisher', scope: { graphs: ['shop'] } };
    stub.reply({ status: 200, body: me });
    expect(await client().whoami()).toEqual(me);
    expect(stub.requests[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
  });

  it('keeps a path prefix of the base URL and encodes names', async () => {
    stub.reply({ status: 200, body: { keys: [] } });
    await createRegistryClient({ url: `${stub.url}/registry/`, key: KEY }).listKeys();
    await createRegistryClient({ url: `${stub.url}/registry`, key: KEY }).revokeKey('a/b c');
    expect(stub.requests.map((r) => r.url)).toEqual([
      '/registry/api/v1/keys',
      '/registry/api/v1/keys/a%2Fb%20c',
    ]);
  });

  it('sends no authorization header without a key', async () => {
    stub.reply({ status: 200, body: { graphs: [] } });
    await createRegistryClient({ url: stub.url }).listGraphs();
    expect(stub.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('refuses a graph ref that is not one before sending anything', async () => {
    await expect(client().listSubgraphs('not a ref')).rejects.toThrow(/is not a graph ref/);
    expect(stub.requests).toHaveLength(0);
  });
});

describe('createRegistryClient: errors', () => {
  it('turns an API error body into a RegistryApiError with code, status and details', async () => {
    const diagnostic = {
      code: 'INVALID_GRAPHQL',
      level: 'error',
      message: 'Syntax Error: Expected Name, found "}".',
      subgraphs: ['a'],
      locations: [{ line: 1, column: 14 }],
    };
    stub.reply({
      status: 400,
      body: {
        error: {
          code: 'INVALID_SDL',
          message: 'the SDL is invalid',
          details: { errors: [diagnostic] },
        },
      },
    });
    const error = await client()
      .publishSubgraph('shop', 'a', { sdl: 'type Query {}' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryApiError);
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({
      code: 'INVALID_SDL',
      status: 400,
      message: 'the SDL is invalid',
      details: { errors: [diagnostic] },
    });
  });

  it('does not retry client errors (4xx other than 429)', async () => {
    stub.reply({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such variant' } } });
    await expect(client().listSubgraphs('shop@nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports an answer without an API error body as ERR_BAD_RESPONSE', async () => {
    stub.reply({ status: 502, body: '<html>Bad Gateway</html>' });
    const error = await client({ retries: 0 })
      .listGraphs()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryBadResponseError);
    expect(error).toMatchObject({ code: 'ERR_BAD_RESPONSE', status: 502 });
  });

  it('reports a 200 whose body is not JSON as ERR_BAD_RESPONSE', async () => {
    stub.reply({ status: 200, body: 'hello' });
    await expect(client().listGraphs()).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE' });
  });

  it('reports a refused connection as ERR_NETWORK, after the retries', async () => {
    const url = stub.url;
    await stub.close();
    const retries: RetryEvent[] = [];
    const error = await createRegistryClient({
      url,
      retries: 2,
      retryBaseDelayMs: 1,
      onRetry: (event) => retries.push(event),
    })
      .listGraphs()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryNetworkError);
    expect((error as RegistryNetworkError).code).toBe('ERR_NETWORK');
    expect((error as Error).message).toMatch(
      /could not reach the registry at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    // Re-open so afterEach can close something.
    stub = await startHttpStub();
  });

  it('reports a hung registry as ERR_TIMEOUT', async () => {
    stub.reply({ status: 200, hang: true });
    const error = await client({ timeoutMs: 200, retries: 0 })
      .listGraphs()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryTimeoutError);
    expect(error).toMatchObject({ code: 'ERR_TIMEOUT' });
    expect((error as Error).message).toContain('did not answer GET /api/v1/graphs within 200 ms');
  });

  it('passes the caller’s abort through untouched', async () => {
    stub.reply({ status: 200, hang: true });
    const controller = new AbortController();
    const pending = client().listGraphs({ signal: controller.signal });
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('createRegistryClient: retries', () => {
  it('retries an idempotent call after a 5xx and returns the later answer', async () => {
    stub.reply(
      { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'starting' } } },
      { status: 200, body: { graphs: [{ name: 'shop', variants: [], createdAt: 'x' }] } },
    );
    expect(await client().listGraphs()).toEqual([{ name: 'shop', variants: [], createdAt: 'x' }]);
    expect(stub.requests).toHaveLength(2);
  });

  it('retries whoami like every GET, but not the 401 of a refused key', async () => {
    const me = { keyId: 'k1', name: 'ci', role: 'gateway', scope: {} };
    stub.reply(
      { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'starting' } } },
      { status: 200, body: me },
    );
    expect(await client().whoami()).toEqual(me);
    expect(stub.requests).toHaveLength(2);
    stub.requests.length = 0;
    stub.reply({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'revoked' } } });
    await expect(client().whoami()).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries after a dropped connection', async () => {
    stub.reply({ status: 0, destroy: true }, { status: 200, body: { keys: [] } });
    expect(await client().listKeys()).toEqual([]);
    expect(stub.requests).toHaveLength(2);
  });

  it('never retries a POST (a publish could land twice)', async () => {
    stub.reply({ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'down' } } });
    await expect(
      client({ retries: 5 }).publishSubgraph('shop', 'a', { sdl: 'type Query { a: Int }' }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries PUT and DELETE', async () => {
    const busy = { status: 500, body: { error: { code: 'INTERNAL', message: 'oops' } } };
    stub.reply(busy, { status: 201, body: { variant: { name: 'canary' } } }, busy, { status: 204 });
    const c = client();
    await c.createVariant('shop@canary', { from: 'shop@prod' });
    await c.deleteVariant('shop@canary');
    expect(stub.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  it('gives up after `retries` retries with the last error', async () => {
    stub.reply({ status: 500, body: { error: { code: 'INTERNAL', message: 'oops' } } });
    await expect(client({ retries: 3 }).listKeys()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(stub.requests).toHaveLength(4);
  });

  it('waits as long as Retry-After asks on 429', async () => {
    const retries: RetryEvent[] = [];
    stub.reply(
      {
        status: 429,
        headers: { 'retry-after': '0' },
        body: { error: { code: 'RATE_LIMITED', message: 'slow down' } },
      },
      { status: 200, body: { keys: [] } },
    );
    await client({ onRetry: (e) => retries.push(e), retryBaseDelayMs: 10_000 }).listKeys();
    // The server's 0 s wins over a backoff that would have waited up to 10 s.
    expect(retries.map((r) => [r.attempt, r.delayMs, r.error.code])).toEqual([
      [1, 0, 'RATE_LIMITED'],
    ]);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: the error says how long', async () => {
    stub.reply({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { error: { code: 'RATE_LIMITED', message: 'slow down' } },
    });
    const error = await client()
      .listKeys()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 120 });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('createRegistryClient: getSupergraph', () => {
  const headers = {
    etag: '"abc123"',
    'x-orrery-launch-id': '4',
    'x-orrery-supergraph-hash': 'abc123',
    'x-orrery-poll-interval': '10',
    'content-type': 'text/plain',
  };

  it('returns the SDL, launch id, hash, ETag and poll hint', async () => {
    stub.reply({ status: 200, headers, body: 'schema { query: Query }' });
    const result = await client().getSupergraph('shop@prod');
    expect(result).toEqual({
      status: 'updated',
      supergraphSdl: 'schema { query: Query }',
      launchId: 4,
      hash: 'abc123',
      etag: '"abc123"',
      pollIntervalSeconds: 10,
    });
    expect(stub.requests[0]!.url).toBe('/api/v1/graphs/shop/variants/prod/supergraph');
    expect(stub.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(stub.requests[0]!.headers['accept']).toBe('text/plain');
  });

  it('sends If-None-Match (quoting a bare hash) and answers unchanged on 304', async () => {
    stub.reply({ status: 304, headers: { 'x-orrery-poll-interval': '15', etag: '"abc123"' } });
    const c: RegistryClient = client();
    expect(await c.getSupergraph('shop@prod', { ifNoneMatch: 'abc123' })).toEqual({
      status: 'unchanged',
      pollIntervalSeconds: 15,
    });
    expect(await c.getSupergraph('shop@prod', { ifNoneMatch: '"abc123"' })).toMatchObject({
      status: 'unchanged',
    });
    expect(stub.requests.map((r) => r.headers['if-none-match'])).toEqual(['"abc123"', '"abc123"']);
  });

  it('asks for a long-poll only together with If-None-Match, capped at 60 s', async () => {
    stub.reply({ status: 304 });
    const c = client();
    await c.getSupergraph('shop@prod', { ifNoneMatch: 'abc', waitSeconds: 90 });
    stub.reply({ status: 200, headers, body: 'sdl' });
    await c.getSupergraph('shop@prod', { waitSeconds: 30 });
    expect(stub.requests.map((r) => r.url)).toEqual([
      '/api/v1/graphs/shop/variants/prod/supergraph?wait=60',
      '/api/v1/graphs/shop/variants/prod/supergraph',
    ]);
  });

  it('fetches the supergraph of one launch', async () => {
    stub.reply({ status: 200, headers, body: 'sdl' });
    await client().getSupergraph({ graph: 'shop', variant: 'prod' }, { launchId: 2 });
    expect(stub.requests[0]!.url).toBe('/api/v1/graphs/shop/variants/prod/supergraph?launch=2');
  });

  it('reports a supergraph answer without its launch id as ERR_BAD_RESPONSE', async () => {
    stub.reply({ status: 200, body: 'sdl' });
    await expect(client().getSupergraph('shop')).rejects.toMatchObject({
      code: 'ERR_BAD_RESPONSE',
    });
  });

  it('reports 404 before the first launch as NOT_FOUND', async () => {
    stub.reply({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'no launch yet' } } });
    await expect(client().getSupergraph('shop')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
