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
export type { Actor, RegistryService, UsageCompaction } from './service/types.js';
export type { UsageCompactionPolicy } from './service/context.js';
export { SYSTEM_ACTOR } from './keys/access.js';
export { generateKey, parseKey } from './keys/format.js';
export { verifySignature } from './webhooks/sign.js';
export type { WebhookDeliveryOptions, WebhookFetch } from './webhooks/deliverer.js';

// HTTP server and supergraph delivery
export {
  createRegistry,
  DEFAULT_DELIVERY_CACHE_MS,
  DEFAULT_MAX_BODY_SIZE,
  DEFAULT_POLL_INTERVAL_SECONDS,
  type Registry,
  type RegistryOptions,
} from './http/create-registry.js';
export { HttpError } from './http/errors.js';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './http/rate-limit.js';
export { MAX_WAIT_SECONDS } from './http/routes/supergraph.js';
export { UPLINK_SDL } from './uplink/schema.js';

// Starting a registry
export {
  bootstrapAdminKey,
  DEFAULT_PORT,
  startRegistry,
  type RunningRegistry,
  type StartRegistryOptions,
} from './server.js';
