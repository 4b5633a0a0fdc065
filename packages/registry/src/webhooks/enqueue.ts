import { randomBytes } from 'node:crypto';
import type { Launch, WebhookPayload } from '@orrery/registry-client';
import type { Query } from '../storage/types.js';

/** The API link to a launch, as webhooks receive it. */
export function launchUrl(publicUrl: string, launch: Launch): string {
  const base = publicUrl.replace(/\/+$/, '');
  const path = ['graphs', launch.graph, 'variants', launch.variant, 'launches', String(launch.id)]
    .map(encodeURIComponent)
    .join('/');
  return `${base}/api/v1/${path}`;
}

/**
 * Records one pending delivery per webhook of the variant, in the launch's transaction (a launch
 * rolled back leaves no delivery behind). Returns their ids, to hand to the deliverer once the
 * transaction committed.
 */
export async function enqueueDeliveries(
  query: Query,
  variantId: number,
  launch: Launch,
  publicUrl: string,
): Promise<string[]> {
  const hooks = await query<{ id: string }>(
    'SELECT id FROM webhooks WHERE variant_id = $1 ORDER BY created_at',
    [variantId],
  );
  const payload: WebhookPayload = {
    event: 'launch',
    graph: launch.graph,
    variant: launch.variant,
    launch,
    url: launchUrl(publicUrl, launch),
  };
  const ids: string[] = [];
  for (const hook of hooks) {
    const id = `whd_${randomBytes(10).toString('hex')}`;
    await query(
      `INSERT INTO webhook_deliveries (id, webhook_id, launch_id, payload, status)
       VALUES ($1, $2, $3, $4::jsonb, 'pending')`,
      [id, hook.id, launch.id, JSON.stringify(payload)],
    );
    ids.push(id);
  }
  return ids;
}
