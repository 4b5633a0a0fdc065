import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createSerialQueue } from './queue.js';
import type { Query, Storage, Unlisten } from './types.js';

/**
 * Storage on an embedded PGlite database: in `dataDir` when given, in memory otherwise. PGlite is
 * one connection, so every transaction runs through a serial queue; advisory locks still work
 * (they are taken at once, the queue having already serialised the callers), and LISTEN/NOTIFY
 * is delivered in-process.
 */
export async function openPGliteStorage(dataDir?: string): Promise<Storage> {
  const releaseLock = dataDir && !dataDir.includes('://') ? lockDataDir(dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  const enqueue = createSerialQueue();
  const unlistens = new Set<Unlisten>();
  let closed = false;

  return {
    kind: 'pglite',
    transaction<T>(fn: (query: Query) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('storage is closed'));
      return enqueue(() =>
        db.transaction(async (tx) => {
          const query: Query = async <R extends object>(
            sql: string,
            params?: readonly unknown[],
          ) => {
            if (params && params.length > 0) return (await tx.query(sql, [...params])).rows as R[];
            const results = await tx.exec(sql);
            return (results.at(-1)?.rows ?? []) as R[];
          };
          return fn(query);
        }),
      );
    },
    async listen(channel, callback) {
      const stop = await db.listen(channel, callback);
      const unlisten: Unlisten = async () => {
        if (!unlistens.delete(unlisten) || closed) return;
        await stop();
      };
      unlistens.add(unlisten);
      return unlisten;
    },
    async notify(channel, payload) {
      await enqueue(() => db.query('SELECT pg_notify($1, $2)', [channel, payload]));
    },
    async close() {
      if (closed) return;
      // Let queued transactions finish before the database goes away.
      await enqueue(async () => {
        closed = true;
      });
      unlistens.clear();
      await db.close();
      releaseLock();
    },
  };
}

/** Thrown when another live process has the PGlite data directory open. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
}

const LOCK_FILE = 'orrery-registry.lock';

/**
 * Takes the data directory for this process: PGlite is one process's database, and a second
 * process opening the same files sees a stale copy and overwrites the first one's writes (data
 * is lost, the files can be left unreadable). The lock is a file holding the owner's pid,
 * created exclusively; one left by a process that died (a SIGKILL, a crash) is taken over.
 * Returns the release, run by `close()`.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirLockedError(
          `the data directory ${dataDir} is in use by process ${owner}: PGlite serves one process; stop it, or run several registries on PostgreSQL (--database-url)`,
        );
      }
      // Left by a process that is gone: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock the data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
