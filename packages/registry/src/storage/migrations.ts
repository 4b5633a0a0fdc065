import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Storage } from './types.js';

/** One versioned SQL file: `0001_init.sql` is version 1, named `init`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** What {@link runMigrations} did: the versions it applied now (empty when up to date). */
export interface MigrationResult {
  readonly applied: readonly number[];
  readonly current: number;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

// One key for every registry process on a database: whoever takes it first migrates, the others
// wait, then find nothing left to do.
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('orrery:migrations', 0))`;

/**
 * The package's `migrations/` folder: two levels up from `src/storage/` when running from
 * sources, one level up from `dist/` when built.
 */
export function defaultMigrationsDirectory(): string {
  for (const relative of ['../../migrations/', '../migrations/']) {
    const candidate = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('the registry migrations folder was not found next to the package');
}

/** Reads `NNNN_name.sql` files, in version order. */
export async function readMigrations(
  directory = defaultMigrationsDirectory(),
): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(directory)).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    const sql = await readFile(`${directory.replace(/\/?$/, '/')}${file}`, 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2]!, sql });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration versions must be 1, 2, 3... without gaps: found ${migration.version} at position ${index + 1}`,
      );
    }
  });
  return migrations;
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Brings the database up to the newest migration, in one transaction under an advisory lock so
 * that two processes starting at once do not both apply it. Applied versions are recorded in
 * `schema_migrations` with a checksum; a recorded migration whose file changed since is an error
 * (editing an applied migration would leave databases that ran the old text behind silently).
 */
export async function runMigrations(
  storage: Storage,
  options: { readonly migrations?: readonly Migration[] } = {},
): Promise<MigrationResult> {
  const migrations = options.migrations ?? (await readMigrations());
  return storage.transaction(async (query) => {
    await query(LOCK_SQL);
    await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    const recorded = new Map(rows.map((row) => [row.version, row.checksum]));
    const applied: number[] = [];
    for (const migration of migrations) {
      const sum = checksum(migration.sql);
      const previous = recorded.get(migration.version);
      if (previous !== undefined) {
        if (previous !== sum) {
          throw new Error(
            `migration ${migration.version} (${migration.name}) changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await query(migration.sql);
      await query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        sum,
      ]);
      applied.push(migration.version);
    }
    const current = Math.max(0, ...recorded.keys(), ...applied);
    return { applied, current };
  });
}
