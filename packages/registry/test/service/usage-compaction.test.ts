/**
 * `compactUsage`: old per-minute rollups folded into hours, then days, on PGlite and on
 * PostgreSQL, without losing or double-counting a request, and reads that still add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/service/context.js';
import { createRegistryService } from '../../src/service/index.js';
import type { RegistryService } from '../../src/service/types.js';
import { compactUsage, queryUsage } from '../../src/service/usage.js';
import type { Storage } from '../../src/storage/types.js';
import { admin } from './helpers.js';
import { USAGE_BACKENDS, usageContext } from './usage-backends.js';
import { GET_IDS, GET_PRODUCTS, report, row } from './usage-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface StoredRow {
  minute: string;
  operation: string;
  client: string;
  count: number;
  errors: number;
}

describe.each(USAGE_BACKENDS)('usage compaction on %s', (_name, open) => {
  let storage: Storage;
  let drop: (() => Promise<void>) | undefined;
  let service: RegistryService;
  let context: ServiceContext;
  const ref = { graph: 'shop', variant: 'prod' };
  // Five hours back, at the start of an hour: every minute row below is in the past and inside
  // the retention, and lands in one of two hour buckets.
  const hour = Math.floor((Date.now() - 5 * HOUR) / HOUR) * HOUR;
  const at = (minutes: number) => new Date(hour + minutes * 60_000).toISOString();

  beforeAll(async () => {
    ({ storage, drop } = await open());
    service = createRegistryService({ storage, usageCompaction: false });
    context = usageContext(storage, 30);
    await service.createVariant(admin, ref, {});
  });
  afterAll(async () => {
    await context?.deliverer.close();
    await service?.close();
    await drop?.();
  });

  const stored = () =>
    storage.transaction((query) =>
      query<StoredRow>(
        `SELECT to_char(u.minute AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS minute,
           o.name AS operation, u.client_name || '@' || u.client_version AS client, u.count, u.errors
         FROM usage_minutes u JOIN usage_operations o ON o.graph_id = u.graph_id AND o.id = u.operation_id
         ORDER BY minute, operation, client`,
      ),
    );
  const dropped = () =>
    storage.transaction((query) =>
      query<{ minute: string; dropped: number }>(
        `SELECT to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS minute,
           dropped FROM usage_dropped ORDER BY minute`,
      ),
    );
  const since = (ms: number) =>
    queryUsage(context, { graph: 'shop', variants: ['prod'], since: new Date(ms) });

  it('folds minutes into hours, keeping every count, and reads the same totals', async () => {
    await service.ingestUsage(
      admin,
      ref,
      report(
        [GET_PRODUCTS, GET_IDS],
        [
          row(GET_PRODUCTS, at(5), 3, 0, 'web@1'),
          row(GET_PRODUCTS, at(20), 2, 1, 'web@1'),
          row(GET_PRODUCTS, at(59), 4, 0, 'web@1'),
          row(GET_PRODUCTS, at(30), 7, 0, 'ios@2'),
          row(GET_PRODUCTS, at(70), 5, 2, 'web@1'),
          row(GET_IDS, at(0), 6, 0, 'web@1'),
          row(GET_IDS, at(45), 1, 0, 'web@1'),
        ],
        { dropped: 4 },
      ),
    );
    const before = await since(hour);
    expect(before.totalRequests).toBe(28);
    expect(await stored()).toHaveLength(7);

    // Nothing is a day old yet: nothing moves.
    expect(await compactUsage(context)).toEqual({ hourly: 0, daily: 0 });

    // A day and a half on, every row is past 24 hours. GetIds' row at the hour's first minute
    // stays where it is and takes in the other one.
    const later = new Date(Date.now() + 30 * HOUR);
    expect(await compactUsage(context, later)).toEqual({ hourly: 6, daily: 0 });
    expect(await stored()).toEqual([
      { minute: at(0), operation: 'GetIds', client: 'web@1', count: 7, errors: 0 },
      { minute: at(0), operation: 'GetProducts', client: 'ios@2', count: 7, errors: 0 },
      { minute: at(0), operation: 'GetProducts', client: 'web@1', count: 9, errors: 1 },
      { minute: at(60), operation: 'GetProducts', client: 'web@1', count: 5, errors: 2 },
    ]);
    // The drop count (stored at the minute the report came in) moves to that minute's hour.
    const [drops] = await dropped();
    expect(drops?.dropped).toBe(4);
    expect(Date.parse(drops!.minute) % HOUR).toBe(0);

    // Reads add up as before: totals, per operation, per client, errors.
    const after = await since(hour);
    expect(after.totalRequests).toBe(28);
    expect(after.operations).toEqual(
      before.operations.map((op) => ({
        ...op,
        // A bucket is seen at its first minute.
        firstSeen: at(0),
        lastSeen: op.name === 'GetIds' ? at(0) : at(60),
      })),
    );
    // A range starting inside a bucket leaves the bucket out as a whole.
    expect((await since(hour + 60_000)).totalRequests).toBe(5);

    // Idempotent: a second run finds nothing to fold.
    expect(await compactUsage(context, later)).toEqual({ hourly: 0, daily: 0 });
  });

  it('folds a late report for an old minute into its bucket on the next run', async () => {
    await service.ingestUsage(
      admin,
      ref,
      report([GET_PRODUCTS], [row(GET_PRODUCTS, at(40), 1, 0, 'ios@2')]),
    );
    const later = new Date(Date.now() + 30 * HOUR);
    expect(await compactUsage(context, later)).toEqual({ hourly: 1, daily: 0 });
    expect((await stored()).find((r) => r.client === 'ios@2')).toEqual({
      minute: at(0),
      operation: 'GetProducts',
      client: 'ios@2',
      count: 8,
      errors: 0,
    });
    expect((await since(hour)).totalRequests).toBe(29);
  });

  it('folds hours into days past dailyAfterDays', async () => {
    const rows = await stored();
    const dayOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / DAY) * DAY).toISOString();
    // What the day rows must hold: the hour rows summed per day, operation and client.
    const sums = (list: readonly StoredRow[]) => {
      const out = new Map<string, { count: number; errors: number }>();
      for (const r of list) {
        const key = `${dayOf(r.minute)} ${r.operation} ${r.client}`;
        const sum = out.get(key) ?? { count: 0, errors: 0 };
        out.set(key, { count: sum.count + r.count, errors: sum.errors + r.errors });
      }
      return out;
    };

    const later = new Date(Date.now() + 9 * DAY);
    const result = await compactUsage(context, later);
    // Every row not already at midnight moved (all of them, unless an hour was midnight).
    expect(result).toEqual({
      hourly: 0,
      daily: rows.filter((r) => r.minute !== dayOf(r.minute)).length,
    });
    const days = await stored();
    expect(days.every((r) => r.minute === dayOf(r.minute))).toBe(true);
    expect(days).toHaveLength(sums(rows).size);
    expect(sums(days)).toEqual(sums(rows));
    expect(days.reduce((sum, r) => sum + r.count, 0)).toBe(29);
    expect((await dropped()).map((d) => d.dropped)).toEqual([4]);
  });

  it('refuses a policy that makes no sense', () => {
    expect(() =>
      createRegistryService({ storage, usageCompaction: { hourlyAfterHours: 0 } }),
    ).toThrow(/hourlyAfterHours must be a positive integer/);
    expect(() =>
      createRegistryService({
        storage,
        usageCompaction: { hourlyAfterHours: 72, dailyAfterDays: 2 },
      }),
    ).toThrow(/dailyAfterDays must not come before/);
  });
});
