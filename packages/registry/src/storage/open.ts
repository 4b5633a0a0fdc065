import { runMigrations } from './migrations.js';
import { openPGliteStorage } from './pglite.js';
import { openPostgresStorage } from './postgres.js';
import type { Storage } from './types.js';

/** Options of {@link openStorage}. */
export interface OpenStorageOptions {
  /** A PGlite data directory (created when missing). */
  readonly dataDir?: string;
  /** A PostgreSQL connection string; wins over `dataDir`. */
  readonly databaseUrl?: string;
  /** Apply pending migrations before returning. Default: true. */
  readonly migrate?: boolean;
}

/**
 * Opens the registry's storage: PostgreSQL when `databaseUrl` is given, PGlite in `dataDir`
 * otherwise, or an in-memory PGlite when neither is (tests, throwaway registries). Migrations
 * run on open unless `migrate: false`.
 */
export async function openStorage(options: OpenStorageOptions = {}): Promise<Storage> {
  const storage = options.databaseUrl
    ? await openPostgresStorage({ databaseUrl: options.databaseUrl })
    : await openPGliteStorage(options.dataDir);
  if (options.migrate !== false) {
    try {
      await runMigrations(storage);
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  return storage;
}
