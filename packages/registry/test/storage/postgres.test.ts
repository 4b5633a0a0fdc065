import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open.js';
import type { Storage } from '../../src/storage/types.js';
import { runStorageContract } from './storage.contract.js';
import { createTestDatabase, eventually, type TestDatabase } from './test-database.js';

let database: TestDatabase | undefined;

runStorageContract('PostgreSQL', {
  openEmpty: async () => {
    database = await createTestDatabase();
    return openStorage({ databaseUrl: database.url, migrate: false });
  },
  openPeer: () => openStorage({ databaseUrl: database!.url, migrate: false }),
  cleanup: () => database?.drop() ?? Promise.resolve(),
});

describe('PostgreSQL storage: the LISTEN connection', () => {
  let own: TestDatabase;
  let storage: Storage;

  beforeAll(async () => {
    own = await createTestDatabase();
    storage = await openStorage({ databaseUrl: own.url, migrate: false });
  });
  afterAll(async () => {
    await storage?.close();
    await own?.drop();
  });

  it('reconnects and re-subscribes after the server drops it', async () => {
    const received: string[] = [];
    await storage.listen('contract_reconnect', (payload) => received.push(payload));
    await storage.notify('contract_reconnect', 'before');
    await eventually(
      async () => received,
      (list) => list.includes('before'),
    );

    const [{ terminated }] = (await storage.transaction((query) =>
      query<{ terminated: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      ),
    )) as [{ terminated: number }];
    expect(terminated).toBe(1);

    // Notifications sent while it is down are lost (documented); keep sending until one arrives.
    let sent = 0;
    await eventually(
      async () => {
        await storage.notify('contract_reconnect', `after ${++sent}`);
        return received;
      },
      (list) => list.some((payload) => payload.startsWith('after')),
    );
  });
});
