/**
 * Checks against traffic on PGlite, for what the matching tests cannot see: one operation text
 * reported under several ids (its variable values touched other coordinates, or a publish
 * changed what it touches) is still one operation for the thresholds; minutes without a time
 * zone are UTC whatever the registry's zone.
 */
import {
  USAGE_REPORT_VERSION,
  usageOperationId,
  type CheckConfig,
  type GraphRef,
  type UsageOperation,
} from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import { openStorage } from '../../src/storage/open.js';
import { admin } from './helpers.js';

const PRODUCTS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { products(categories: [Category!]): [Product!]! }
type Product @key(fields: "id") { id: ID! name: String! }
enum Category { BOOKS TOYS GAMES }
`;

function op(coordinates: string[]): { id: string; operation: UsageOperation } {
  const operation: UsageOperation = {
    name: 'ByCategory',
    type: 'query',
    signature: 'query ByCategory($c:[Category!]){products(categories:$c){name}}',
    coordinates: [...coordinates].sort(),
  };
  return { id: usageOperationId(operation), operation };
}

const BASE = ['Category', 'Product', 'Product.name', 'Query', 'Query.products'];
const BASE_ARGS = [...BASE, 'Query.products(categories:)'];
/** The same text, as three requests' variable values made it. */
const BOOKS = op([...BASE_ARGS, 'Category.BOOKS']);
const TOYS = op([...BASE_ARGS, 'Category.TOYS']);
const NONE = op(BASE_ARGS);
/** Another text, the rest of the window's traffic. */
const OTHER: { id: string; operation: UsageOperation } = (() => {
  const operation: UsageOperation = {
    name: 'Ids',
    type: 'query',
    signature: 'query Ids{products{id}}',
    coordinates: ['ID', 'Product', 'Product.id', 'Query', 'Query.products'],
  };
  return { id: usageOperationId(operation), operation };
})();

const minuteAgo = (minutes: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000).toISOString();

let service: RegistryService;
beforeAll(async () => {
  service = createRegistryService({
    storage: await openStorage(),
    publicUrl: 'https://registry.example',
  });
}, 120_000);
afterAll(() => service?.close());

async function graph(
  name: string,
  hits: [typeof BOOKS, number][],
  sdl = PRODUCTS,
): Promise<GraphRef> {
  const ref = { graph: name, variant: 'prod' };
  await service.publishSubgraph(admin, ref, 'products', {
    sdl,
    url: 'http://products.internal/graphql',
  });
  const operations: Record<string, UsageOperation> = {};
  for (const [o] of hits) operations[o.id] = o.operation;
  const answer = await service.ingestUsage(admin, ref, {
    version: USAGE_REPORT_VERSION,
    operations,
    rows: hits.map(([o, count]) => ({
      operationId: o.id,
      clientName: 'web',
      clientVersion: '1.0',
      minute: minuteAgo(1),
      count,
      errors: 0,
    })),
  });
  expect(answer).toMatchObject({ accepted: hits.length, rejected: 0 });
  return ref;
}

const check = (ref: GraphRef, sdl: string, config: CheckConfig) =>
  service.runCheck(admin, ref, { subgraph: 'products', sdl, config });

describe('check thresholds', () => {
  it('weigh an operation text reported under several ids as one operation', async () => {
    // 12 requests of ByCategory in all, 4 of them sending TOYS; 88 others.
    const ref = await graph('threshold-variants', [
      [BOOKS, 6],
      [TOYS, 4],
      [NONE, 2],
      [OTHER, 88],
    ]);
    const proposal = PRODUCTS.replace('BOOKS TOYS GAMES', 'BOOKS GAMES');
    for (const config of [
      { queryCountThreshold: 10 },
      { queryPercentageThreshold: 10 },
      { queryCountThreshold: 12, queryPercentageThreshold: 12 },
    ]) {
      const result = await check(ref, proposal, { ...config, planRegressions: 'off' });
      expect(result.status, JSON.stringify(config)).toBe('failed');
      expect(result.operations.affectedOperations).toEqual([
        expect.objectContaining({ operationId: TOYS.id, requests: 4, classification: 'broken' }),
      ]);
    }
    // Over the text's own requests, the thresholds still apply.
    const quiet = await check(ref, proposal, { queryCountThreshold: 13, planRegressions: 'off' });
    expect(quiet.status).toBe('passed');
    expect(quiet.operations.affectedOperations).toEqual([]);
  });

  it('still count an operation over the thresholds when traffic is read in full', async () => {
    const ref = await graph('threshold-variants-all', [
      [BOOKS, 6],
      [TOYS, 4],
      [OTHER, 88],
    ]);
    const proposal = PRODUCTS.replace('BOOKS TOYS GAMES', 'BOOKS GAMES');
    const result = await check(ref, proposal, { queryCountThreshold: 10 });
    expect(result.status).toBe('failed');
  });
});

describe('plan regressions', () => {
  it('plan an operation text once, however many ids it was reported under', async () => {
    const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])`;
    const products = `${link}
type Query { products(categories: [Category!]): [Product!]! }
type Product @key(fields: "id") { id: ID! name: String! @shareable }
enum Category { BOOKS TOYS GAMES }
`;
    const names = `${link}
type Product @key(fields: "id") { id: ID! name: String! @shareable }
`;
    const ref = { graph: 'plans-once', variant: 'prod' };
    await service.publishSubgraph(admin, ref, 'names', {
      sdl: names,
      url: 'http://names.internal/graphql',
    });
    await graph(
      'plans-once',
      [
        [BOOKS, 6],
        [TOYS, 4],
      ],
      products,
    );
    // products stops resolving `name`: names still does, after an entity fetch.
    const moved = products.replace('name: String! @shareable', '');
    const result = await service.runCheck(admin, ref, { subgraph: 'products', sdl: moved });
    expect(result.operations.changes).toEqual([]);
    expect(result.planRegressions).toEqual({
      status: 'warning',
      regressions: [
        {
          operationId: BOOKS.id,
          name: 'ByCategory',
          // Both ids' requests: the text's.
          requests: 10,
          before: { fetches: 1, depth: 1 },
          after: { fetches: 2, depth: 2 },
        },
      ],
    });
  });
});

describe('usage minutes', () => {
  it('are UTC when they carry no time zone, whatever the registry runs in', async () => {
    const zone = process.env.TZ;
    // A zone behind UTC: read as local time, the minute would be hours in the future.
    process.env.TZ = 'America/New_York';
    try {
      const ref = { graph: 'minutes-utc', variant: 'prod' };
      await service.publishSubgraph(admin, ref, 'products', {
        sdl: PRODUCTS,
        url: 'http://products.internal/graphql',
      });
      const minute = minuteAgo(2);
      const answer = await service.ingestUsage(admin, ref, {
        version: USAGE_REPORT_VERSION,
        operations: { [OTHER.id]: OTHER.operation },
        rows: [
          {
            operationId: OTHER.id,
            clientName: 'web',
            clientVersion: '',
            minute: minute.replace(/Z$/, ''),
            count: 3,
            errors: 0,
          },
        ],
      });
      expect(answer).toEqual({ accepted: 1, rejected: 0 });
      const view = await service.listOperationUsage(admin, ref, { periodSeconds: 3_600 });
      expect(view.operations).toEqual([
        expect.objectContaining({ operationId: OTHER.id, firstSeen: minute, requests: 3 }),
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
