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
  const db = await PGlite.create(dataDir);
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
    },
  };
}
