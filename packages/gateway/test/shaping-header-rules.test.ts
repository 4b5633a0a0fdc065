import type { AddressInfo } from 'node:net';
import { MockAgent, request as undiciRequest } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGateway,
  createServer,
  InvalidConfigError,
  mergeCacheControl,
  useHeaderRules,
  type Gateway,
  type GatewayRequest,
  type HeaderRulesOptions,
} from '../src/index.js';
import {
  REVIEWS_URL,
  runSubgraph,
  supergraphSdl,
  USERS_URL,
  type ReceivedRequest,
} from './helpers.js';

const SUPERGRAPH = supergraphSdl();
let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

type Headers = Record<string, string | string[]>;

/** Real subgraph execution behind a MockAgent that records request headers and answers with `replyHeaders`. */
function subgraphs(replyHeaders: Record<string, Headers> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const seen: Record<string, Record<string, string>[]> = { users: [], reviews: [] };
  for (const [name, url] of [
    ['users', USERS_URL],
    ['reviews', REVIEWS_URL],
  ] as const) {
    const { origin, pathname } = new URL(url);
    agent
      .get(origin)
      .intercept({ path: pathname, method: 'POST' })
      .reply(
        200,
        async (opts) => {
          seen[name]!.push(normalise(opts.headers));
          const body = JSON.parse(String(opts.body)) as ReceivedRequest;
          return JSON.stringify(await runSubgraph(name, body));
        },
        { headers: { 'content-type': 'application/json', ...replyHeaders[name] } },
      )
      .persist();
  }
  return { agent, seen };
}

function normalise(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

const BOTH = '{ users { name reviews { body } } }';

function post(query: string, headers: Record<string, string | string[]> = {}): GatewayRequest {
  return {
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  };
}

function start(rules: HeaderRulesOptions, replyHeaders: Record<string, Headers> = {}) {
  const { agent, seen } = subgraphs(replyHeaders);
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    plugins: [useHeaderRules(rules)],
  });
  return { gateway, seen };
}

describe('useHeaderRules: request headers', () => {
  it('propagates, renames, defaults, inserts and removes, all rules first then the subgraph’s', async () => {
    const { gateway, seen } = start({
      all: {
        request: [
          { propagate: { named: 'Authorization' } },
          { propagate: { matching: '^x-tenant-' } },
          { propagate: { named: 'x-user', rename: 'x-user-id', default: 'anonymous' } },
          { insert: { name: 'x-gateway', value: 'orrery' } },
        ],
      },
      subgraphs: {
        reviews: {
          request: [
            { remove: { named: 'authorization' } },
            { remove: { matching: /^x-tenant-b/ } },
            { propagate: { named: 'cookie' } },
          ],
        },
      },
    });
    const response = await gateway.handle(
      post(BOTH, {
        authorization: 'Bearer t0k',
        'x-tenant-a': 'acme',
        'x-tenant-b': 'beta',
        cookie: 'session=1',
        host: 'evil.example',
      }),
    );
    expect(JSON.parse(response.body).data.users).toHaveLength(3);
    const users = seen['users']![0]!;
    expect(users['authorization']).toBe('Bearer t0k');
    expect(users['x-tenant-a']).toBe('acme');
    expect(users['x-tenant-b']).toBe('beta');
    expect(users['x-user-id']).toBe('anonymous');
    expect(users['x-user']).toBeUndefined();
    expect(users['x-gateway']).toBe('orrery');
    // Only the subgraph that asked for the cookie gets it.
    expect(users['cookie']).toBeUndefined();
    const reviews = seen['reviews']![0]!;
    expect(reviews['authorization']).toBeUndefined();
    expect(reviews['x-tenant-a']).toBe('acme');
    expect(reviews['x-tenant-b']).toBeUndefined();
    expect(reviews['cookie']).toBe('session=1');
    expect(reviews['x-gateway']).toBe('orrery');
  });

  it('never propagates connection or body headers, even when a pattern matches them', async () => {
    const { agent, seen } = subgraphs();
    const added: Record<string, string>[] = [];
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      dispatcher: agent,
      plugins: [
        useHeaderRules({ all: { request: [{ propagate: { matching: '.*' } }] } }),
        { onSubgraphRequest: ({ request }) => void added.push({ ...request.headers }) },
      ],
    });
    await gateway.handle(
      post('{ me { name } }', {
        'x-one': '1',
        'content-type': 'application/json; charset=latin1',
        'content-length': '999',
        connection: 'close',
        host: 'evil.example',
        te: 'trailers',
      }),
    );
    expect(added).toEqual([{ 'x-one': '1' }]);
    expect(seen['users']![0]!['content-type']).toBe('application/json');
  });

  it('uses the client’s value over the default, joining repeated headers', async () => {
    const { gateway, seen } = start({
      all: { request: [{ propagate: { named: 'x-user', default: 'anonymous' } }] },
    });
    await gateway.handle(post('{ me { name } }', { 'x-user': ['a', 'b'] }));
    expect(seen['users']![0]!['x-user']).toBe('a, b');
  });

  it('refuses rules that name gateway-managed headers or bad patterns', () => {
    expect(() => useHeaderRules({ all: { request: [{ propagate: { named: 'host' } }] } })).toThrow(
      InvalidConfigError,
    );
    expect(() =>
      useHeaderRules({ all: { request: [{ insert: { name: 'content-length', value: '1' } }] } }),
    ).toThrow(/managed by the gateway/);
    expect(() =>
      useHeaderRules({ subgraphs: { a: { request: [{ propagate: { matching: '(' } }] } } }),
    ).toThrow(/subgraphs\.a\.request\[0\] is not a valid pattern/);
    expect(() =>
      useHeaderRules({ all: { request: [{ insert: { name: 'bad name', value: 'x' } }] } }),
    ).toThrow(/must be a header name/);
  });
});

