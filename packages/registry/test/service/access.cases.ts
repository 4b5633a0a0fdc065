import { createHmac } from 'node:crypto';
import type { WebhookPayload } from '@orrery/registry-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RegistryService } from '../../src/service/types.js';
import { eventually, until } from '../storage/test-database.js';
import { PRODUCTS, PRODUCTS_V2, REVIEWS, REVIEWS_CONFLICTING, UNPARSABLE } from './fixtures.js';
import { admin, errorCode, PRODUCTS_URL, REVIEWS_URL } from './helpers.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** Keys and roles, the audit log, webhooks. */
export function accessCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  describe('keys and roles', () => {
    const ref = { graph: 'secure', variant: 'current' };
    const other = { graph: 'secure', variant: 'staging' };
    let publisher: Actor;
    let gateway: Actor;
    let publisherKey: string;

    beforeAll(async () => {
      await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
      await service.publishSubgraph(admin, other, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
      });
      const created = await service.createKey(admin, {
        name: 'ci-products',
        role: 'publisher',
        scope: {
          graphs: ['secure'],
          variants: ['secure@current'],
          subgraphs: ['products', 'reviews'],
        },
      });
      publisherKey = created.key;
      publisher = (await service.authenticate(created.key))!;
      const gatewayKey = await service.createKey(admin, {
        name: 'edge',
        role: 'gateway',
        scope: { variants: ['secure@current'] },
      });
      gateway = (await service.authenticate(gatewayKey.key))!;
    });

    it('issues keys shaped orr_<role>_<id>_<secret>, stores only a hash, and authenticates them', async () => {
      expect(publisherKey).toMatch(/^orr_publisher_[a-z0-9]+_[a-f0-9]+$/);
      expect(publisher).toMatchObject({
        name: 'ci-products',
        role: 'publisher',
        scope: { graphs: ['secure'] },
      });
      const keys = await service.listKeys(admin);
      const summary = keys.find((k) => k.id === publisher.keyId)!;
      expect(summary).toMatchObject({
        name: 'ci-products',
        role: 'publisher',
        createdBy: 'admin',
      });
      expect(summary.lastUsedAt).toBeDefined();
      expect(JSON.stringify(keys)).not.toContain(publisherKey.split('_').at(-1)!);
    });

    it('rejects unknown, malformed, tampered and revoked keys', async () => {
      expect(await service.authenticate('nonsense')).toBeNull();
      expect(
        await service.authenticate(
          `${publisherKey.slice(0, -1)}${publisherKey.endsWith('0') ? '1' : '0'}`,
        ),
      ).toBeNull();
      expect(
        await service.authenticate(publisherKey.replace('orr_publisher_', 'orr_admin_')),
      ).toBeNull();
      const temp = await service.createKey(admin, { name: 'temp', role: 'publisher' });
      expect(await service.authenticate(temp.key)).not.toBeNull();
      await service.revokeKey(admin, temp.id);
      expect(await service.authenticate(temp.key)).toBeNull();
      expect(
        (await service.listKeys(admin)).find((k) => k.id === temp.id)?.revokedAt,
      ).toBeDefined();
      expect(await errorCode(service.revokeKey(admin, 'missing'))).toBe('NOT_FOUND');
    });

    it('lets a publisher publish within its scope only', async () => {
      const ok = await service.publishSubgraph(publisher, ref, 'products', { sdl: PRODUCTS_V2 });
      expect(ok.launch?.actor).toBe('ci-products');
      expect(
        await errorCode(
          service.publishSubgraph(publisher, ref, 'inventory', {
            sdl: PRODUCTS,
            url: PRODUCTS_URL,
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await errorCode(
          service.publishSubgraph(publisher, other, 'products', { sdl: PRODUCTS_V2 }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await errorCode(
          service.publishSubgraph(
            publisher,
            { graph: 'lifecycle', variant: 'current' },
            'products',
            { sdl: PRODUCTS },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect((await service.listSubgraphs(publisher, ref)).map((s) => s.name)).toEqual([
        'products',
      ]);
      expect(await errorCode(service.listSubgraphs(publisher, other))).toBe('FORBIDDEN');
      expect((await service.listGraphs(publisher)).map((g) => [g.name, g.variants])).toEqual([
        ['secure', ['current']],
      ]);
    });

    it('keeps keys, webhooks, variant deletion and the audit log for admins', async () => {
      expect(await errorCode(service.createKey(publisher, { name: 'x', role: 'admin' }))).toBe(
        'FORBIDDEN',
      );
      expect(await errorCode(service.listKeys(publisher))).toBe('FORBIDDEN');
      expect(await errorCode(service.deleteVariant(publisher, ref))).toBe('FORBIDDEN');
      // Limited to some subgraphs: a variant copy would write the others.
      expect(
        await errorCode(
          service.createVariant(
            publisher,
            { graph: 'secure', variant: 'current' },
            { from: 'secure@current' },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await errorCode(service.createWebhook(publisher, ref, { url: 'http://127.0.0.1:1/x' })),
      ).toBe('FORBIDDEN');
      expect(await errorCode(service.listAudit(publisher))).toBe('FORBIDDEN');
    });

    it('lets a publisher scoped to a graph create variants in it', async () => {
      const key = await service.createKey(admin, {
        name: 'release-bot',
        role: 'publisher',
        scope: { graphs: ['secure'] },
      });
      const bot = (await service.authenticate(key.key))!;
      const created = await service.createVariant(
        bot,
        { graph: 'secure', variant: 'canary' },
        { from: 'secure@current' },
      );
      expect(created.launch).toMatchObject({ status: 'success', actor: 'release-bot' });
      expect(
        await errorCode(service.createVariant(bot, { graph: 'elsewhere', variant: 'x' }, {})),
      ).toBe('FORBIDDEN');
      expect(
        await errorCode(service.deleteVariant(bot, { graph: 'secure', variant: 'canary' })),
      ).toBe('FORBIDDEN');
    });

    it('lets a gateway key read its supergraphs and nothing else', async () => {
      expect((await service.getSupergraph(gateway, ref)).supergraphSdl).toContain('join__Graph');
      expect(await errorCode(service.getSupergraph(gateway, other))).toBe('FORBIDDEN');
      expect(
        await errorCode(service.publishSubgraph(gateway, ref, 'products', { sdl: PRODUCTS })),
      ).toBe('FORBIDDEN');
      expect(await errorCode(service.deleteSubgraph(gateway, ref, 'products'))).toBe('FORBIDDEN');
      expect(await errorCode(service.listSubgraphs(gateway, ref))).toBe('FORBIDDEN');
      expect(await errorCode(service.listLaunches(gateway, ref))).toBe('FORBIDDEN');
      expect(await errorCode(service.listGraphs(gateway))).toBe('FORBIDDEN');
    });

    it('validates key requests', async () => {
      expect(await errorCode(service.createKey(admin, { name: '', role: 'publisher' }))).toBe(
        'BAD_REQUEST',
      );
      expect(
        await errorCode(service.createKey(admin, { name: 'x', role: 'root' as 'admin' })),
      ).toBe('BAD_REQUEST');
      expect(
        await errorCode(
          service.createKey(admin, { name: 'x', role: 'gateway', scope: { variants: ['nope'] } }),
        ),
      ).toBe('BAD_REQUEST');
    });
  });

  describe('audit log', () => {
    it('records every write with its actor, newest first, filterable by graph', async () => {
      const ref = { graph: 'audited', variant: 'current' };
      const key = await service.createKey(admin, {
        name: 'auditor-ci',
        role: 'publisher',
        scope: { graphs: ['audited'] },
      });
      const ci = (await service.authenticate(key.key))!;
      await service.publishSubgraph(ci, ref, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
      await service.publishSubgraph(ci, ref, 'products', { sdl: PRODUCTS }); // unchanged: nothing written
      await service.publishSubgraph(ci, ref, 'reviews', { sdl: REVIEWS, url: REVIEWS_URL });
      await service.deleteSubgraph(ci, ref, 'reviews');
      await service.restoreSubgraph(ci, ref, 'reviews', {});
      await service.createVariant(
        admin,
        { graph: 'audited', variant: 'copy' },
        { from: 'audited@current' },
      );
      const hook = await service.createWebhook(admin, ref, { url: 'http://127.0.0.1:9/hook' });
      await service.deleteWebhook(admin, ref, hook.id);
      await service.deleteVariant(admin, { graph: 'audited', variant: 'copy' });

      const entries = await service.listAudit(admin, { graph: 'audited' });
      expect(entries.map((e) => [e.action, e.actor, e.variant, e.target ?? null])).toEqual([
        ['variant.delete', 'admin', 'copy', null],
        ['webhook.delete', 'admin', 'current', hook.id],
        ['webhook.create', 'admin', 'current', hook.id],
        ['variant.create', 'admin', 'copy', null],
        ['subgraph.restore', 'auditor-ci', 'current', 'reviews'],
        ['subgraph.delete', 'auditor-ci', 'current', 'reviews'],
        ['subgraph.publish', 'auditor-ci', 'current', 'reviews'],
        ['subgraph.publish', 'auditor-ci', 'current', 'products'],
      ]);
      expect(entries.at(-1)!.details).toMatchObject({
        revision: 1,
        launchId: 1,
        status: 'success',
        variantCreated: true,
        keyId: ci.keyId,
      });
      const ids = entries.map((e) => e.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      const global = await service.listAudit(admin, { limit: 500 });
      expect(global.some((e) => e.action === 'key.create' && e.target === key.id)).toBe(true);
      expect(await service.listAudit(admin, { graph: 'audited', limit: 2 })).toHaveLength(2);
    });

    it('writes nothing when a write fails', async () => {
      const before = await service.listAudit(admin, { graph: 'lifecycle' });
      await errorCode(
        service.publishSubgraph(admin, { graph: 'lifecycle', variant: 'current' }, 'products', {
          sdl: UNPARSABLE,
        }),
      );
      await errorCode(
        service.publishSubgraph(admin, { graph: 'lifecycle', variant: 'current' }, 'products', {
          sdl: PRODUCTS,
          expectedLaunchId: 1,
        }),
      );
      expect(await service.listAudit(admin, { graph: 'lifecycle' })).toEqual(before);
    });
  });

  describe('webhooks', () => {
    const ref = { graph: 'hooked', variant: 'current' };

    it('POSTs every launch, signed, retrying failures with backoff, and records deliveries', async () => {
      // 500, 503, then 200: delivered on the third attempt.
      const receiver = await startWebhookReceiver([500, 503, 200]);
      try {
        await service.publishSubgraph(admin, ref, 'products', {
          sdl: PRODUCTS,
          url: PRODUCTS_URL,
        });
        const hook = await service.createWebhook(admin, ref, {
          url: receiver.url,
          secret: 'a-shared-secret',
        });
        expect(hook.secret).toBe('a-shared-secret');
        expect((await service.listWebhooks(admin, ref)).map((h) => h.id)).toEqual([hook.id]);

        const published = await service.publishSubgraph(admin, ref, 'reviews', {
          sdl: REVIEWS,
          url: REVIEWS_URL,
        });
        await until(() => receiver.requests.length === 3);
        for (const request of receiver.requests) {
          const expected = `sha256=${createHmac('sha256', 'a-shared-secret').update(request.body).digest('hex')}`;
          expect(request.headers['x-orrery-signature']).toBe(expected);
          expect(request.headers['content-type']).toBe('application/json');
        }
        // One delivery, retried: the same delivery id on every attempt.
        expect(new Set(receiver.requests.map((r) => r.headers['x-orrery-delivery'])).size).toBe(1);
        const payload = JSON.parse(receiver.requests[2]!.body) as WebhookPayload;
        expect(payload).toMatchObject({ event: 'launch', graph: 'hooked', variant: 'current' });
        expect(payload.launch).toEqual(published.launch);
        expect(payload.url).toBe(
          'https://registry.example/api/v1/graphs/hooked/variants/current/launches/2',
        );

        const deliveries = await eventually(
          () => service.listWebhookDeliveries(admin, ref, hook.id),
          (list) => list[0]?.status === 'delivered',
        );
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({
          webhookId: hook.id,
          launchId: 2,
          status: 'delivered',
          attempts: 3,
          lastStatusCode: 200,
          id: receiver.requests[0]!.headers['x-orrery-delivery'],
        });
      } finally {
        await receiver.close();
      }
    });

    it('gives up after 5 attempts, and calls hooks on failed launches too', async () => {
      const receiver = await startWebhookReceiver([500]);
      try {
        const hook = await service.createWebhook(admin, ref, { url: receiver.url });
        expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
        const failed = await service.publishSubgraph(admin, ref, 'reviews', {
          sdl: REVIEWS_CONFLICTING,
        });
        expect(failed.launch?.status).toBe('failed');
        await until(() => receiver.requests.length === 5);
        const deliveries = await eventually(
          () => service.listWebhookDeliveries(admin, ref, hook.id),
          (list) => list[0]?.status === 'failed',
        );
        expect(deliveries[0]).toMatchObject({
          launchId: failed.launch!.id,
          status: 'failed',
          attempts: 5,
          lastStatusCode: 500,
          lastError: 'HTTP 500',
        });
        const payload = JSON.parse(receiver.requests[0]!.body) as WebhookPayload;
        expect(payload.launch.status).toBe('failed');
        expect(payload.launch.errors.length).toBeGreaterThan(0);
        await service.deleteWebhook(admin, ref, hook.id);
        expect(await errorCode(service.listWebhookDeliveries(admin, ref, hook.id))).toBe(
          'NOT_FOUND',
        );
      } finally {
        await receiver.close();
      }
    });

    it('validates webhook requests', async () => {
      expect(
        await errorCode(service.createWebhook(admin, ref, { url: 'ftp://example.com/x' })),
      ).toBe('BAD_REQUEST');
      expect(
        await errorCode(
          service.createWebhook(
            admin,
            { graph: 'hooked', variant: 'missing' },
            { url: 'http://127.0.0.1:1/x' },
          ),
        ),
      ).toBe('NOT_FOUND');
    });
  });
}
