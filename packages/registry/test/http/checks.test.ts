/**
 * Schema checks over real HTTP with the registry client, on traffic reported by a real gateway
 * (its usage-reporting plugin) and on reports sent directly,
 * then checks that break a used field (failed, naming the operation and the client), remove an
 * unused one (passed), add a value to an output enum in use (dangerous), and seed 004's two
 * teams whose changes only conflict in `current`; results listed and read back; error codes.
 */
import {
  createRegistryClient,
  RegistryApiError,
  USAGE_REPORT_VERSION,
  usageOperationId,
  type CheckedChange,
  type CheckResult,
  type RegistryClient,
  type UsageOperation,
} from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The real gateway and its test subgraphs (real @apollo/subgraph schemas behind an undici
// MockAgent), by path: this package does not depend on @orrery/gateway.
import { createGateway, managedSupergraph, useUsageReporting } from '../../../gateway/src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  SUBGRAPHS,
  USERS_URL,
  usersSubgraph,
} from '../../../gateway/test/helpers.js';
import { SYSTEM_ACTOR } from '../../src/keys/access.js';
import { startTestRegistry, type TestRegistry } from './harness.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const CATALOG = `${LINK}
type Query { products: [Product!]! }
type Product @key(fields: "upc") { upc: ID! name: String! color: String kind: Kind! }
enum Kind { BOOK MUSIC }
`;
const REVIEWS = `${LINK}
type Product @key(fields: "upc") { upc: ID! reviews: [Review!]! }
type Review { id: ID! body: String! }
`;

function operation(name: string, signature: string, coordinates: string[]) {
  const value: UsageOperation = { name, type: 'query', signature, coordinates: coordinates.sort() };
  return { id: usageOperationId(value), value };
}

const SHELF = operation('Shelf', 'query Shelf{products{kind name}}', [
  'Kind',
  'Product',
  'Product.kind',
  'Product.name',
  'Query',
  'Query.products',
  'String',
]);

// PGlite takes a while to start on a loaded machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000).toISOString();

/** Expects the call to fail with a registry error of this code and HTTP status. */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryApiError) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Expects the check to list exactly one change, with these fields among its others. */
function expectOnlyChange(result: CheckResult, change: Partial<CheckedChange>): void {
  expect(result.operations.changes).toEqual([expect.objectContaining(change)]);
}

describe('schema checks over HTTP', () => {
  let registry: TestRegistry;
  let client: RegistryClient;
  const prod = { graph: 'store', variant: 'prod' };
  const current = { graph: 'store', variant: 'current' };

  beforeAll(async () => {
    registry = await startTestRegistry();
    client = createRegistryClient({ url: registry.url, key: registry.adminKey, retries: 0 });
    for (const ref of ['store@prod', 'store@current']) {
      await registry.publish(ref, 'catalog', CATALOG);
      await registry.publish(ref, 'reviews', REVIEWS);
    }
    const accepted = await registry.service.ingestUsage(SYSTEM_ACTOR, prod, {
      version: USAGE_REPORT_VERSION,
      operations: { [SHELF.id]: SHELF.value },
      rows: [
        {
          operationId: SHELF.id,
          clientName: 'storefront',
          clientVersion: '4.2',
          minute,
          count: 25,
          errors: 0,
        },
      ],
    });
    expect(accepted).toMatchObject({ accepted: 1, rejected: 0 });
  }, 120_000);
  afterAll(() => registry?.close());

  it('fails a check that removes a used field, naming the operation and the client', async () => {
    const result = await client.runCheck('store@prod', {
      subgraph: 'catalog',
      sdl: CATALOG.replace('name: String! ', ''),
      context: { branch: 'drop-name', commit: 'c0ffee' },
    });
    expect(result.status).toBe('failed');
    expectOnlyChange(result, {
      code: 'FIELD_REMOVED',
      severity: 'breaking',
      coordinate: 'Product.name',
      impact: 'broken',
    });
    expect(result.operations.affectedOperations).toEqual([
      expect.objectContaining({
        name: 'Shelf',
        classification: 'broken',
        requests: 25,
        percentage: 100,
        clients: [{ name: 'storefront', version: '4.2', requests: 25 }],
      }),
    ]);
    // The link is absolute, under the registry's public URL, and answers the stored result.
    const path = `/api/v1/graphs/store/variants/prod/checks/${result.id}`;
    expect(result.url.endsWith(path)).toBe(true);
    const linked = await registry.call('GET', path, { key: registry.adminKey });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual(result);
    expect(await client.getCheck('store@prod', result.id)).toEqual(result);
  });

  it('passes a check that removes an unused field', async () => {
    const result = await client.runCheck(prod, {
      subgraph: 'catalog',
      sdl: CATALOG.replace('color: String ', ''),
    });
    expect(result.status).toBe('passed');
    expectOnlyChange(result, {
      code: 'FIELD_REMOVED',
      coordinate: 'Product.color',
      impact: 'unused',
    });
  });

  it('reports a value added to an output enum in use as dangerous', async () => {
    const sdl = CATALOG.replace('BOOK MUSIC', 'BOOK MUSIC VIDEO');
    const result = await client.runCheck(prod, { subgraph: 'catalog', sdl });
    expect(result.status).toBe('passed');
    expectOnlyChange(result, {
      code: 'VALUE_ADDED_TO_ENUM',
      severity: 'dangerous',
      coordinate: 'Kind.VIDEO',
      impact: 'potentially-affected',
    });
    expect(result.operations.affectedOperations[0]).toMatchObject({
      name: 'Shelf',
      classification: 'potentially-affected',
    });
    const strict = await client.runCheck(prod, {
      subgraph: 'catalog',
      sdl,
      config: { failOnDangerous: true },
    });
    expect(strict.status).toBe('failed');
  });

  it('catches concurrent changes of two teams against `current` (seed 004)', async () => {
    // Team A merged `Product.rating` in reviews, published to `current` on merge, not released.
    const teamA = REVIEWS.replace('reviews: [Review!]!', 'reviews: [Review!]! rating: Float');
    await registry.publish('store@current', 'reviews', teamA);
    // Team B adds its own `Product.rating` in catalog: fine against what prod serves...
    const teamB = CATALOG.replace('color: String', 'color: String rating: Int');
    const againstProd = await client.runCheck(prod, { subgraph: 'catalog', sdl: teamB });
    expect(againstProd.status).toBe('passed');
    expectOnlyChange(againstProd, { code: 'FIELD_ADDED', coordinate: 'Product.rating' });
    // ...but not with what team A merged.
    const againstCurrent = await client.runCheck(current, { subgraph: 'catalog', sdl: teamB });
    expect(againstCurrent.status).toBe('failed');
    expect(againstCurrent.composition.status).toBe('failed');
    expect(againstCurrent.operations.status).toBe('skipped');
    expect(JSON.stringify(againstCurrent.composition.errors)).toContain('Product.rating');
  });

  it('lists checks newest first and pages them', async () => {
    const all = await client.listChecks(prod);
    const ids = all.checks.map((check) => check.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.checks.at(-1)).toMatchObject({
      id: 1,
      subgraph: 'catalog',
      status: 'failed',
      breaking: 1,
      affectedOperations: 1,
    });
    const page = await client.listChecks(prod, { limit: 1 });
    expect(page.checks).toHaveLength(1);
    expect(page.nextBefore).toBe(ids[0]);
    const next = await client.listChecks(prod, { limit: 1, before: page.nextBefore });
    expect(next.checks[0]!.id).toBe(ids[1]);
  });

  it('answers stable errors', async () => {
    expect(
      await rejection(client.runCheck(prod, { subgraph: 'catalog', sdl: 'type Query {' })),
    ).toEqual({ code: 'INVALID_SDL', status: 400 });
    const missing = await registry.call('POST', '/api/v1/graphs/store/variants/prod/checks', {
      key: registry.adminKey,
      body: { sdl: CATALOG },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('BAD_REQUEST');
    const badConfig = await registry.call('POST', '/api/v1/graphs/store/variants/prod/checks', {
      key: registry.adminKey,
      body: { subgraph: 'catalog', sdl: CATALOG, config: { planRegressions: 'maybe' } },
    });
    expect(badConfig.status).toBe(400);
    expect(await rejection(client.getCheck(prod, 999))).toEqual({ code: 'NOT_FOUND', status: 404 });
    const notAnId = await registry.call('GET', '/api/v1/graphs/store/variants/prod/checks/x', {
      key: registry.adminKey,
    });
    expect(notAnId.status).toBe(400);

    const gatewayKey = await registry.createKey('gateway', { variants: ['store@prod'] });
    const gateway = createRegistryClient({ url: registry.url, key: gatewayKey, retries: 0 });
    expect(await rejection(gateway.runCheck(prod, { subgraph: 'catalog', sdl: CATALOG }))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
    });
    const reviewsKey = await registry.createKey(
      'publisher',
      { variants: ['store@prod'], subgraphs: ['reviews'] },
      'reviews-team',
    );
    const reviewsTeam = createRegistryClient({ url: registry.url, key: reviewsKey, retries: 0 });
    expect(
      await rejection(reviewsTeam.runCheck(prod, { subgraph: 'catalog', sdl: CATALOG })),
    ).toEqual({ code: 'FORBIDDEN', status: 403 });
    const own = await reviewsTeam.runCheck(prod, { subgraph: 'reviews', sdl: REVIEWS });
    expect(own).toMatchObject({ status: 'passed', actor: 'reviews-team' });
    expect((await reviewsTeam.listChecks(prod)).checks[0]!.id).toBe(own.id);
  });
});

describe('checks against traffic a gateway reported', () => {
  let registry: TestRegistry;
  let client: RegistryClient;
  const USERS_SDL = SUBGRAPHS.find((subgraph) => subgraph.name === 'users')!.sdl;
  /** A check of the users subgraph with `from` in its SDL replaced by `to`. */
  const checkUsers = (from: string, to: string) =>
    client.runCheck('people@prod', { subgraph: 'users', sdl: USERS_SDL.replace(from, to) });

  beforeAll(async () => {
    registry = await startTestRegistry();
    client = createRegistryClient({ url: registry.url, key: registry.adminKey, retries: 0 });
    for (const subgraph of SUBGRAPHS) {
      await registry.publish('people@prod', subgraph.name, subgraph.sdl, subgraph.url);
    }
    const gatewayKey = await registry.createKey('gateway', { variants: ['people@prod'] });
    const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
    const usage = useUsageReporting({
      graphRef: 'people@prod',
      registryUrl: registry.url,
      key: gatewayKey,
      flushIntervalMs: 3_600_000,
    });
    const gateway = createGateway({
      supergraph: managedSupergraph({
        graphRef: 'people@prod',
        registryUrls: [registry.url],
        key: gatewayKey,
        cacheDir: null,
      }),
      dispatcher: agent,
      plugins: [usage],
    });
    const traffic: [string, string, string][] = [
      ['web', '1.0', 'query Names { users { name } }'],
      ['web', '1.0', 'query Names { users { name } }'],
      ['ios', '2.0', 'query Roles { users { id role } }'],
      ['ios', '2.0', 'query Roles { users { id role } }'],
      ['ios', '2.0', 'query Roles { users { id role } }'],
    ];
    try {
      await gateway.ready;
      for (const [name, version, query] of traffic) {
        const response = await gateway.handle({
          method: 'POST',
          url: '/graphql',
          headers: {
            'content-type': 'application/json',
            'apollographql-client-name': name,
            'apollographql-client-version': version,
          },
          body: JSON.stringify({ query }),
        });
        expect(JSON.parse(response.body).errors, response.body).toBeUndefined();
      }
    } finally {
      // Sends the report (the flush interval is long: this is the only one).
      await usage.stop(60_000);
      await gateway.close();
    }
    expect(usage.stats()).toMatchObject({ recorded: 5, dropped: 0, reportsSent: 1 });
  });
  afterAll(() => registry?.close());

  it('fails the removal of a field the gateway served, naming the operation and the client', async () => {
    const result = await checkUsers('name: String! ', '');
    expect(result.status).toBe('failed');
    expect(result.operations.totalRequests).toBe(5);
    expect(result.operations.affectedOperations).toEqual([
      expect.objectContaining({
        name: 'Names',
        classification: 'broken',
        requests: 2,
        percentage: 40,
        clients: [{ name: 'web', version: '1.0', requests: 2 }],
        coordinates: ['User.name'],
      }),
    ]);
  });

  it('passes the removal of a field no client used', async () => {
    const result = await checkUsers('user(id: ID!): User ', '');
    expect(result.status).toBe('passed');
    expectOnlyChange(result, { code: 'FIELD_REMOVED', coordinate: 'Query.user', impact: 'unused' });
  });

  it('reports a value added to an output enum clients read as dangerous', async () => {
    const result = await checkUsers('ADMIN USER', 'ADMIN USER GUEST');
    expect(result.status).toBe('passed');
    expectOnlyChange(result, {
      code: 'VALUE_ADDED_TO_ENUM',
      coordinate: 'Role.GUEST',
      severity: 'dangerous',
      impact: 'potentially-affected',
    });
    expect(result.operations.affectedOperations).toEqual([
      expect.objectContaining({
        name: 'Roles',
        classification: 'potentially-affected',
        clients: [{ name: 'ios', version: '2.0', requests: 3 }],
      }),
    ]);
  });
});
