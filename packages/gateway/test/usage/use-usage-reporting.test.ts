import { createHash } from 'node:crypto';
import { usageOperationId, type UsageOperation, type UsageReport } from '@orrery/registry-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createGateway,
  InvalidConfigError,
  useUsageReporting,
  type Gateway,
  type GatewayPlugin,
  type UsageReportingOptions,
  type UsageReportingPlugin,
} from '../../src/index.js';
import { mockSubgraphs, REVIEWS_URL, supergraphSdl, USERS_URL, usersSubgraph } from '../helpers.js';
import { catalogSupergraph, CATALOG_SUBGRAPHS } from './fixtures.js';
import { startReceiver, unreachableUrl, type Receiver } from './receiver.js';

const SUPERGRAPH = supergraphSdl();

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A gateway on the users/reviews supergraph (reviews answers errors) with the plugin. */
function gatewayWith(plugin: UsageReportingPlugin, supergraph = SUPERGRAPH): Gateway {
  const { agent } = mockSubgraphs({
    [USERS_URL]: usersSubgraph,
    [REVIEWS_URL]: () => ({ json: { errors: [{ message: 'reviews are down' }] } }),
    [CATALOG_SUBGRAPHS[0]!.url]: () => ({ json: { data: { products: [{ id: 'p1' }] } } }),
  });
  const gateway = createGateway({ supergraph, dispatcher: agent, plugins: [plugin] });
  cleanup.push(async () => {
    await plugin.stop(100);
    await gateway.close();
  });
  return gateway;
}

async function receiver(options: { hold?: boolean } = {}): Promise<Receiver> {
  const started = await startReceiver(options);
  cleanup.push(() => started.close());
  return started;
}

function usage(options: UsageReportingOptions): UsageReportingPlugin {
  return useUsageReporting({ flushIntervalMs: 3_600_000, ...options });
}

