/**
 * Usage over real HTTP on the real service (in-memory PGlite), through the registry client:
 * reports (JSON and gzip), the coordinate and operation views, and their error answers.
 */
import { gzipSync } from 'node:zlib';
import {
  createRegistryClient,
  RegistryApiError,
  type RegistryClient,
} from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryService } from '../../src/service/types.js';
import { GET_IDS, GET_PRODUCTS, minuteAgo, report, row } from '../service/usage-fixtures.js';
import {
  PRODUCTS,
  startTestBackend,
  startTestRegistry,
  type TestBackend,
  type TestRegistry,
} from './harness.js';

const USAGE = '/api/v1/graphs/shop/variants/prod/usage';

let backend: TestBackend;
let registry: TestRegistry;
let gatewayKey: string;
let gateway: RegistryClient;
let admin: RegistryClient;

beforeAll(async () => {
  backend = await startTestBackend();
  registry = await startTestRegistry({ backend });
  const client = (key: string) => createRegistryClient({ url: registry.url, key, retries: 0 });
  admin = client(registry.adminKey);
  await admin.createVariant('shop@prod', {});
  await admin.createVariant('shop@staging', {});
  gatewayKey = await registry.createKey('gateway', { variants: ['shop@prod'] });
  gateway = client(gatewayKey);
});
afterAll(async () => {
  await registry?.close();
  await backend?.close();
});

/** The API error a call rejects with. */
async function apiError(promise: Promise<unknown>): Promise<RegistryApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryApiError) return error;
    throw error;
  }
  throw new Error('expected a RegistryApiError, the call succeeded');
}

