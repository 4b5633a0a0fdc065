import {
  USAGE_REPORT_VERSION,
  usageOperationId,
  type CheckResult,
  type GraphRef,
  type UsageOperation,
  type UsageReport,
} from '@orrery/registry-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMatchingCases } from './checks-matching.cases.js';
import type { Actor, RegistryService } from '../../src/service/types.js';
import { admin, errorCode } from './helpers.js';

// ---- Subgraphs -------------------------------------------------------------------------------

const LINK = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

const URL_PRODUCTS = 'http://products.internal/graphql';
const URL_REVIEWS = 'http://reviews.internal/graphql';

/** Products with a used field (name), an unused one (sku), a deprecated one and an output enum. */
const PRODUCTS = `${LINK(['@key'])}
type Query { products: [Product!]! }
type Product @key(fields: "id") {
  id: ID!
  name: String!
  sku: String
  legacyCode: String @deprecated(reason: "use sku")
  status: Status!
}
enum Status { ACTIVE RETIRED }
`;

const without = (sdl: string, line: string) => {
  if (!sdl.includes(line)) throw new Error(`fixture: ${line} not found`);
  return sdl.replace(line, '');
};

const REVIEWS = `${LINK(['@key'])}
type Product @key(fields: "id") { id: ID! reviews: [Review!]! }
type Review { id: ID! body: String! }
`;

// ---- Usage -----------------------------------------------------------------------------------

interface Op {
  readonly id: string;
  readonly operation: UsageOperation;
}

function op(name: string | null, signature: string, coordinates: string[]): Op {
  const operation: UsageOperation = {
    name,
    type: signature.startsWith('mutation') ? 'mutation' : 'query',
    signature,
    coordinates: [...coordinates].sort(),
  };
  return { id: usageOperationId(operation), operation };
}

const GET_NAMES = op('GetNames', 'query GetNames{products{name}}', [
  'Product',
  'Product.name',
  'Query',
  'Query.products',
  'String',
]);
const GET_IDS = op('GetIds', 'query GetIds{products{id}}', [
  'ID',
  'Product',
  'Product.id',
  'Query',
  'Query.products',
]);
const GET_STATUS = op('GetStatus', 'query GetStatus{products{status}}', [
  'Product',
  'Product.status',
  'Query',
  'Query.products',
  'Status',
]);
const GET_LEGACY = op('GetLegacy', 'query GetLegacy{products{legacyCode}}', [
  'Product',
  'Product.legacyCode',
  'Query',
  'Query.products',
  'String',
]);

/** The start of the minute `minutes` ago. */
const minuteAgo = (minutes: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000).toISOString();

/** Traffic: `count` requests of `op` by `client` (`name@version`), one minute ago by default. */
interface Hit {
  readonly op: Op;
  readonly count: number;
  readonly client?: string;
  readonly minute?: string;
}

function usageReport(hits: readonly Hit[]): UsageReport {
  const operations: Record<string, UsageOperation> = {};
  for (const hit of hits) operations[hit.op.id] = hit.op.operation;
  return {
    version: USAGE_REPORT_VERSION,
    operations,
    rows: hits.map((hit) => {
      const [clientName = '', clientVersion = ''] = (hit.client ?? 'web@1.0').split('@');
      return {
        operationId: hit.op.id,
        clientName,
        clientVersion,
        minute: hit.minute ?? minuteAgo(1),
        count: hit.count,
        errors: 0,
      };
    }),
  };
}

const change = (result: CheckResult, code: string, coordinate: string) =>
  result.operations.changes.find((c) => c.code === code && c.coordinate === coordinate);

