export { openStorage, type OpenStorageOptions } from './open.js';
export { openPGliteStorage } from './pglite.js';
export { openPostgresStorage, type PostgresStorageOptions } from './postgres.js';
export {
  defaultMigrationsDirectory,
  readMigrations,
  runMigrations,
  type Migration,
  type MigrationResult,
} from './migrations.js';
export type { Query, Row, Storage, Unlisten } from './types.js';