describe('usage over HTTP', () => {
  it('takes a gateway report and answers the views', async () => {
    const answer = await gateway.reportUsage(
      'shop@prod',
      report(
        [GET_PRODUCTS, GET_IDS],
        [
          row(GET_PRODUCTS, minuteAgo(3), 4, 1, 'web@2.0'),
          row(GET_IDS, minuteAgo(3), 9, 0, 'ios@5.2'),
          row(GET_IDS, minuteAgo(90), 1, 0, 'ios@5.2'),
          row(GET_IDS, minuteAgo(1), 0),
        ],
      ),
    );
    expect(answer).toEqual({
      accepted: 3,
      rejected: 1,
      errors: [{ row: 3, message: expect.stringContaining('"count"') }],
    });
    await admin.reportUsage(
      'shop@staging',
      report([GET_PRODUCTS], [row(GET_PRODUCTS, minuteAgo(2), 6)]),
    );

    const byName = await gateway.getCoordinateUsage('shop@prod', 'Product.name', { period: '1h' });
    expect(byName).toMatchObject({
      coordinate: 'Product.name',
      variants: ['prod'],
      totalRequests: 13,
      operations: [
        {
          operationId: GET_PRODUCTS.id,
          name: 'GetProducts',
          requests: 4,
          errors: 1,
          clients: [{ name: 'web', version: '2.0', requests: 4 }],
        },
      ],
    });
    expect(Date.parse(byName.to) - Date.parse(byName.from)).toBe(3_600_000);

    const both = await admin.getCoordinateUsage('shop@prod', 'Product.name', {
      period: 3600,
      variants: ['prod', 'staging'],
    });
    expect(both.operations[0]).toMatchObject({ name: 'GetProducts', requests: 10 });

    const top = await gateway.listOperationUsage('shop@prod', { period: '7d', limit: 1 });
    expect(top.operations.map((op) => [op.name, op.requests])).toEqual([['GetIds', 10]]);
    const recent = await gateway.listOperationUsage('shop@prod', { period: '30m' });
    expect(recent.totalRequests).toBe(13);
  });

  it('accepts a gzip body', async () => {
    const body = gzipSync(
      JSON.stringify(report([GET_IDS], [row(GET_IDS, minuteAgo(5), 3, 0, 'gz@1')])),
    );
    const reply = await registry.call('POST', USAGE, {
      key: gatewayKey,
      rawBody: body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ accepted: 1, rejected: 0 });
    const view = await admin.getCoordinateUsage('shop@prod', 'Query.products', { period: '10m' });
    const ids = view.operations.find((op) => op.name === 'GetIds')!;
    expect(ids.clients).toContainEqual({ name: 'gz', version: '1', requests: 3 });
  });

  it('refuses bad gzip, other encodings, and gzip that inflates past the body limit', async () => {
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const notGzip = await registry.call('POST', USAGE, {
      key: gatewayKey,
      rawBody: JSON.stringify(report([], [])),
      headers,
    });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.error).toMatchObject({ code: 'BAD_REQUEST', message: /gzip/ });

    const brotli = await registry.call('POST', USAGE, {
      key: gatewayKey,
      rawBody: 'x',
      headers: { ...headers, 'content-encoding': 'br' },
    });
    expect(brotli.status).toBe(400);
    expect(brotli.body.error.message).toMatch(/Unsupported content-encoding "br"/);

    const small = await startTestRegistry({ backend, maxBodySize: 4096 });
    try {
      const padded = { ...report([], []), agent: 'x'.repeat(100_000) };
      const bomb = gzipSync(JSON.stringify(padded));
      expect(bomb.length).toBeLessThan(4096);
      const reply = await small.call('POST', USAGE, {
        key: small.adminKey,
        rawBody: bomb,
        headers,
      });
      expect(reply.status).toBe(413);
      expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('answers 400 for a bad period, a missing coordinate, a bad limit or an unknown version', async () => {
    const period = await apiError(
      gateway.getCoordinateUsage('shop@prod', 'Product.name', { period: 'soon' }),
    );
    expect(period).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(period.message).toMatch(/"period" must be a duration/);
    expect(await apiError(gateway.listOperationUsage('shop@prod', { period: '0' }))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
    });
    expect(await apiError(gateway.listOperationUsage('shop@prod', { limit: 5000 }))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
    });

    const missing = await registry.call('GET', USAGE, { key: gatewayKey });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/"coordinate" is required/);

    const version = await apiError(
      gateway.reportUsage('shop@prod', { ...report([], []), version: 9 as 1 }),
    );
    expect(version).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    const notJson = await registry.call('POST', USAGE, { key: gatewayKey, rawBody: '{' });
    expect(notJson.status).toBe(400);
  });

  it('answers 401, 403 and 404 with stable codes', async () => {
    const body = report([GET_IDS], [row(GET_IDS, minuteAgo(1), 1)]);
    const anonymous = await registry.call('POST', USAGE, { body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');

    const publisherKey = await registry.createKey('publisher', { graphs: ['shop'] });
    const publisher = createRegistryClient({ url: registry.url, key: publisherKey, retries: 0 });
    expect(await apiError(publisher.reportUsage('shop@prod', body))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    // Publishers read usage in their scope.
    expect((await publisher.listOperationUsage('shop@prod')).totalRequests).toBeGreaterThan(0);

    expect(await apiError(gateway.reportUsage('shop@staging', body))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await apiError(admin.reportUsage('shop@nope', body))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await apiError(admin.listOperationUsage('shop@nope'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('leaves the supergraph delivery cache alone (gateways report every few seconds)', async () => {
    let reads = 0;
    const cached = await startTestRegistry({
      backend,
      deliveryCacheMs: 60_000,
      wrapService: (service): RegistryService => ({
        ...service,
        getSupergraph: (...args) => {
          reads++;
          return service.getSupergraph(...args);
        },
      }),
    });
    try {
      await cached.publish('shop@prod', 'products', PRODUCTS);
      const poll = async () =>
        (
          await cached.call('GET', '/api/v1/graphs/shop/variants/prod/supergraph', {
            key: gatewayKey,
          })
        ).status;
      expect(await poll()).toBe(200);
      expect(await poll()).toBe(200);
      expect(reads).toBe(1);
      const reply = await cached.call('POST', USAGE, {
        key: gatewayKey,
        body: report([GET_IDS], [row(GET_IDS, minuteAgo(1), 1)]),
      });
      expect(reply.status).toBe(202);
      expect(await poll()).toBe(200);
      expect(reads).toBe(1);
      // A write that can launch still clears it.
      await cached.publish(
        'shop@prod',
        'products',
        PRODUCTS.replace('name: String', 'name: String\n    sku: String'),
      );
      expect(await poll()).toBe(200);
      expect(reads).toBe(2);
    } finally {
      await cached.close();
    }
  });
});