/** Schema checks against composition and traffic. Each test uses its own graph. */
export function checksCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  /** `graph@variant` serving products and reviews, with `hits` reported to it. */
  async function shop(graph: string, variant = 'prod', hits: readonly Hit[] = []) {
    const ref: GraphRef = { graph, variant };
    await service.publishSubgraph(admin, ref, 'products', { sdl: PRODUCTS, url: URL_PRODUCTS });
    await service.publishSubgraph(admin, ref, 'reviews', { sdl: REVIEWS, url: URL_REVIEWS });
    if (hits.length > 0) await report(ref, hits);
    return ref;
  }

  async function report(ref: GraphRef, hits: readonly Hit[]) {
    const answer = await service.ingestUsage(admin, ref, usageReport(hits));
    expect(answer).toMatchObject({ accepted: hits.length, rejected: 0 });
  }

  const check = (
    ref: GraphRef,
    sdl: string,
    config: Parameters<typeof service.runCheck>[2]['config'] = {},
    subgraph = 'products',
  ) => service.runCheck(admin, ref, { subgraph, sdl, config });

  checkMatchingCases();

  describe('checks', () => {
    it('fails when the proposal does not compose with the rest of the variant', async () => {
      const ref = await shop('check-compose', 'prod', [{ op: GET_NAMES, count: 3 }]);
      const conflicting = REVIEWS.replace('reviews: [Review!]!', 'reviews: [Review!]! name: Int!');
      const result = await check(ref, conflicting, {}, 'reviews');
      expect(result.status).toBe('failed');
      expect(result.composition.status).toBe('failed');
      expect(result.composition.errors.length).toBeGreaterThan(0);
      expect(result.operations).toEqual({
        status: 'skipped',
        totalRequests: 0,
        changes: [],
        affectedOperations: [],
      });
      expect(result.planRegressions.status).toBe('skipped');
    });

    it('passes a safe addition, listing it as safe', async () => {
      const ref = await shop('check-safe', 'prod', [{ op: GET_NAMES, count: 3 }]);
      const proposal = PRODUCTS.replace('sku: String', 'sku: String\n  weight: Float');
      const result = await check(ref, proposal);
      expect(result.status).toBe('passed');
      expect(result.composition.status).toBe('passed');
      expect(result.baseLaunchId).toBe(2);
      expect(result.operations.status).toBe('passed');
      expect(result.operations.changes).toEqual([
        expect.objectContaining({
          code: 'FIELD_ADDED',
          severity: 'safe',
          coordinate: 'Product.weight',
          impact: 'safe',
          affectedOperations: 0,
        }),
      ]);
      expect(result.operations.totalRequests).toBe(3);
      expect(result.config).toEqual({
        validationPeriodSeconds: 604_800,
        queryCountThreshold: 1,
        queryPercentageThreshold: 0,
        excludedClients: [],
        excludedOperations: [],
        trafficVariants: ['prod'],
        failOnDangerous: false,
        planRegressions: 'warn',
      });
    });

    it('fails when a removed field is used, naming the operation and its clients', async () => {
      const ref = await shop('check-used', 'prod', [
        { op: GET_NAMES, count: 7, client: 'web@1.0' },
        { op: GET_NAMES, count: 3, client: 'ios@2.1' },
        { op: GET_IDS, count: 10, client: 'web@1.0' },
      ]);
      const result = await check(ref, without(PRODUCTS, 'name: String!'));
      expect(result.status).toBe('failed');
      expect(result.operations.status).toBe('failed');
      expect(result.operations.totalRequests).toBe(20);
      expect(change(result, 'FIELD_REMOVED', 'Product.name')).toMatchObject({
        severity: 'breaking',
        impact: 'broken',
        affectedOperations: 1,
        affectedRequests: 10,
      });
      expect(result.operations.affectedOperations).toEqual([
        {
          operationId: GET_NAMES.id,
          name: 'GetNames',
          type: 'query',
          signature: GET_NAMES.operation.signature,
          requests: 10,
          percentage: 50,
          clients: [
            { name: 'web', version: '1.0', requests: 7 },
            { name: 'ios', version: '2.1', requests: 3 },
          ],
          classification: 'broken',
          coordinates: ['Product.name'],
        },
      ]);
    });

    it('passes when the removed field is not used', async () => {
      const ref = await shop('check-unused', 'prod', [
        { op: GET_NAMES, count: 7 },
        { op: GET_IDS, count: 10 },
      ]);
      const result = await check(ref, without(PRODUCTS, 'sku: String'));
      expect(result.status).toBe('passed');
      expect(change(result, 'FIELD_REMOVED', 'Product.sku')).toMatchObject({
        severity: 'breaking',
        impact: 'unused',
        affectedOperations: 0,
      });
      expect(result.operations.affectedOperations).toEqual([]);
    });

    it('counts an operation only over the count and percentage thresholds', async () => {
      const ref = await shop('check-thresholds', 'prod', [
        { op: GET_NAMES, count: 5 },
        { op: GET_IDS, count: 95 },
      ]);
      const proposal = without(PRODUCTS, 'name: String!');
      // 5 requests, 5% of 100.
      expect((await check(ref, proposal, { queryCountThreshold: 5 })).status).toBe('failed');
      const byCount = await check(ref, proposal, { queryCountThreshold: 6 });
      expect(byCount.status).toBe('passed');
      expect(change(byCount, 'FIELD_REMOVED', 'Product.name')?.impact).toBe('unused');
      expect((await check(ref, proposal, { queryPercentageThreshold: 5 })).status).toBe('failed');
      const byShare = await check(ref, proposal, { queryPercentageThreshold: 5.5 });
      expect(byShare.status).toBe('passed');
      expect(byShare.config.queryPercentageThreshold).toBe(5.5);
    });

    it('leaves out excluded clients (by name or name@version) and excluded operations', async () => {
      const ref = await shop('check-excluded', 'prod', [
        { op: GET_NAMES, count: 4, client: 'internal-admin@3.0' },
        { op: GET_NAMES, count: 2, client: 'web@1.0' },
      ]);
      const proposal = without(PRODUCTS, 'name: String!');
      const partly = await check(ref, proposal, { excludedClients: ['internal-admin'] });
      expect(partly.status).toBe('failed');
      expect(partly.operations.affectedOperations[0]).toMatchObject({
        requests: 2,
        clients: [{ name: 'web', version: '1.0', requests: 2 }],
      });
      const clients = await check(ref, proposal, {
        excludedClients: ['internal-admin', 'web@1.0'],
      });
      expect(clients.status).toBe('passed');
      expect(clients.operations.totalRequests).toBe(6);
      // Another version of an excluded name@version still counts.
      const version = await check(ref, proposal, {
        excludedClients: ['internal-admin', 'web@2.0'],
      });
      expect(version.status).toBe('failed');

      expect((await check(ref, proposal, { excludedOperations: ['GetNames'] })).status).toBe(
        'passed',
      );
      expect((await check(ref, proposal, { excludedOperations: [GET_NAMES.id] })).status).toBe(
        'passed',
      );
    });

    it('weighs traffic of other variants when asked (staging checked against prod traffic)', async () => {
      const prod = await shop('check-traffic', 'prod', [{ op: GET_NAMES, count: 9 }]);
      const staging = await shop('check-traffic', 'staging');
      const proposal = without(PRODUCTS, 'name: String!');
      expect((await check(staging, proposal)).status).toBe('passed');
      const withProd = await check(staging, proposal, { trafficVariants: ['prod'] });
      expect(withProd.status).toBe('failed');
      expect(withProd.config.trafficVariants).toEqual(['prod']);
      expect(withProd.operations.affectedOperations.map((o) => o.name)).toEqual(['GetNames']);
      const both = await check(staging, proposal, {
        trafficVariants: ['check-traffic@staging', 'prod'],
      });
      expect(both.config.trafficVariants).toEqual(['staging', 'prod']);
      expect(both.status).toBe('failed');

      expect(await errorCode(check(staging, proposal, { trafficVariants: ['other@prod'] }))).toBe(
        'BAD_REQUEST',
      );
      expect(await errorCode(check(staging, proposal, { trafficVariants: ['nowhere'] }))).toBe(
        'BAD_REQUEST',
      );
      expect(prod.variant).toBe('prod');
    });

    it('reads only the window: older traffic does not count', async () => {
      const ref = await shop('check-window', 'prod', [
        { op: GET_NAMES, count: 5, minute: minuteAgo(120) },
      ]);
      const proposal = without(PRODUCTS, 'name: String!');
      const recent = await check(ref, proposal, { validationPeriodSeconds: 3600 });
      expect(recent.status).toBe('passed');
      expect(recent.operations.totalRequests).toBe(0);
      expect((await check(ref, proposal)).status).toBe('failed');
    });

    it('reports a value added to an output enum in use as dangerous, failing only on request', async () => {
      const ref = await shop('check-enum', 'prod', [
        { op: GET_STATUS, count: 12, client: 'ios@5.2' },
      ]);
      const proposal = PRODUCTS.replace('ACTIVE RETIRED', 'ACTIVE RETIRED DRAFT');
      const result = await check(ref, proposal);
      expect(result.status).toBe('passed');
      expect(result.operations.status).toBe('passed');
      expect(change(result, 'VALUE_ADDED_TO_ENUM', 'Status.DRAFT')).toMatchObject({
        severity: 'dangerous',
        impact: 'potentially-affected',
        affectedOperations: 1,
        affectedRequests: 12,
      });
      expect(result.operations.affectedOperations).toEqual([
        expect.objectContaining({
          name: 'GetStatus',
          classification: 'potentially-affected',
          coordinates: ['Status.DRAFT'],
          clients: [{ name: 'ios', version: '5.2', requests: 12 }],
        }),
      ]);
      const strict = await check(ref, proposal, { failOnDangerous: true });
      expect(strict.status).toBe('failed');
      expect(strict.operations.status).toBe('failed');
    });

    it('treats the removal of a deprecated field as dangerous', async () => {
      const ref = await shop('check-deprecated', 'prod', [{ op: GET_LEGACY, count: 2 }]);
      const proposal = without(PRODUCTS, 'legacyCode: String @deprecated(reason: "use sku")');
      const result = await check(ref, proposal);
      expect(change(result, 'FIELD_REMOVED', 'Product.legacyCode')).toMatchObject({
        severity: 'dangerous',
        meta: { deprecated: true },
        impact: 'potentially-affected',
      });
      expect(result.status).toBe('passed');
      expect((await check(ref, proposal, { failOnDangerous: true })).status).toBe('failed');
      // The same removal of a field that was not deprecated breaks.
      const plain = await check(ref, without(PRODUCTS, 'name: String!'), {});
      expect(change(plain, 'FIELD_REMOVED', 'Product.name')?.severity).toBe('breaking');
    });

    it('checks contract variants downstream against their own traffic', async () => {
      const graph = 'check-contract';
      const tagged = `${LINK(['@key', '@tag'])}
type Query { products: [Product!]! }
type Product @key(fields: "id") {
  id: ID!
  name: String!
  beta: String @tag(name: "beta")
  internal: String @tag(name: "internal")
}
`;
      const source = { graph, variant: 'main' };
      await service.publishSubgraph(admin, source, 'products', { sdl: tagged, url: URL_PRODUCTS });
      const contract = { graph, variant: 'public' };
      await service.createVariant(admin, contract, {
        contract: {
          source: `${graph}@main`,
          includeTags: [],
          excludeTags: ['internal'],
          hideUnreachableTypes: false,
        },
      });
      const getBeta = op('GetBeta', 'query GetBeta{products{beta}}', [
        'Product',
        'Product.beta',
        'Query',
        'Query.products',
        'String',
      ]);
      await report(contract, [{ op: getBeta, count: 4, client: 'beta-app@0.1' }]);

      // Removing `beta`: no traffic on the source, but the contract's clients use it.
      const result = await check(source, tagged.replace('beta: String @tag(name: "beta")', ''));
      expect(result.operations.status).toBe('passed');
      expect(result.contracts).toHaveLength(1);
      expect(result.contracts[0]).toMatchObject({
        variant: 'public',
        status: 'failed',
        compositionErrors: [],
        operations: {
          status: 'failed',
          totalRequests: 4,
          affectedOperations: [expect.objectContaining({ name: 'GetBeta' })],
        },
      });
      expect(result.status).toBe('failed');

      // Removing `internal`: the contract never showed it, so nothing changes there.
      const hidden = await check(
        source,
        tagged.replace('internal: String @tag(name: "internal")', ''),
      );
      expect(hidden.contracts[0]).toMatchObject({ status: 'passed', operations: { changes: [] } });
      expect(hidden.status).toBe('passed');

      // Tagging every root field internal leaves the contract without a query type.
      const empty = await check(
        source,
        tagged.replace('products: [Product!]!', 'products: [Product!]! @tag(name: "internal")'),
      );
      expect(empty.composition.status).toBe('passed');
      expect(empty.contracts[0]!.status).toBe('failed');
      expect(empty.contracts[0]!.compositionErrors.length).toBeGreaterThan(0);
      expect(empty.contracts[0]!.operations.status).toBe('skipped');
      expect(empty.status).toBe('failed');

      // A contract takes no checks of its own: they are run on its source.
      expect(await errorCode(check(contract, tagged))).toBe('BAD_REQUEST');
    });

    it('warns when a most used operation plans into more fetches', async () => {
      const graph = 'check-plans';
      const ref = { graph, variant: 'prod' };
      const products = `${LINK(['@key', '@shareable'])}
type Query { products: [Product!]! }
type Product @key(fields: "id") { id: ID! name: String! @shareable }
`;
      const reviews = `${LINK(['@key', '@shareable'])}
type Product @key(fields: "id") { id: ID! name: String! @shareable reviews: [Review!]! }
type Review { id: ID! body: String! }
`;
      await service.publishSubgraph(admin, ref, 'products', { sdl: products, url: URL_PRODUCTS });
      await service.publishSubgraph(admin, ref, 'reviews', { sdl: reviews, url: URL_REVIEWS });
      await report(ref, [
        { op: GET_NAMES, count: 30 },
        { op: GET_IDS, count: 10 },
      ]);
      // products stops resolving `name`: reviews still does, after an entity fetch.
      const moved = without(products, 'name: String! @shareable');
      const result = await check(ref, moved);
      expect(result.operations.changes).toEqual([]);
      expect(result.planRegressions).toEqual({
        status: 'warning',
        regressions: [
          {
            operationId: GET_NAMES.id,
            name: 'GetNames',
            requests: 30,
            before: { fetches: 1, depth: 1 },
            after: { fetches: 2, depth: 2 },
          },
        ],
      });
      expect(result.status).toBe('passed');
      const failing = await check(ref, moved, { planRegressions: 'fail' });
      expect(failing.planRegressions.status).toBe('failed');
      expect(failing.status).toBe('failed');
      const off = await check(ref, moved, { planRegressions: 'off' });
      expect(off.planRegressions).toEqual({ status: 'skipped', regressions: [] });
      expect(off.status).toBe('passed');
    });

    it('catches two teams whose changes conflict only in `current` (seed 004)', async () => {
      const graph = 'check-seed-004';
      const prod = await shop(graph, 'prod');
      const current = await shop(graph, 'current');
      // Team A merged a change to reviews: published to `current` right away, not released.
      const teamA = REVIEWS.replace('reviews: [Review!]!', 'reviews: [Review!]! rating: Float');
      const published = await service.publishSubgraph(admin, current, 'reviews', { sdl: teamA });
      expect(published.launch?.status).toBe('success');
      // Team B's change to products defines the same field with another type.
      const teamB = PRODUCTS.replace('sku: String', 'sku: String\n  rating: Int');
      const againstProd = await check(prod, teamB);
      expect(againstProd.status).toBe('passed');
      const againstCurrent = await check(current, teamB);
      expect(againstCurrent.status).toBe('failed');
      expect(againstCurrent.composition.status).toBe('failed');
      expect(JSON.stringify(againstCurrent.composition.errors)).toContain('rating');
    });

    it('never changes the graph, stores results with links and lists them newest first', async () => {
      const ref = await shop('check-store', 'prod', [{ op: GET_NAMES, count: 1 }]);
      const launchesBefore = await service.listLaunches(admin, ref);
      const supergraphBefore = await service.getSupergraph(admin, ref);
      const subgraphsBefore = await service.listSubgraphs(admin, ref);

      const first = await service.runCheck(admin, ref, {
        subgraph: 'products',
        sdl: without(PRODUCTS, 'name: String!'),
        context: { branch: 'main', commit: 'abc123', author: 'ada', message: 'drop name' },
      });
      const second = await check(ref, PRODUCTS.replace('sku: String', 'sku: String\n  a: Int'));
      const third = await check(ref, PRODUCTS, {}, 'inventory');
      expect([first.id, second.id, third.id]).toEqual([1, 2, 3]);
      expect(first.url).toBe(
        'https://registry.example/api/v1/graphs/check-store/variants/prod/checks/1',
      );
      expect(first.context).toEqual({
        branch: 'main',
        commit: 'abc123',
        author: 'ada',
        message: 'drop name',
      });
      expect(first.actor).toBe('admin');

      expect(await service.listLaunches(admin, ref)).toEqual(launchesBefore);
      expect(await service.getSupergraph(admin, ref)).toEqual(supergraphBefore);
      expect(await service.listSubgraphs(admin, ref)).toEqual(subgraphsBefore);

      expect(await service.getCheck(admin, ref, 1)).toEqual(first);
      const list = await service.listChecks(admin, ref, { limit: 2 });
      expect(list.checks.map((c) => c.id)).toEqual([3, 2]);
      expect(list.nextBefore).toBe(2);
      const rest = await service.listChecks(admin, ref, { before: 2 });
      expect(rest).toEqual({
        checks: [
          {
            id: 1,
            subgraph: 'products',
            status: 'failed',
            url: first.url,
            changes: 1,
            breaking: 1,
            affectedOperations: 1,
            actor: 'admin',
            createdAt: first.createdAt,
          },
        ],
      });
      expect(await errorCode(service.getCheck(admin, ref, 9))).toBe('NOT_FOUND');
      expect(
        await errorCode(service.listChecks(admin, { graph: 'check-store', variant: 'nope' })),
      ).toBe('NOT_FOUND');
      const audit = await service.listAudit(admin, { graph: 'check-store' });
      expect(audit.filter((entry) => entry.action === 'check.run')).toHaveLength(3);
    });

    it('numbers concurrent checks of a variant 1, 2, 3...', async () => {
      const ref = await shop('check-concurrent');
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => check(ref, without(PRODUCTS, 'sku: String'))),
      );
      expect(results.map((r) => r.id).sort()).toEqual([1, 2, 3, 4]);
      const stored = await service.listChecks(admin, ref);
      expect(stored.checks.map((c) => c.id)).toEqual([4, 3, 2, 1]);
    });

    it('checks a variant that does not exist yet by composing the proposal alone', async () => {
      const ref = { graph: 'check-new', variant: 'prod' };
      const result = await check(ref, PRODUCTS);
      expect(result.status).toBe('passed');
      expect(result.baseLaunchId).toBeUndefined();
      expect(result.operations.totalRequests).toBe(0);
      expect(result.operations.changes.every((c) => c.severity === 'safe')).toBe(true);
      expect(change(result, 'TYPE_ADDED', 'Product')).toBeDefined();
      expect(result.planRegressions.status).toBe('skipped');
      expect(await errorCode(service.getVariant(admin, ref))).toBe('NOT_FOUND');
      expect((await service.listChecks(admin, ref)).checks.map((c) => c.id)).toEqual([1]);
    });

    it('refuses invalid SDL and callers without publish rights on the subgraph', async () => {
      const ref = await shop('check-refused');
      expect(await errorCode(check(ref, 'type Query { products: [Product!]! '))).toBe(
        'INVALID_SDL',
      );
      expect(
        await errorCode(service.runCheck(admin, ref, { subgraph: 'bad name', sdl: PRODUCTS })),
      ).toBe('BAD_REQUEST');
      expect(await errorCode(check(ref, PRODUCTS, { queryPercentageThreshold: 101 }))).toBe(
        'BAD_REQUEST',
      );
      expect(await errorCode(check(ref, PRODUCTS, { validationPeriodSeconds: 0 }))).toBe(
        'BAD_REQUEST',
      );
      const key = await service.createKey(admin, {
        name: 'reviews-team',
        role: 'publisher',
        scope: { variants: ['check-refused@prod'], subgraphs: ['reviews'] },
      });
      const reviewsTeam: Actor = (await service.authenticate(key.key))!;
      expect(
        await errorCode(
          service.runCheck(reviewsTeam, ref, { subgraph: 'products', sdl: PRODUCTS }),
        ),
      ).toBe('FORBIDDEN');
      const own = await service.runCheck(reviewsTeam, ref, { subgraph: 'reviews', sdl: REVIEWS });
      expect(own.status).toBe('passed');
      expect(own.actor).toBe('reviews-team');
      expect((await service.listChecks(admin, ref)).checks).toHaveLength(1);
    });
  });
}
