import { openStorage } from '../../src/storage/open.js';
import { runStorageContract } from './storage.contract.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let database: TestDatabase | undefined;

runStorageContract('PostgreSQL', {
  openEmpty: async () => {
    database = await createTestDatabase();
    return openStorage({ databaseUrl: database.url, migrate: false });
  },
  openPeer: () => openStorage({ databaseUrl: database!.url, migrate: false }),
  cleanup: () => database?.drop() ?? Promise.resolve(),
});
