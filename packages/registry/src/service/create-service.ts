import type { Storage } from '../storage/types.js';
import {
  createWebhookDeliverer,
  type WebhookDeliveryOptions,
  type WebhookFetch,
} from '../webhooks/deliverer.js';
import * as admin from './admin.js';
import * as checks from './checks.js';
import type { ServiceContext, UsageCompactionPolicy } from './context.js';
import { createLaunchEvents } from './launch-events.js';
import { checkRef } from './names.js';
import * as reads from './reads.js';
import * as subgraphs from './subgraph-writes.js';
import type { RegistryService } from './types.js';
import * as usage from './usage.js';
import * as variants from './variant-writes.js';

/** How often usage older than the retention is purged and old rollups compacted. */
const USAGE_PURGE_INTERVAL_MS = 60 * 60 * 1000;

const DEFAULT_USAGE_COMPACTION: UsageCompactionPolicy = { hourlyAfterHours: 24, dailyAfterDays: 8 };

/** Options of {@link createRegistryService}. */
export interface RegistryServiceOptions {
  /** Opened and migrated (`openStorage`). Closed by the service's `close()`. */
  readonly storage: Storage;
  /**
   * The registry's public base URL, for links in webhook payloads and check results; a function
   * when it is known only once the server listens (port 0). Default: `http://localhost:4100`.
   */
  readonly publicUrl?: string | (() => string);
  /** How webhook POSTs are sent; undici by default. */
  readonly webhookFetch?: WebhookFetch;
  /** Webhook retry policy (attempts, backoff base, timeout); tests shorten the delays. */
  readonly webhookDelivery?: WebhookDeliveryOptions;
  /** Days of usage kept; older rollups are purged hourly and on start. Default 30. */
  readonly usageRetentionDays?: number;
  /**
   * When per-minute usage rollups are folded into hours, then days (hourly and on start, after
   * the purge). Default `{ hourlyAfterHours: 24, dailyAfterDays: 8 }`: the default 7-day check
   * window reads hours at worst. `false` keeps every minute for the whole retention.
   */
  readonly usageCompaction?: Partial<UsageCompactionPolicy> | false;
}

/**
 * The registry's operations on a storage (see `RegistryService`). Every write is one
 * transaction under the variant's advisory lock; launches are announced through the storage's
 * notifications, so `waitForLaunch` sees launches made by other processes on the same database.
 */
export function createRegistryService(options: RegistryServiceOptions): RegistryService {
  const { storage } = options;
  const usageRetentionDays = options.usageRetentionDays ?? 30;
  if (!Number.isInteger(usageRetentionDays) || usageRetentionDays < 1) {
    throw new RangeError(
      `usageRetentionDays must be a positive integer, not ${usageRetentionDays}`,
    );
  }
  const usageCompaction = compactionPolicy(options.usageCompaction);
  const deliverer = createWebhookDeliverer(storage, {
    ...options.webhookDelivery,
    ...(options.webhookFetch ? { fetch: options.webhookFetch } : {}),
  });
  const context: ServiceContext = {
    storage,
    get publicUrl() {
      const url = options.publicUrl ?? 'http://localhost:4100';
      return typeof url === 'function' ? url() : url;
    },
    deliverer,
    usageRetentionDays,
    usageCompaction,
  };
  const events = createLaunchEvents(storage);
  deliverer.resume();
  let closing: Promise<void> | undefined;
  // Usage retention and compaction: on start, then hourly. A failed run is retried at the next
  // tick; close() waits for one in flight so it never runs on a closed storage.
  let purging: Promise<unknown> = Promise.resolve();
  const purge = () => {
    purging = usage
      .purgeUsage(context)
      .then(() => usage.compactUsage(context))
      .catch(() => undefined);
  };
  purge();
  const purgeTimer = setInterval(purge, USAGE_PURGE_INTERVAL_MS);
  purgeTimer.unref();

  return {
    authenticate: (rawKey) => admin.authenticate(context, rawKey),

    listGraphs: (actor) => reads.listGraphs(context, actor),
    listVariants: (actor, graph) => reads.listVariants(context, actor, graph),
    getVariant: (actor, ref) => reads.getVariant(context, actor, ref),
    createVariant: (actor, ref, request) => variants.createVariant(context, actor, ref, request),
    deleteVariant: (actor, ref) => variants.deleteVariant(context, actor, ref),

    listSubgraphs: (actor, ref) => reads.listSubgraphs(context, actor, ref),
    getSubgraph: (actor, ref, name) => reads.getSubgraph(context, actor, ref, name),
    listSubgraphRevisions: (actor, ref, name) =>
      reads.listSubgraphRevisions(context, actor, ref, name),
    publishSubgraph: (actor, ref, name, request) =>
      subgraphs.publishSubgraph(context, actor, ref, name, request),
    deleteSubgraph: (actor, ref, name) => subgraphs.deleteSubgraph(context, actor, ref, name),
    restoreSubgraph: (actor, ref, name, request) =>
      subgraphs.restoreSubgraph(context, actor, ref, name, request),

    listLaunches: (actor, ref, options) => reads.listLaunches(context, actor, ref, options),
    getLaunch: (actor, ref, id) => reads.getLaunch(context, actor, ref, id),
    getSupergraph: (actor, ref, options) => reads.getSupergraph(context, actor, ref, options),
    async waitForLaunch(ref, afterLaunchId, timeoutMs, signal) {
      checkRef(ref);
      return events.wait(ref, afterLaunchId, timeoutMs, signal, () =>
        reads.servedLaunchId(context, ref),
      );
    },

    createKey: (actor, request) => admin.createKey(context, actor, request),
    listKeys: (actor) => admin.listKeys(context, actor),
    revokeKey: (actor, id) => admin.revokeKey(context, actor, id),

    createWebhook: (actor, ref, request) => admin.createWebhook(context, actor, ref, request),
    listWebhooks: (actor, ref) => admin.listWebhooks(context, actor, ref),
    deleteWebhook: (actor, ref, id) => admin.deleteWebhook(context, actor, ref, id),
    listWebhookDeliveries: (actor, ref, id) => admin.listWebhookDeliveries(context, actor, ref, id),

    listAudit: (actor, options) => admin.listAudit(context, actor, options),

    ingestUsage: (actor, ref, report) => usage.ingestUsage(context, actor, ref, report),
    getCoordinateUsage: (actor, ref, coordinate, options) =>
      usage.getCoordinateUsage(context, actor, ref, coordinate, options),
    listOperationUsage: (actor, ref, options) =>
      usage.listOperationUsage(context, actor, ref, options),
    purgeUsage: (now) => usage.purgeUsage(context, now),
    compactUsage: (now) => usage.compactUsage(context, now),

    runCheck: (actor, ref, request) => checks.runCheck(context, actor, ref, request),
    listChecks: (actor, ref, options) => checks.listChecks(context, actor, ref, options),
    getCheck: (actor, ref, id) => checks.getCheck(context, actor, ref, id),

    close() {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        await purging;
        await events.close();
        await deliverer.close();
        await storage.close();
      })();
      return closing;
    },
  };
}

function compactionPolicy(
  option: RegistryServiceOptions['usageCompaction'],
): UsageCompactionPolicy | false {
  if (option === false) return false;
  const policy = { ...DEFAULT_USAGE_COMPACTION, ...option };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`usageCompaction.${name} must be a positive integer, not ${value}`);
    }
  }
  if (policy.dailyAfterDays * 24 < policy.hourlyAfterHours) {
    throw new RangeError(
      'usageCompaction.dailyAfterDays must not come before usageCompaction.hourlyAfterHours',
    );
  }
  return policy;
}
