import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations, runMigrations } from '../../src/storage/migrations.js';
import type { Storage } from '../../src/storage/types.js';
import { until } from './test-database.js';

/** How a storage implementation is opened for the contract suite. */
export interface StorageFactory {
  /** Opens a storage on a new, empty database, without migrating it. */
  openEmpty(): Promise<Storage>;
  /**
   * Another handle on the same database as `storage`, as a second registry process would open
   * it (PostgreSQL: a new pool). PGlite is one connection in one process: the same handle.
   */
  openPeer(storage: Storage): Promise<Storage>;
  /** Drops what `openEmpty` created. */
  cleanup?(): Promise<void>;
}

/**
 * The behaviour every `Storage` must have, run once per implementation (PGlite and PostgreSQL):
 * migrations, transactions, concurrency and notifications.
 */
export function runStorageContract(name: string, factory: StorageFactory): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let peer: Storage;

    beforeAll(async () => {
      storage = await factory.openEmpty();
      peer = await factory.openPeer(storage);
    });

    afterAll(async () => {
      if (peer !== storage) await peer?.close();
      await storage?.close();
      await factory.cleanup?.();
    });

    describe('migrations', () => {
      it('apply every migration once, even when two callers start at once', async () => {
        const migrations = await readMigrations();
        const [first, second] = await Promise.all([runMigrations(storage), runMigrations(peer)]);
        const all = migrations.map((m) => m.version);
        // Exactly one of the two applied them; the other waited on the lock and found none.
        expect([...first.applied, ...second.applied].sort()).toEqual(all);
        expect(first.current).toBe(all.at(-1));
        expect(second.current).toBe(all.at(-1));

        const again = await runMigrations(storage);
        expect(again.applied).toEqual([]);
        const recorded = await storage.transaction((q) =>
          q<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'),
        );
        expect(recorded.map((r) => r.version)).toEqual(all);
      });

      it('create the registry tables', async () => {
        const tables = await storage.transaction((q) =>
          q<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
          ),
        );
        expect(tables.map((t) => t.table_name)).toEqual([
          'api_keys',
          'artifacts',
          'audit_log',
          'checks',
          'graphs',
          'launches',
          'schema_migrations',
          'subgraph_revisions',
          'usage_dropped',
          'usage_minutes',
          'usage_operation_coordinates',
          'usage_operations',
          'variants',
          'webhook_deliveries',
          'webhooks',
        ]);
      });

      it('refuse a migration edited after it was applied', async () => {
        const migrations = await readMigrations();
        const edited = migrations.map((m, i) =>
          i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m,
        );
        await expect(runMigrations(storage, { migrations: edited })).rejects.toThrow(
          /changed after it was applied/,
        );
      });

      it('make history tables append-only', async () => {
        await expect(
          storage.transaction(async (q) => {
            await q(`INSERT INTO audit_log (actor, action) VALUES ('t', 'contract.test')`);
            await q(`UPDATE audit_log SET action = 'rewritten' WHERE action = 'contract.test'`);
          }),
        ).rejects.toThrow(/append-only/);
      });
    });

    describe('transactions', () => {
      beforeAll(async () => {
        await storage.transaction((q) =>
          q('CREATE TABLE contract_counter (id integer PRIMARY KEY, value integer NOT NULL)'),
        );
      });

      const countRows = () =>
        storage.transaction(
          async (q) =>
            (await q<{ n: number }>('SELECT count(*)::int AS n FROM contract_counter'))[0]!.n,
        );

      it('commit what the callback wrote and return its result', async () => {
        const result = await storage.transaction(async (q) => {
          await q('INSERT INTO contract_counter (id, value) VALUES ($1, $2)', [1, 0]);
          return 'done';
        });
        expect(result).toBe('done');
        expect(await countRows()).toBe(1);
      });

      it('roll back everything when the callback throws', async () => {
        const failure = new Error('boom');
        await expect(
          storage.transaction(async (q) => {
            await q('INSERT INTO contract_counter (id, value) VALUES ($1, $2)', [2, 0]);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await countRows()).toBe(1);
      });

      it('roll back on an SQL error and stay usable', async () => {
        await expect(
          storage.transaction(async (q) => {
            await q('INSERT INTO contract_counter (id, value) VALUES ($1, $2)', [3, 0]);
            await q('INSERT INTO contract_counter (id, value) VALUES ($1, $2)', [3, 0]);
          }),
        ).rejects.toThrow(/duplicate key/);
        expect(await countRows()).toBe(1);
      });

      it('serialise concurrent read-modify-write transactions under an advisory lock', async () => {
        const increment = (s: Storage) =>
          s.transaction(async (q) => {
            await q(`SELECT pg_advisory_xact_lock(hashtextextended('contract:counter', 0))`);
            const [row] = await q<{ value: number }>(
              'SELECT value FROM contract_counter WHERE id = 1',
            );
            // Yield between the read and the write so that an unserialised peer would interleave.
            await new Promise((resolve) => setImmediate(resolve));
            await q('UPDATE contract_counter SET value = $1 WHERE id = 1', [row!.value + 1]);
          });
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => increment(i % 2 === 0 ? storage : peer)),
        );
        const [row] = await storage.transaction((q) =>
          q<{ value: number }>('SELECT value FROM contract_counter WHERE id = 1'),
        );
        expect(row!.value).toBe(20);
      });

      it('keep a failing transaction from affecting concurrent ones', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            storage.transaction(async (q) => {
              await q('INSERT INTO contract_counter (id, value) VALUES ($1, 0)', [100 + i]);
              if (i % 2 === 1) throw new Error(`fail ${i}`);
            }),
          ),
        );
        expect(results.map((r) => r.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
        ]);
        const ids = await storage.transaction((q) =>
          q<{ id: number }>('SELECT id FROM contract_counter WHERE id >= 100 ORDER BY id'),
        );
        expect(ids.map((r) => r.id)).toEqual([100, 102, 104]);
      });

      it('run several statements when given no parameters', async () => {
        const rows = await storage.transaction((q) =>
          q<{ n: number }>('SELECT 1 AS n; SELECT 2 AS n'),
        );
        expect(rows).toEqual([{ n: 2 }]);
      });
    });

    describe('notifications', () => {
      it('deliver notify to listeners, including those of another handle', async () => {
        const mine: string[] = [];
        const theirs: string[] = [];
        const stopMine = await storage.listen('contract_a', (p) => mine.push(p));
        const stopTheirs = await peer.listen('contract_a', (p) => theirs.push(p));
        await peer.notify('contract_a', 'hello');
        await until(() => mine.length === 1 && theirs.length === 1);
        expect(mine).toEqual(['hello']);
        expect(theirs).toEqual(['hello']);
        await stopMine();
        await stopTheirs();
      });

      it('deliver pg_notify from a transaction on commit only', async () => {
        const received: string[] = [];
        const stop = await storage.listen('contract_b', (p) => received.push(p));
        await expect(
          peer.transaction(async (q) => {
            await q(`SELECT pg_notify('contract_b', 'rolled back')`);
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        await peer.transaction(async (q) => {
          await q(`SELECT pg_notify('contract_b', $1)`, ['committed']);
        });
        await until(() => received.length >= 1);
        // Notifications arrive in commit order, so the rolled-back one would have come first.
        expect(received).toEqual(['committed']);
        await stop();
      });

      it('stop delivering after unlisten', async () => {
        const stopped: string[] = [];
        const kept: string[] = [];
        const stop = await storage.listen('contract_c', (p) => stopped.push(p));
        const keep = await storage.listen('contract_c', (p) => kept.push(p));
        await stop();
        await storage.notify('contract_c', 'one');
        await until(() => kept.length === 1);
        expect(stopped).toEqual([]);
        await keep();
      });
    });
  });
}
