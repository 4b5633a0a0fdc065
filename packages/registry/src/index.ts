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
export {
  createRegistryService,
  LAUNCH_CHANNEL,
  type LaunchNotice,
  type RegistryServiceOptions,
} from './service/index.js';
export type { Actor, RegistryService } from './service/types.js';
export { SYSTEM_ACTOR } from './keys/access.js';
export { generateKey, parseKey } from './keys/format.js';
export { verifySignature } from './webhooks/sign.js';
export type { WebhookDeliveryOptions, WebhookFetch } from './webhooks/deliverer.js';
