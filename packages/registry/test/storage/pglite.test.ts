import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('refuses a second opener while one is open, and takes over a lock left by a dead process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orrery-pglite-'));
    const lock = join(dataDir, 'orrery-registry.lock');
    try {
      const first = await openStorage({ dataDir });
      await first.transaction((q) => q(`INSERT INTO graphs (name) VALUES ('first')`));
      // A second opener would read a stale copy and overwrite the first one's writes.
      await expect(openStorage({ dataDir })).rejects.toMatchObject({
        code: 'DATA_DIR_LOCKED',
        message: expect.stringContaining(`in use by process ${process.pid}`),
      });
      expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
      await first.close();
      await expect(readFile(lock, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

      // A process that died holding it (SIGKILL): its pid is no longer alive.
      const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']);
      await writeFile(lock, dead.stdout.toString());
      const second = await openStorage({ dataDir });
      const rows = await second.transaction((q) => q<{ name: string }>('SELECT name FROM graphs'));
      expect(rows).toEqual([{ name: 'first' }]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
