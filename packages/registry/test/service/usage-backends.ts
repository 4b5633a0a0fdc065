/**
 * What the usage storage tests share: the two storages they run on (an in-memory PGlite and a
 * fresh PostgreSQL database) and a service context over one of them, for the functions the
 * service does not expose (`queryUsage`, `purgeUsage`, `compactUsage` with a chosen `now`).
 */
import type { ServiceContext } from '../../src/service/context.js';
import { openStorage } from '../../src/storage/open.js';
import type { Storage } from '../../src/storage/types.js';
import { createWebhookDeliverer } from '../../src/webhooks/deliverer.js';
import { createTestDatabase } from '../storage/test-database.js';

export type OpenBackend = () => Promise<{ storage: Storage; drop?: () => Promise<void> }>;

/** `describe.each(USAGE_BACKENDS)`: the name, then how to open a storage (and drop it). */
export const USAGE_BACKENDS: [string, OpenBackend][] = [
  ['PGlite', async () => ({ storage: await openStorage() })],
  [
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase();
      return {
        storage: await openStorage({ databaseUrl: database.url }),
        drop: () => database.drop(),
      };
    },
  ],
];

/** A service context on `storage`, with the default compaction policy unless given. */
export function usageContext(
  storage: Storage,
  usageRetentionDays: number,
  usageCompaction: ServiceContext['usageCompaction'] = { hourlyAfterHours: 24, dailyAfterDays: 8 },
): ServiceContext {
  return {
    storage,
    publicUrl: 'http://registry.test',
    deliverer: createWebhookDeliverer(storage),
    usageRetentionDays,
    usageCompaction,
  };
}
