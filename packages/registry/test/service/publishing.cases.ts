import type { GraphRef } from '@orrery/registry-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/errors.js';
import type { RegistryService } from '../../src/service/types.js';
import {
  PRODUCTS,
  PRODUCTS_TAGGED,
  PRODUCTS_TAGGED_PROMOTED,
  PRODUCTS_V2,
  REVIEWS,
  REVIEWS_CONFLICTING,
  UNKNOWN_TYPE,
  UNPARSABLE,
} from './fixtures.js';
import { admin, errorCode, PRODUCTS_URL, REVIEWS_URL } from './helpers.js';

/** Publish, delete and restore, variants, contracts and launches. */
export function publishingCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  const count = async (ref: GraphRef, subgraph: string) =>
    (await service.listSubgraphRevisions(admin, ref, subgraph).catch(() => [])).length;

  describe('publish', () => {
    const ref = { graph: 'lifecycle', variant: 'current' };

    it('creates the variant, the subgraph and a successful launch', async () => {
      const result = await service.publishSubgraph(admin, ref, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
        revisionNote: 'git abc123',
      });
      expect(result).toMatchObject({
        subgraph: 'created',
        revision: 1,
        supergraphUpdated: true,
        errors: [],
      });
      expect(result.launch).toMatchObject({
        id: 1,
        graph: 'lifecycle',
        variant: 'current',
        status: 'success',
        trigger: { kind: 'publish', subgraph: 'products' },
        actor: 'admin',
        // The first launch has no served supergraph to compare with.
        changes: [],
      });
      const supergraph = await service.getSupergraph(admin, ref);
      expect(supergraph.launchId).toBe(1);
      expect(supergraph.hash).toBe(result.launch!.supergraphHash);
      expect(supergraph.supergraphSdl).toContain(
        '@join__graph(name: "products", url: "http://products.internal/graphql")',
      );
      expect(supergraph.apiSchemaSdl).toContain('products: [Product!]!');
      expect(supergraph.apiSchemaSdl).not.toContain('join__');
      const variant = await service.getVariant(admin, ref);
      expect(variant).toMatchObject({ servedLaunchId: 1, latestLaunchId: 1, subgraphCount: 1 });
    });

    it('answers unchanged, with no launch, for an identical publish', async () => {
      const result = await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS });
      expect(result).toMatchObject({
        subgraph: 'unchanged',
        revision: 1,
        supergraphUpdated: false,
      });
      expect(result.launch).toBeUndefined();
      expect((await service.listLaunches(admin, ref)).launches.map((l) => l.id)).toEqual([1]);
    });

    it('records an update with a new revision and launch, keeping the URL', async () => {
      const result = await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS_V2 });
      expect(result).toMatchObject({ subgraph: 'updated', revision: 2, supergraphUpdated: true });
      expect(result.launch?.id).toBe(2);
      // The launch summarises what clients see change, against the supergraph served before.
      expect(result.launch?.changes.map((c) => [c.code, c.severity, c.coordinate])).toEqual([
        ['FIELD_ADDED', 'safe', 'Product.price'],
        ['FIELD_ADDED', 'safe', 'Query.product'],
      ]);
      const detail = await service.getSubgraph(admin, ref, 'products');
      expect(detail).toMatchObject({ revision: 2, url: PRODUCTS_URL, sdl: PRODUCTS_V2 });
      expect((await service.getSupergraph(admin, ref)).apiSchemaSdl).toContain(
        'product(id: ID!): Product',
      );
    });

    it('counts a URL change as an update', async () => {
      const result = await service.publishSubgraph(admin, ref, 'products', {
        sdl: PRODUCTS_V2,
        url: 'http://products-v2.internal/graphql',
      });
      expect(result).toMatchObject({ subgraph: 'updated', revision: 3, supergraphUpdated: true });
      // A new routing URL is a new supergraph, not a new API.
      expect(result.launch?.changes).toEqual([]);
    });

    it('records a revision whose composition fails and keeps serving the last good supergraph', async () => {
      const served = await service.getSupergraph(admin, ref);
      const result = await service.publishSubgraph(admin, ref, 'reviews', {
        sdl: REVIEWS_CONFLICTING,
        url: REVIEWS_URL,
      });
      expect(result.subgraph).toBe('created');
      expect(result.supergraphUpdated).toBe(false);
      expect(result.launch).toMatchObject({ id: 4, status: 'failed' });
      expect(result.launch?.supergraphHash).toBeUndefined();
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.launch?.errors).toEqual(result.errors);
      expect(result.errors.every((e) => typeof e.code === 'string' && e.code.length > 0)).toBe(
        true,
      );
      // The revision is recorded (the registry is the record of what is deployed)...
      expect((await service.getSubgraph(admin, ref, 'reviews')).sdl).toBe(REVIEWS_CONFLICTING);
      // ...and gateways keep the last good supergraph.
      const after = await service.getSupergraph(admin, ref);
      expect(after).toEqual(served);
      expect(await service.getVariant(admin, ref)).toMatchObject({
        servedLaunchId: 3,
        latestLaunchId: 4,
      });
    });

    it('serves again once a fix composes', async () => {
      const result = await service.publishSubgraph(admin, ref, 'reviews', { sdl: REVIEWS });
      expect(result).toMatchObject({ subgraph: 'updated', revision: 2, supergraphUpdated: true });
      expect(result.launch).toMatchObject({ id: 5, status: 'success' });
      expect((await service.getSupergraph(admin, ref)).apiSchemaSdl).toContain(
        'reviews: [Review!]!',
      );
    });

    it('rejects SDL that does not parse with INVALID_SDL and its location, storing nothing', async () => {
      const before = await count(ref, 'broken');
      const failure = await service
        .publishSubgraph(admin, ref, 'broken', { sdl: UNPARSABLE, url: PRODUCTS_URL })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(RegistryError);
      const error = failure as RegistryError;
      expect(error.code).toBe('INVALID_SDL');
      expect(error.status).toBe(400);
      expect(error.details?.errors?.[0]?.locations[0]).toMatchObject({ line: 1 });
      expect(await count(ref, 'broken')).toBe(before);
      expect((await service.getVariant(admin, ref)).latestLaunchId).toBe(5);
    });

    it('rejects a subgraph that is not valid on its own with INVALID_SDL', async () => {
      expect(
        await errorCode(service.publishSubgraph(admin, ref, 'products', { sdl: UNKNOWN_TYPE })),
      ).toBe('INVALID_SDL');
      expect((await service.getSubgraph(admin, ref, 'products')).revision).toBe(3);
      expect((await service.getVariant(admin, ref)).latestLaunchId).toBe(5);
    });

    it('rejects bad names, a missing URL and a stale expectedLaunchId', async () => {
      expect(
        await errorCode(
          service.publishSubgraph(admin, ref, '1bad', { sdl: PRODUCTS, url: PRODUCTS_URL }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await errorCode(
          service.publishSubgraph(admin, { graph: 'lifecycle', variant: 'no way' }, 'x', {
            sdl: PRODUCTS,
            url: PRODUCTS_URL,
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(await errorCode(service.publishSubgraph(admin, ref, 'nourl', { sdl: PRODUCTS }))).toBe(
        'BAD_REQUEST',
      );
      expect(await count(ref, 'nourl')).toBe(0);
      expect(
        await errorCode(
          service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, expectedLaunchId: 2 }),
        ),
      ).toBe('CONFLICT');
      const ok = await service.publishSubgraph(admin, ref, 'products', {
        sdl: PRODUCTS,
        expectedLaunchId: 5,
      });
      expect(ok.launch?.id).toBe(6);
    });

    it('lists subgraphs and revisions, newest first', async () => {
      const subgraphs = await service.listSubgraphs(admin, ref);
      expect(subgraphs.map((s) => [s.name, s.revision])).toEqual([
        ['products', 4],
        ['reviews', 2],
      ]);
      const revisions = await service.listSubgraphRevisions(admin, ref, 'products');
      expect(revisions.map((r) => r.revision)).toEqual([4, 3, 2, 1]);
      expect(revisions.every((r) => r.deleted === false && /^[0-9a-f]{64}$/.test(r.sdlHash))).toBe(
        true,
      );
    });
  });

  describe('delete and restore', () => {
    const ref = { graph: 'deletes', variant: 'current' };

    beforeAll(async () => {
      await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
      await service.publishSubgraph(admin, ref, 'reviews', { sdl: REVIEWS, url: REVIEWS_URL });
    });

    it('deletes a subgraph with a deletion revision and recomposes without it', async () => {
      const result = await service.deleteSubgraph(admin, ref, 'reviews');
      expect(result.launch).toMatchObject({
        id: 3,
        status: 'success',
        trigger: { kind: 'delete', subgraph: 'reviews' },
      });
      expect(result.supergraphUpdated).toBe(true);
      expect(result.launch?.changes.map((c) => [c.code, c.severity, c.coordinate])).toEqual([
        ['FIELD_REMOVED', 'breaking', 'Product.reviews'],
        ['TYPE_REMOVED', 'breaking', 'Review'],
      ]);
      expect((await service.getSupergraph(admin, ref)).supergraphSdl).not.toContain('REVIEWS');
      expect((await service.listSubgraphs(admin, ref)).map((s) => s.name)).toEqual(['products']);
      expect(await errorCode(service.getSubgraph(admin, ref, 'reviews'))).toBe('NOT_FOUND');
      const revisions = await service.listSubgraphRevisions(admin, ref, 'reviews');
      expect(revisions.map((r) => [r.revision, r.deleted])).toEqual([
        [2, true],
        [1, false],
      ]);
      expect(revisions[0]!.sdl).toBe(REVIEWS);
    });

    it('records a failed launch when the last subgraph goes, and keeps serving', async () => {
      const lone = { graph: 'lonely', variant: 'current' };
      await service.publishSubgraph(admin, lone, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
      const served = await service.getSupergraph(admin, lone);
      const result = await service.deleteSubgraph(admin, lone, 'products');
      expect(result.launch).toMatchObject({ id: 2, status: 'failed' });
      expect(result.errors.map((e) => e.code)).toEqual(['NO_QUERIES']);
      expect(await service.listSubgraphs(admin, lone)).toEqual([]);
      expect(await service.getSupergraph(admin, lone)).toEqual(served);
    });

    it('refuses to delete what is not there', async () => {
      expect(await errorCode(service.deleteSubgraph(admin, ref, 'reviews'))).toBe('NOT_FOUND');
      expect(await errorCode(service.deleteSubgraph(admin, ref, 'ghost'))).toBe('NOT_FOUND');
    });

    it('restores the last revision before the deletion', async () => {
      const result = await service.restoreSubgraph(admin, ref, 'reviews', {});
      expect(result).toMatchObject({ subgraph: 'created', revision: 3, supergraphUpdated: true });
      expect(result.launch).toMatchObject({
        id: 4,
        status: 'success',
        trigger: { kind: 'restore', subgraph: 'reviews' },
      });
      expect(await service.getSubgraph(admin, ref, 'reviews')).toMatchObject({
        sdl: REVIEWS,
        url: REVIEWS_URL,
        revision: 3,
      });
      expect((await service.getSupergraph(admin, ref)).supergraphSdl).toContain('REVIEWS');
    });

    it('restores a named revision (a rollback) and needs one when the subgraph is live', async () => {
      await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS_V2 });
      expect(await errorCode(service.restoreSubgraph(admin, ref, 'products', {}))).toBe('CONFLICT');
      const result = await service.restoreSubgraph(admin, ref, 'products', { revision: 1 });
      expect(result).toMatchObject({ subgraph: 'updated', revision: 3 });
      expect((await service.getSubgraph(admin, ref, 'products')).sdl).toBe(PRODUCTS);
      expect(
        await errorCode(service.restoreSubgraph(admin, ref, 'products', { revision: 99 })),
      ).toBe('NOT_FOUND');
    });
  });

  describe('variants', () => {
    const prod = { graph: 'canary', variant: 'prod' };

    it('creates a variant from another: copies its subgraphs and launches', async () => {
      await service.publishSubgraph(admin, prod, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
      });
      await service.publishSubgraph(admin, prod, 'reviews', { sdl: REVIEWS, url: REVIEWS_URL });
      const canary = { graph: 'canary', variant: 'prod-canary' };
      const created = await service.createVariant(admin, canary, { from: 'canary@prod' });
      expect(created.variant).toMatchObject({
        graph: 'canary',
        name: 'prod-canary',
        subgraphCount: 2,
        servedLaunchId: 1,
      });
      expect(created.launch).toMatchObject({
        id: 1,
        status: 'success',
        trigger: { kind: 'variant-created', from: 'canary@prod' },
      });
      const [source, copy] = await Promise.all([
        service.getSupergraph(admin, prod),
        service.getSupergraph(admin, canary),
      ]);
      expect(copy.hash).toBe(source.hash);
      // The copy is independent: publishing to it leaves the source alone.
      await service.publishSubgraph(admin, canary, 'products', { sdl: PRODUCTS_V2 });
      expect((await service.getSubgraph(admin, prod, 'products')).sdl).toBe(PRODUCTS);
      expect(await service.listVariants(admin, 'canary')).toHaveLength(2);
    });

    it('refuses an existing variant, a missing source, and both from and contract', async () => {
      expect(await errorCode(service.createVariant(admin, prod, {}))).toBe('CONFLICT');
      expect(
        await errorCode(
          service.createVariant(admin, { graph: 'canary', variant: 'x' }, { from: 'canary@nope' }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        await errorCode(
          service.createVariant(
            admin,
            { graph: 'canary', variant: 'y' },
            {
              from: 'canary@prod',
              contract: {
                source: 'canary@prod',
                includeTags: [],
                excludeTags: [],
                hideUnreachableTypes: false,
              },
            },
          ),
        ),
      ).toBe('BAD_REQUEST');
    });

    it('deletes a variant with its history; the graph goes with its last variant', async () => {
      const temp = { graph: 'doomed', variant: 'current' };
      await service.publishSubgraph(admin, temp, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
      });
      await service.deleteVariant(admin, temp);
      expect(await errorCode(service.getVariant(admin, temp))).toBe('NOT_FOUND');
      expect(await errorCode(service.getSupergraph(admin, temp))).toBe('NOT_FOUND');
      expect(await errorCode(service.listLaunches(admin, temp))).toBe('NOT_FOUND');
      expect((await service.listGraphs(admin)).map((g) => g.name)).not.toContain('doomed');
      // Publishing again starts a new history.
      const again = await service.publishSubgraph(admin, temp, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
      });
      expect(again).toMatchObject({ subgraph: 'created', revision: 1, launch: { id: 1 } });
      // A shared artifact survives the deletion of one of the variants using it.
      const twin = { graph: 'doomed', variant: 'twin' };
      await service.createVariant(admin, twin, { from: 'doomed@current' });
      await service.deleteVariant(admin, temp);
      expect((await service.getSupergraph(admin, twin)).supergraphSdl).toContain('products');
    });
  });

  describe('contracts (seed 004: staged releases with @tag)', () => {
    const current = { graph: 'staged', variant: 'current' };
    const beta = { graph: 'staged', variant: 'beta' };
    const ga = { graph: 'staged', variant: 'ga' };

    it('composes a contract on creation and relaunches it on every successful source launch', async () => {
      await service.publishSubgraph(admin, current, 'products', {
        sdl: PRODUCTS,
        url: PRODUCTS_URL,
      });
      const gaCreated = await service.createVariant(admin, ga, {
        contract: {
          source: 'staged@current',
          includeTags: [],
          excludeTags: ['alpha', 'beta'],
          hideUnreachableTypes: false,
        },
      });
      expect(gaCreated.launch).toMatchObject({
        id: 1,
        status: 'success',
        trigger: { kind: 'contract', sourceLaunchId: 1, source: 'staged@current' },
      });
      expect(gaCreated.variant.contract?.excludeTags).toEqual(['alpha', 'beta']);
      await service.createVariant(admin, beta, {
        contract: {
          source: 'staged@current',
          includeTags: [],
          excludeTags: ['alpha'],
          hideUnreachableTypes: false,
        },
      });

      const alpha = await service.publishSubgraph(admin, current, 'products', {
        sdl: PRODUCTS_TAGGED,
      });
      expect(alpha.launch).toMatchObject({ id: 2, status: 'success' });
      expect(alpha.contractLaunches.map((l) => [l.variant, l.id, l.status])).toEqual([
        ['beta', 2, 'success'],
        ['ga', 2, 'success'],
      ]);
      expect(
        alpha.contractLaunches.every(
          (l) => l.trigger.kind === 'contract' && l.trigger.sourceLaunchId === 2,
        ),
      ).toBe(true);
      const api = async (ref: GraphRef) => (await service.getSupergraph(admin, ref)).apiSchemaSdl;
      expect(await api(current)).toContain('newField');
      expect(await api(current)).toContain('betaField');
      expect(await api(beta)).not.toContain('newField');
      expect(await api(beta)).toContain('betaField');
      expect(await api(ga)).not.toContain('newField');
      expect(await api(ga)).not.toContain('betaField');

      // Promote newField to beta: the beta contract gains it, GA still does not.
      const promoted = await service.publishSubgraph(admin, current, 'products', {
        sdl: PRODUCTS_TAGGED_PROMOTED,
      });
      expect(
        promoted.contractLaunches.map((l) => [l.variant, l.changes.map((c) => c.coordinate)]),
      ).toEqual([
        ['beta', ['Product.newField']],
        ['ga', []],
      ]);
      expect(promoted.contractLaunches[0]!.changes[0]).toMatchObject({
        code: 'FIELD_ADDED',
        severity: 'safe',
      });
      expect(await api(beta)).toContain('newField');
      expect(await api(ga)).not.toContain('newField');
    });

    it('does not relaunch contracts after a failed source launch, and refuses publishes to a contract', async () => {
      const failed = await service.publishSubgraph(admin, current, 'reviews', {
        sdl: REVIEWS_CONFLICTING,
        url: REVIEWS_URL,
      });
      expect(failed.launch?.status).toBe('failed');
      expect(failed.contractLaunches).toEqual([]);
      expect((await service.getVariant(admin, ga)).latestLaunchId).toBe(3);
      expect(
        await errorCode(
          service.publishSubgraph(admin, ga, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL }),
        ),
      ).toBe('BAD_REQUEST');
    });

    it('validates the contract config', async () => {
      expect(
        await errorCode(
          service.createVariant(
            admin,
            { graph: 'staged', variant: 'other' },
            {
              contract: {
                source: 'elsewhere@current',
                includeTags: [],
                excludeTags: [],
                hideUnreachableTypes: false,
              },
            },
          ),
        ),
      ).toBe('BAD_REQUEST');
    });
  });

  describe('launches', () => {
    const ref = { graph: 'history', variant: 'current' };

    it('lists launches newest first with pagination, ids contiguous from 1', async () => {
      await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, url: PRODUCTS_URL });
      await service.publishSubgraph(admin, ref, 'reviews', { sdl: REVIEWS, url: REVIEWS_URL });
      await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS_V2 });
      await service.deleteSubgraph(admin, ref, 'reviews');
      await service.publishSubgraph(admin, ref, 'reviews', {
        sdl: REVIEWS_CONFLICTING,
        url: REVIEWS_URL,
      });

      const all = await service.listLaunches(admin, ref);
      expect(all.launches.map((l) => l.id)).toEqual([5, 4, 3, 2, 1]);
      expect(all.nextBefore).toBeUndefined();
      expect(all.launches.map((l) => l.trigger.kind)).toEqual([
        'publish',
        'delete',
        'publish',
        'publish',
        'publish',
      ]);

      const first = await service.listLaunches(admin, ref, { limit: 2 });
      expect(first.launches.map((l) => l.id)).toEqual([5, 4]);
      expect(first.nextBefore).toBe(4);
      const second = await service.listLaunches(admin, ref, {
        limit: 2,
        before: first.nextBefore!,
      });
      expect(second.launches.map((l) => l.id)).toEqual([3, 2]);
      const third = await service.listLaunches(admin, ref, {
        limit: 2,
        before: second.nextBefore!,
      });
      expect(third.launches.map((l) => l.id)).toEqual([1]);
      expect(third.nextBefore).toBeUndefined();

      expect(await service.getLaunch(admin, ref, 5)).toEqual(all.launches[0]);
      expect(await errorCode(service.getLaunch(admin, ref, 42))).toBe('NOT_FOUND');
    });

    it('serves the supergraph of a given successful launch', async () => {
      const first = await service.getSupergraph(admin, ref, { launchId: 1 });
      expect(first.launchId).toBe(1);
      expect(first.supergraphSdl).not.toContain('REVIEWS');
      expect((await service.getSupergraph(admin, ref, { launchId: 2 })).supergraphSdl).toContain(
        'REVIEWS',
      );
      // Launch 5 failed: it has no supergraph.
      expect(await errorCode(service.getSupergraph(admin, ref, { launchId: 5 }))).toBe('NOT_FOUND');
      expect((await service.getSupergraph(admin, ref)).launchId).toBe(4);
    });

    it('wakes waiters when a newer launch is served, and times out otherwise', async () => {
      const served = (await service.getVariant(admin, ref)).servedLaunchId!;
      expect(await service.waitForLaunch(ref, served, 50)).toBeNull();
      // Already newer: answers at once.
      expect(await service.waitForLaunch(ref, served - 1, 10_000)).toBe(served);

      const waiting = service.waitForLaunch(ref, served, 30_000);
      const published = await service.publishSubgraph(admin, ref, 'reviews', { sdl: REVIEWS });
      expect(published.launch?.status).toBe('success');
      expect(await waiting).toBe(published.launch!.id);

      const controller = new AbortController();
      const aborted = service.waitForLaunch(ref, published.launch!.id, 30_000, controller.signal);
      controller.abort();
      expect(await aborted).toBeNull();
    });
  });
}