async function post(
  gateway: Gateway,
  query: string,
  options: { variables?: Record<string, unknown>; client?: string; version?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.client) headers['apollographql-client-name'] = options.client;
  if (options.version) headers['apollographql-client-version'] = options.version;
  const response = await gateway.handle({
    method: 'POST',
    url: '/graphql',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

function expectedOperation(operation: UsageOperation): [string, UsageOperation] {
  return [usageOperationId(operation), operation];
}

describe('useUsageReporting', () => {
  it('reports operations, clients, counts and errors to the registry route', async () => {
    const registry = await receiver();
    const plugin = usage({ graphRef: 'shop@prod', registryUrl: registry.url, key: 'orr_test' });
    const gateway = gatewayWith(plugin);

    const me = 'query Me { me { name } }';
    expect((await post(gateway, me, { client: 'web', version: '1.0' })).body).toEqual({
      data: { me: { name: 'Ada' } },
    });
    await post(gateway, me, { client: 'web', version: '1.0' });
    await post(gateway, me, { client: 'ios', version: '2.0' });
    await post(gateway, '{ users { n: name id } }');
    const failed = await post(gateway, 'query R { me { reviews { body } } }', {
      client: 'web',
      version: '1.0',
    });
    expect(failed.body['errors']).toBeDefined();
    await post(gateway, 'query U($id: ID!) { user(id: $id) { role } }', {
      variables: { id: 'u2' },
      client: 'web',
      version: '1.0',
    });
    // Refused before execution: not an operation.
    expect((await post(gateway, '{ nope }')).body['errors']).toBeDefined();
    await post(gateway, 'query U($id: ID!) { user(id: $id) { role } }', { variables: {} });

    await plugin.flush();
    expect(registry.reports).toHaveLength(1);
    const [{ path, headers, body }] = registry.reports as [(typeof registry.reports)[number]];
    expect(path).toBe('/api/v1/graphs/shop/variants/prod/usage');
    expect(headers['authorization']).toBe('Bearer orr_test');
    expect(body.version).toBe(1);
    expect(body.supergraphHash).toBe(createHash('sha256').update(SUPERGRAPH).digest('hex'));
    expect(body.agent).toMatch(/^orrery-gateway /);
    expect(body.dropped).toBeUndefined();

    const [meId, meOp] = expectedOperation({
      name: 'Me',
      type: 'query',
      signature: 'query Me{me{name}}',
      coordinates: ['Query', 'Query.me', 'String', 'User', 'User.name'],
    });
    const [usersId, usersOp] = expectedOperation({
      name: null,
      type: 'query',
      signature: '{users{id name}}',
      coordinates: ['ID', 'Query', 'Query.users', 'String', 'User', 'User.id', 'User.name'],
    });
    const [reviewsId, reviewsOp] = expectedOperation({
      name: 'R',
      type: 'query',
      signature: 'query R{me{reviews{body}}}',
      coordinates: ['Query', 'Query.me', 'Review', 'Review.body', 'String', 'User', 'User.reviews'],
    });
    const [userId, userOp] = expectedOperation({
      name: 'U',
      type: 'query',
      signature: 'query U($id:ID!){user(id:$id){role}}',
      coordinates: ['ID', 'Query', 'Query.user', 'Query.user(id:)', 'Role', 'User', 'User.role'],
    });
    expect(body.operations).toEqual({
      [meId]: meOp,
      [usersId]: usersOp,
      [reviewsId]: reviewsOp,
      [userId]: userOp,
    });
    const rows = body.rows.map((r) => [
      r.operationId,
      r.clientName,
      r.clientVersion,
      r.count,
      r.errors,
    ]);
    expect(rows.sort()).toEqual(
      [
        [meId, 'web', '1.0', 2, 0],
        [meId, 'ios', '2.0', 1, 0],
        [usersId, '', '', 1, 0],
        [reviewsId, 'web', '1.0', 1, 1],
        [userId, 'web', '1.0', 1, 0],
      ].sort(),
    );
    for (const row of body.rows) expect(row.minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    // `{ nope }` and the request with a missing variable ran no operation.
    expect(plugin.stats()).toMatchObject({
      recorded: 6,
      dropped: 0,
      unrecorded: 2,
      reportsSent: 1,
    });
  });

  it('reports operations whose enum and input variable values touch other coordinates apart', async () => {
    const reports: UsageReport[] = [];
    const plugin = usage({ send: (report) => Promise.resolve(void reports.push(report)) });
    const gateway = gatewayWith(plugin, catalogSupergraph());
    const query = 'query P($f: ProductFilter) { products(filter: $f) { id } }';
    for (const f of [{ category: 'BOOKS' }, { category: 'BOOKS' }, { category: 'GAMES' }, {}]) {
      expect((await post(gateway, query, { variables: { f } })).body).toEqual({
        data: { products: [{ id: 'p1' }] },
      });
    }
    await plugin.flush();
    expect(reports).toHaveLength(1);
    const operations = Object.entries(reports[0]!.operations);
    expect(operations).toHaveLength(3);
    const base = [
      'ID',
      'Product',
      'Product.id',
      'ProductFilter',
      'Query',
      'Query.products',
      'Query.products(filter:)',
    ];
    const signature = 'query P($f:ProductFilter){products(filter:$f){id}}';
    const withCategory = (value: string) =>
      [...base, 'Category', `Category.${value}`, 'ProductFilter.category'].sort();
    const expected = new Map([
      expectedOperation({
        name: 'P',
        type: 'query',
        signature,
        coordinates: withCategory('BOOKS'),
      }),
      expectedOperation({
        name: 'P',
        type: 'query',
        signature,
        coordinates: withCategory('GAMES'),
      }),
      expectedOperation({ name: 'P', type: 'query', signature, coordinates: base }),
    ]);
    expect(new Map(operations)).toEqual(expected);
    const counts = Object.fromEntries(reports[0]!.rows.map((r) => [r.operationId, r.count]));
    const [books, games, none] = [...expected.keys()];
    expect(counts).toEqual({ [books!]: 2, [games!]: 1, [none!]: 1 });
  });

  it('does not slow requests down when the registry hangs, and counts what it loses', async () => {
    const registry = await receiver({ hold: true });
    const plugin = usage({
      graphRef: 'shop@prod',
      registryUrl: registry.url,
      key: 'orr_test',
      maxRows: 2,
      timeoutMs: 500,
    });
    const gateway = gatewayWith(plugin);
    await post(gateway, '{ me { name } }', { client: 'first' });
    const flushing = plugin.flush();
    await vi.waitFor(() => expect(registry.held).toBe(1));
    // The report hangs; requests go on: two new rows fit, the other eight are dropped.
    for (let i = 0; i < 10; i++) {
      const { status, body } = await post(gateway, '{ me { name } }', { client: `client-${i}` });
      expect(status).toBe(200);
      expect(body).toEqual({ data: { me: { name: 'Ada' } } });
    }
    expect(registry.held).toBe(1);
    expect(plugin.stats()).toMatchObject({ recorded: 3, dropped: 8 });
    await flushing;
    // The hung report timed out: its request is lost too.
    expect(plugin.stats()).toMatchObject({ dropped: 9, reportsFailed: 1, reportsSent: 0 });
  });

  it('counts reports to an unreachable registry as dropped, and moves on to the next registry', async () => {
    const registry = await receiver();
    const errors: Error[] = [];
    const plugin = usage({
      graphRef: 'shop@prod',
      registryUrls: [await unreachableUrl(), registry.url],
      key: 'orr_test',
      onError: (error) => errors.push(error),
    });
    const gateway = gatewayWith(plugin);
    for (let i = 0; i < 3; i++) expect((await post(gateway, '{ me { id } }')).status).toBe(200);
    await plugin.flush();
    expect(errors).toHaveLength(1);
    expect(plugin.stats()).toMatchObject({ recorded: 3, dropped: 3, reportsFailed: 1 });
    await post(gateway, '{ me { id } }');
    await plugin.flush();
    expect(registry.reports).toHaveLength(1);
    expect(registry.reports[0]!.body.dropped).toBe(3);
    expect(registry.reports[0]!.body.rows.map((r) => r.count)).toEqual([1]);
  });

  it('leaves out excluded and unsampled operations, direct gateway.execute calls, and never fails a request', async () => {
    const reports: UsageReport[] = [];
    const send = (report: UsageReport) => Promise.resolve(void reports.push(report));
    const excluding = usage({ send, exclude: (name) => name === 'Health' });
    const gateway = gatewayWith(excluding);
    await post(gateway, 'query Health { me { id } }');
    await post(gateway, 'query Kept { me { id } }');
    await gateway.execute({ query: 'query Direct { me { id } }' });
    await excluding.flush();
    expect(Object.values(reports[0]!.operations).map((o) => o.name)).toEqual(['Kept']);

    const throwing = usage({
      send,
      exclude: () => {
        throw new Error('a bug in exclude');
      },
    });
    const third = gatewayWith(throwing);
    expect((await post(third, 'query Kept { me { id } }')).body).toEqual({
      data: { me: { id: 'u1' } },
    });
    await throwing.flush();
    expect(throwing.stats()).toMatchObject({ recorded: 0, unrecorded: 0 });

    const unsampled = usage({ send, sampleRate: 0 });
    const other = gatewayWith(unsampled);
    await post(other, 'query Kept { me { id } }');
    await unsampled.flush();
    expect(reports).toHaveLength(1);
    expect(unsampled.stats()).toMatchObject({ recorded: 0, unrecorded: 0 });
  });

  it('reports estimates of all requests when sampling: each sampled one counts 1 / sampleRate', async () => {
    const reports: UsageReport[] = [];
    const sampled = usage({
      send: (report) => Promise.resolve(void reports.push(report)),
      sampleRate: 0.25,
    });
    const gateway = gatewayWith(sampled);
    // Math.random decides: under 0.25 is sampled. Three of eight requests are.
    const draws = [0.1, 0.5, 0.9, 0.2, 0.7, 0.3, 0.24, 0.99];
    const random = vi.spyOn(Math, 'random');
    for (const draw of draws) random.mockReturnValueOnce(draw);
    for (let i = 0; i < draws.length; i++) {
      await post(gateway, 'query Me { me { id } }', { client: 'web', version: '1' });
    }
    random.mockRestore();
    await sampled.flush();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.rows.map((r) => [r.clientName, r.count, r.errors])).toEqual([
      ['web', 12, 0],
    ]);
    expect(sampled.stats()).toMatchObject({ recorded: 12, dropped: 0 });
  });

  it('reads configured client headers, keeping at most 256 characters', async () => {
    const reports: UsageReport[] = [];
    const plugin = usage({
      send: (report) => Promise.resolve(void reports.push(report)),
      clientNameHeader: 'X-Client',
      clientVersionHeader: 'X-Client-Version',
    });
    const gateway = gatewayWith(plugin);
    await gateway.handle({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        'x-client': ` ${'a'.repeat(300)} `,
        'x-client-version': '7',
        'apollographql-client-name': 'ignored',
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    await plugin.flush();
    expect(reports[0]!.rows.map((r) => [r.clientName, r.clientVersion])).toEqual([
      ['a'.repeat(256), '7'],
    ]);
  });

  it('seals usage with the supergraph it ran on when the gateway swaps supergraphs', async () => {
    const reports: UsageReport[] = [];
    const plugin = usage({ send: (report) => Promise.resolve(void reports.push(report)) });
    const gateway = gatewayWith(plugin);
    await post(gateway, '{ me { id } }');
    const next = catalogSupergraph();
    expect(gateway.updateSupergraph(next)).toEqual({ ok: true });
    await post(gateway, '{ product(id: "p1") { id } }');
    await plugin.flush();
    const hash = (sdl: string) => createHash('sha256').update(sdl).digest('hex');
    expect(
      reports.map((r) => [r.supergraphHash, Object.values(r.operations)[0]!.signature]),
    ).toEqual([
      [hash(SUPERGRAPH), '{me{id}}'],
      [hash(next), '{product(id:""){id}}'],
    ]);
  });

  it('refuses incomplete or invalid options with ERR_GATEWAY_INVALID_CONFIG', () => {
    expect(() => useUsageReporting({ graphRef: 'shop@prod', key: 'k' })).toThrow(
      InvalidConfigError,
    );
    expect(() => useUsageReporting({ registryUrl: 'http://r', key: 'k' })).toThrow(
      InvalidConfigError,
    );
    const send = () => Promise.resolve();
    expect(() => useUsageReporting({ send, sampleRate: 2 })).toThrow(/sampleRate/);
    expect(() => useUsageReporting({ send, flushIntervalMs: 0 })).toThrow(/flushIntervalMs/);
    const plugin: GatewayPlugin = useUsageReporting({ send });
    expect(plugin.name).toBe('usage-reporting');
    void (plugin as UsageReportingPlugin).stop(10);
  });
});
