/**
 * `@orrery/registry`: the self-hosted Orrery schema registry, on PGlite or PostgreSQL.
 */

// Storage
export {
  openStorage,
  readMigrations,
  runMigrations,
  type Migration,
  type MigrationResult,
  type OpenStorageOptions,
  type Query,
  type Row,
  type Storage,
  type Unlisten,
} from './storage/index.js';

// Errors
export {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InvalidSdlError,
  NotFoundError,
  RegistryError,
  UnauthenticatedError,
} from './errors.js';

// Service
export type { Actor, RegistryService } from './service/types.js';
