import { createRegistryClient, usageOperationId } from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The real registry (service on an in-memory PGlite, HTTP layer on a loopback port), from its
// own test harness: this package does not depend on @orrery/registry.
import { startTestRegistry, type TestRegistry } from '../../../registry/test/http/harness.js';
import {
  createGateway,
  managedSupergraph,
  useUsageReporting,
  type Gateway,
} from '../../src/index.js';
import { mockSubgraphs, SUBGRAPHS, USERS_URL, usersSubgraph } from '../helpers.js';

// PGlite takes a while to start on a loaded machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let registry: TestRegistry;
let gatewayKey: string;
beforeAll(async () => {
  registry = await startTestRegistry();
  for (const subgraph of SUBGRAPHS) {
    await registry.publish('shop@prod', subgraph.name, subgraph.sdl, subgraph.url);
  }
  gatewayKey = await registry.createKey('gateway', { graphs: ['shop'] });
});
afterAll(async () => {
  await registry?.close();
});

describe('useUsageReporting with a real registry', () => {
  it('reports what a managed gateway served, and the registry shows it per client', async () => {
    const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph });
    const usage = useUsageReporting({
      graphRef: 'shop@prod',
      registryUrl: registry.url,
      key: gatewayKey,
      flushIntervalMs: 3_600_000,
    });
    const gateway: Gateway = createGateway({
      supergraph: managedSupergraph({
        graphRef: 'shop@prod',
        registryUrls: [registry.url],
        key: gatewayKey,
        cacheDir: null,
      }),
      dispatcher: agent,
      plugins: [usage],
    });
    try {
      await gateway.ready;
      const ask = (client: string, version: string) =>
        gateway.handle({
          method: 'POST',
          url: '/graphql',
          headers: {
            'content-type': 'application/json',
            'apollographql-client-name': client,
            'apollographql-client-version': version,
          },
          body: JSON.stringify({ query: 'query GetMe { me { name } }' }),
        });
      for (const [client, version] of [
        ['web', '1.2.0'],
        ['web', '1.2.0'],
        ['web', '1.2.0'],
        ['ios', '3.0'],
      ] as const) {
        const response = await ask(client, version);
        expect(JSON.parse(response.body), response.body).toEqual({ data: { me: { name: 'Ada' } } });
      }
    } finally {
      await usage.stop(30_000);
      await gateway.close();
    }
    expect(usage.stats()).toMatchObject({ recorded: 4, dropped: 0, reportsSent: 1 });

    const client = createRegistryClient({ url: registry.url, key: registry.adminKey });
    const view = await client.listOperationUsage('shop@prod', { period: '1h' });
    expect(view.totalRequests).toBe(4);
    const operationId = usageOperationId({
      name: 'GetMe',
      signature: 'query GetMe{me{name}}',
      coordinates: ['Query', 'Query.me', 'String', 'User', 'User.name'],
    });
    expect(view.operations).toHaveLength(1);
    expect(view.operations[0]).toMatchObject({
      operationId,
      name: 'GetMe',
      type: 'query',
      signature: 'query GetMe{me{name}}',
      requests: 4,
      errors: 0,
    });
    expect([...view.operations[0]!.clients].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'ios', version: '3.0', requests: 1 },
      { name: 'web', version: '1.2.0', requests: 3 },
    ]);
    const byField = await client.getCoordinateUsage('shop@prod', 'User.name', { period: '1h' });
    expect(byField.operations.map((o) => [o.name, o.requests])).toEqual([['GetMe', 4]]);
  });
});