describe('useHeaderRules: response headers', () => {
  const replies = {
    users: {
      'set-cookie': ['a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'b=2'],
      'cache-control': 'public, max-age=600, s-maxage=900',
      'x-served-by': 'users',
      'x-internal': 'secret',
    },
    reviews: {
      'set-cookie': 'c=3',
      'cache-control': 'max-age=60, must-revalidate',
      'x-served-by': 'reviews',
    },
  };
  const rules: HeaderRulesOptions = {
    all: {
      response: [
        { propagate: { named: 'set-cookie' } },
        { propagate: { named: 'cache-control' } },
        { propagate: { named: 'x-served-by', rename: 'x-origin' } },
      ],
    },
  };

  it('appends Set-Cookie, merges Cache-Control to the most restrictive, last value for others', async () => {
    const { gateway } = start(rules, replies);
    const response = await gateway.handle(post(BOTH));
    expect(JSON.parse(response.body).errors).toBeUndefined();
    expect(response.headers['set-cookie']).toEqual([
      'a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
      'b=2',
      'c=3',
    ]);
    expect(response.headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=900, must-revalidate',
    );
    // users answers first (reviews depends on it), so reviews' value is the last one.
    expect(response.headers['x-origin']).toBe('reviews');
    expect(response.headers['x-internal']).toBeUndefined();
    expect(response.headers['x-served-by']).toBeUndefined();
  });

  it('passes only what the subgraphs of this operation sent', async () => {
    const { gateway } = start(rules, replies);
    const response = await gateway.handle(post('{ me { name } }'));
    expect(response.headers['set-cookie']).toEqual([
      'a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
      'b=2',
    ]);
    expect(response.headers['cache-control']).toBe('public, max-age=600, s-maxage=900');
  });

  it('applies per-subgraph response rules only to that subgraph', async () => {
    const { gateway } = start(
      { subgraphs: { reviews: { response: [{ propagate: { matching: '^x-' } }] } } },
      replies,
    );
    const response = await gateway.handle(post(BOTH));
    expect(response.headers['x-served-by']).toBe('reviews');
    expect(response.headers['x-internal']).toBeUndefined();
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('sends each Set-Cookie as its own header line over HTTP', async () => {
    const { gateway } = start(rules, replies);
    const server = createServer(gateway);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await undiciRequest(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: BOTH }),
      });
      const body = (await response.body.json()) as { data: { users: unknown[] } };
      expect(body.data.users).toHaveLength(3);
      expect(response.headers['set-cookie']).toEqual([
        'a=1; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
        'b=2',
        'c=3',
      ]);
      expect(response.headers['cache-control']).toBe(
        'public, max-age=60, s-maxage=900, must-revalidate',
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('mergeCacheControl', () => {
  it.each([
    [['max-age=60', 'max-age=30'], 'max-age=30'],
    [['public, max-age=60', 'private, max-age=120, s-maxage=300'], 'private, max-age=60'],
    [['public, max-age=60', 'no-store'], 'no-store'],
    [['max-age=60', 'no-cache'], 'no-cache, max-age=60'],
    [['public, max-age=60, immutable', 'public, max-age=90'], 'public, max-age=60'],
    [['max-age=60, immutable', 'max-age=90, immutable'], 'max-age=60, immutable'],
    [
      ['max-age=5, stale-while-revalidate=30', 'max-age=9, stale-while-revalidate=10'],
      'max-age=5, stale-while-revalidate=10',
    ],
    [['max-age=5, stale-if-error=30', 'max-age=9'], 'max-age=5'],
    [['Public, Max-Age=10, X-Unknown=1'], 'public, max-age=10'],
  ])('%j -> %s', (values, merged) => {
    expect(mergeCacheControl(values)).toBe(merged);
  });

  it('gives nothing for no values', () => {
    expect(mergeCacheControl([])).toBeUndefined();
  });
});
