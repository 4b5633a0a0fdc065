/**
 * What the service suite cannot see through `RegistryService`: `queryUsage` (the checks' entry
 * point) and the tables the retention purge leaves behind, on PGlite and on PostgreSQL, with a
 * short retention of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/service/context.js';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import { purgeUsage, queryUsage } from '../../src/service/usage.js';
import type { Storage } from '../../src/storage/types.js';
import { admin } from './helpers.js';
import { USAGE_BACKENDS, usageContext } from './usage-backends.js';
import { GET_IDS, GET_PRODUCTS, minuteAgo, operation, report, row } from './usage-fixtures.js';

const RETENTION_DAYS = 2;

describe.each(USAGE_BACKENDS)('usage storage on %s', (_name, open) => {
  let storage: Storage;
  let drop: (() => Promise<void>) | undefined;
  let service: RegistryService;
  let context: ServiceContext;

  beforeAll(async () => {
    ({ storage, drop } = await open());
    service = createRegistryService({ storage, usageRetentionDays: RETENTION_DAYS });
    context = usageContext(storage, RETENTION_DAYS);
    await service.createVariant(admin, { graph: 'shop', variant: 'prod' }, {});
    await service.createVariant(admin, { graph: 'shop', variant: 'staging' }, {});
  });
  afterAll(async () => {
    await context?.deliverer.close();
    await service?.close();
    await drop?.();
  });

  it('answers queryUsage with totals, clients and full coordinate lists', async () => {
    const prod = { graph: 'shop', variant: 'prod' };
    const staging = { graph: 'shop', variant: 'staging' };
    await service.ingestUsage(
      admin,
      prod,
      report(
        [GET_PRODUCTS, GET_IDS],
        [
          row(GET_PRODUCTS, minuteAgo(10), 3, 1, 'web@1'),
          row(GET_PRODUCTS, minuteAgo(9), 2, 0, 'ios@2'),
          row(GET_IDS, minuteAgo(10), 20),
          row(GET_IDS, minuteAgo(300), 100),
        ],
      ),
    );
    await service.ingestUsage(
      admin,
      staging,
      report([GET_PRODUCTS], [row(GET_PRODUCTS, minuteAgo(5), 7)]),
    );

    const since = new Date(Date.now() - 3_600_000);
    const all = await queryUsage(context, { graph: 'shop', variants: ['prod', 'staging'], since });
    expect(all.totalRequests).toBe(32);
    expect(all.operations.map((op) => [op.name, op.requests])).toEqual([
      ['GetIds', 20],
      ['GetProducts', 12],
    ]);
    const products = all.operations[1]!;
    expect(products.coordinates).toEqual(GET_PRODUCTS.operation.coordinates);
    expect(products.clients).toEqual([
      { name: 'web', version: '1.0.0', requests: 7 },
      { name: 'web', version: '1', requests: 3 },
      { name: 'ios', version: '2', requests: 2 },
    ]);
    expect(products).toMatchObject({ errors: 1, firstSeen: minuteAgo(10), lastSeen: minuteAgo(5) });

    // The filter narrows the operations, not the total (checks compute percentages from it).
    const byName = await queryUsage(context, {
      graph: 'shop',
      variants: ['prod'],
      since,
      coordinates: ['Product.name', 'Unknown.field'],
    });
    expect(byName.totalRequests).toBe(25);
    expect(byName.operations.map((op) => [op.name, op.requests])).toEqual([['GetProducts', 5]]);

    const window = await queryUsage(context, {
      graph: 'shop',
      variants: ['prod'],
      since: new Date(Date.now() - 6 * 3_600_000),
      until: new Date(Date.now() - 3_600_000),
    });
    expect(window.totalRequests).toBe(100);

    expect(await queryUsage(context, { graph: 'nothing', variants: ['prod'], since })).toEqual({
      totalRequests: 0,
      operations: [],
    });
  });

  it('refuses rows older than its retention and purges what ages past it, orphans included', async () => {
    const ref = { graph: 'shop', variant: 'prod' };
    const tooOld = await service.ingestUsage(
      admin,
      ref,
      report([GET_IDS], [row(GET_IDS, minuteAgo(RETENTION_DAYS * 24 * 60 + 5), 1)]),
    );
    expect(tooOld).toMatchObject({ accepted: 0, rejected: 1 });

    const aging = operation('Aging', 'query Aging{products{id}}', ['Query.products', 'Aging.only']);
    const fresh = operation('Fresh', 'query Fresh{products{id}}', ['Query.products']);
    const answer = await service.ingestUsage(
      admin,
      ref,
      report(
        [aging, fresh],
        [row(aging, minuteAgo(RETENTION_DAYS * 24 * 60 - 30), 4), row(fresh, minuteAgo(1), 1)],
        { dropped: 11 },
      ),
    );
    expect(answer).toEqual({ accepted: 2, rejected: 0 });
    const tables = () =>
      storage.transaction(async (query) => ({
        operations: (
          await query<{ name: string }>('SELECT name FROM usage_operations ORDER BY name')
        ).map((r) => r.name),
        coordinates: (
          await query<{ coordinate: string }>(
            `SELECT coordinate FROM usage_operation_coordinates WHERE coordinate = 'Aging.only'`,
          )
        ).length,
        dropped: (await query<{ dropped: number }>('SELECT dropped FROM usage_dropped')).reduce(
          (sum, r) => sum + r.dropped,
          0,
        ),
      }));
    expect(await tables()).toEqual({
      operations: ['Aging', 'Fresh', 'GetIds', 'GetProducts'],
      coordinates: 1,
      dropped: 11,
    });

    // An hour on, only the Aging row is past the retention: it goes, with its operation and
    // coordinates; operations that still have rows stay.
    const purged = await purgeUsage(context, new Date(Date.now() + 3_600_000));
    expect(purged).toBe(1);
    expect(await tables()).toEqual({
      operations: ['Fresh', 'GetIds', 'GetProducts'],
      coordinates: 0,
      dropped: 11,
    });

    // Past every row: everything goes, operations and drop counts too.
    expect(
      await purgeUsage(context, new Date(Date.now() + (RETENTION_DAYS + 1) * 86_400_000)),
    ).toBe(6);
    expect(await tables()).toEqual({ operations: [], coordinates: 0, dropped: 0 });
  });
});
