import type { Query, Storage } from '../storage/types.js';
import type { WebhookDeliverer } from '../webhooks/deliverer.js';
import type { LaunchContext } from './launch.js';
import type { Actor } from './types.js';

/** What the service's operations share. */
export interface ServiceContext {
  readonly storage: Storage;
  readonly publicUrl: string;
  readonly deliverer: WebhookDeliverer;
  /** Days of usage rollups kept (`purgeUsage`). */
  readonly usageRetentionDays: number;
  /** When rollups are folded into hours and days (`compactUsage`); false keeps every minute. */
  readonly usageCompaction: UsageCompactionPolicy | false;
}

/** Ages past which usage rollups lose resolution (see `compactUsage`). */
export interface UsageCompactionPolicy {
  /** Rollups older than this many hours are kept per hour. Default 24. */
  readonly hourlyAfterHours: number;
  /** Rollups older than this many days are kept per day. Default 8. */
  readonly dailyAfterDays: number;
}

/**
 * Runs a write: one transaction whose launches queue webhook deliveries, sent once it committed
 * (a rolled-back write sends nothing).
 */
export async function write<T>(
  context: ServiceContext,
  actor: Actor,
  fn: (query: Query, launches: LaunchContext) => Promise<T>,
): Promise<T> {
  const launches: LaunchContext = {
    actor: actor.name,
    publicUrl: context.publicUrl,
    deliveries: [],
  };
  const result = await context.storage.transaction((query) => fn(query, launches));
  if (launches.deliveries.length > 0) context.deliverer.deliver(launches.deliveries);
  return result;
}
