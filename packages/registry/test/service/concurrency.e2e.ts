import type { PublishResponse } from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/keys/access.js';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import { openStorage } from '../../src/storage/open.js';
import { createTestDatabase, type TestDatabase } from '../storage/test-database.js';
import { rootFieldSubgraph } from './fixtures.js';

/**
 * Two registry services, each on its own pool, on one PostgreSQL database: what two registry
 * processes behind a load balancer are. Real PostgreSQL only (PGlite is one connection).
 */
describe('registry service: concurrent writers on PostgreSQL', () => {
  let database: TestDatabase;
  let first: RegistryService;
  let second: RegistryService;
  const ref = { graph: 'busy', variant: 'current' };

  beforeAll(async () => {
    database = await createTestDatabase();
    first = createRegistryService({ storage: await openStorage({ databaseUrl: database.url }) });
    second = createRegistryService({ storage: await openStorage({ databaseUrl: database.url }) });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('serialises 20 concurrent publishes: every subgraph composed, launch ids 1..20 in order', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const results: PublishResponse[] = await Promise.all(
      names.map((name, i) =>
        (i % 2 === 0 ? first : second).publishSubgraph(SYSTEM_ACTOR, ref, name, {
          sdl: rootFieldSubgraph(name),
          url: `http://${name}.internal/graphql`,
        }),
      ),
    );
    expect(results.every((r) => r.subgraph === 'created' && r.launch?.status === 'success')).toBe(
      true,
    );
    const ids = results.map((r) => r.launch!.id).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // The served supergraph (read through the other process) has every subgraph.
    const served = await second.getSupergraph(SYSTEM_ACTOR, ref);
    expect(served.launchId).toBe(20);
    for (const name of names) {
      expect(served.apiSchemaSdl).toContain(`${name}Field: String`);
      expect(served.supergraphSdl).toContain(`url: "http://${name}.internal/graphql"`);
    }

    // Launch k composed exactly k subgraphs: no publish composed from a stale set (a lost
    // update would show as a launch with fewer subgraphs than its position).
    const { launches } = await first.listLaunches(SYSTEM_ACTOR, ref, { limit: 100 });
    expect(launches.map((l) => l.id)).toEqual([...ids].reverse());
    for (const launch of launches) {
      const { supergraphSdl } = await first.getSupergraph(SYSTEM_ACTOR, ref, {
        launchId: launch.id,
      });
      expect(supergraphSdl.match(/@join__graph\(name: "/g)).toHaveLength(launch.id);
    }
    const createdAt = [...launches].reverse().map((l) => Date.parse(l.createdAt));
    expect([...createdAt].sort((a, b) => a - b)).toEqual(createdAt);
  });

  it('wakes a waiter on one service when the other one launches (LISTEN/NOTIFY)', async () => {
    const served = (await first.getVariant(SYSTEM_ACTOR, ref)).servedLaunchId!;
    const waiting = second.waitForLaunch(ref, served, 30_000);
    const published = await first.publishSubgraph(SYSTEM_ACTOR, ref, 'late', {
      sdl: rootFieldSubgraph('late'),
      url: 'http://late.internal/graphql',
    });
    expect(await waiting).toBe(published.launch!.id);
  });
});
