import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open.js';
import { runStorageContract } from './storage.contract.js';

runStorageContract('PGlite (in memory)', {
  openEmpty: () => openStorage({ migrate: false }),
  openPeer: async (storage) => storage,
});

describe('PGlite storage in a data directory', () => {
  it('keeps data and applied migrations across a close and a reopen', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orrery-pglite-'));
    try {
      const first = await openStorage({ dataDir });
      await first.transaction((q) => q(`INSERT INTO graphs (name) VALUES ('kept')`));
      await first.close();

      const second = await openStorage({ dataDir });
      const rows = await second.transaction((q) => q<{ name: string }>('SELECT name FROM graphs'));
      const versions = await second.transaction((q) =>
        q<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations'),
      );
      await second.close();
      expect(rows).toEqual([{ name: 'kept' }]);
      expect(versions[0]!.n).toBeGreaterThan(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
