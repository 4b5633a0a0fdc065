import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createRegistryService } from '../../src/service/index.js';
import { openStorage } from '../../src/storage/open.js';
import { eventually } from '../storage/test-database.js';
import { PRODUCTS } from './fixtures.js';
import { admin, PRODUCTS_URL } from './helpers.js';
import { startWebhookReceiver } from './webhook-receiver.js';

it('a restarted registry takes over deliveries its previous process left pending', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'orrery-webhooks-'));
  const receiver = await startWebhookReceiver([200]);
  const ref = { graph: 'restart', variant: 'current' };
  try {
    // The first process: its receiver is down, and its next retry is a minute away when it stops.
    const first = createRegistryService({
      storage: await openStorage({ dataDir }),
      webhookFetch: () => Promise.reject(new Error('connect ECONNREFUSED')),
      webhookDelivery: { retryBaseDelayMs: 60_000 },
    });
    await first.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
    const hook = await first.createWebhook(admin, ref, { url: receiver.url });
    await first.publishSubgraph(admin, ref, 'products', { sdl: `${PRODUCTS}\n# v2\n` });
    await eventually(
      () => first.listWebhookDeliveries(admin, ref, hook.id),
      (list) => list[0]?.attempts === 1,
    );
    await first.close();

    // Time passes: the delivery is now older than staleAfterMs.
    const storage = await openStorage({ dataDir });
    await storage.transaction((query) =>
      query(`UPDATE webhook_deliveries SET updated_at = now() - interval '1 hour'`),
    );
    const second = createRegistryService({ storage });
    try {
      const [delivery] = await eventually(
        () => second.listWebhookDeliveries(admin, ref, hook.id),
        (list) => list[0]?.status === 'delivered',
      );
      expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, launchId: 2 });
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.headers['x-orrery-delivery']).toBe(delivery!.id);
    } finally {
      await second.close();
    }
  } finally {
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
