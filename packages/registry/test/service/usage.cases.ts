import type { GraphRef, UsageRow } from '@orrery/registry-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RegistryService } from '../../src/service/types.js';
import { admin, errorCode } from './helpers.js';
import { GET_IDS, GET_PRODUCTS, minuteAgo, operation, report, row } from './usage-fixtures.js';

/** Usage ingest, the views over it, and retention. Each test uses its own graph. */
export function usageCases(getService: () => RegistryService): void {
  let service: RegistryService;
  beforeAll(() => {
    service = getService();
  });

  /** Creates empty variants of `graph` (usage needs the variant, not a supergraph). */
  async function variants(graph: string, ...names: string[]): Promise<GraphRef[]> {
    const refs = names.map((variant) => ({ graph, variant }));
    for (const ref of refs) await service.createVariant(admin, ref, {});
    return refs;
  }

  async function actor(role: 'gateway' | 'publisher', variants: string[]): Promise<Actor> {
    const created = await service.createKey(admin, {
      name: `${role}-usage`,
      role,
      scope: { variants },
    });
    return (await service.authenticate(created.key))!;
  }

  describe('usage', () => {
    it('stores a report and answers who used a coordinate and the most used operations', async () => {
      const [ref] = await variants('usage-views', 'prod');
      const minute = minuteAgo(3);
      const answer = await service.ingestUsage(
        admin,
        ref!,
        report(
          [GET_PRODUCTS, GET_IDS],
          [
            row(GET_PRODUCTS, minute, 10, 1),
            row(GET_IDS, minute, 25),
            row(GET_IDS, minuteAgo(2), 5),
          ],
          { agent: 'orrery-gateway/test', dropped: 7 },
        ),
      );
      expect(answer).toEqual({ accepted: 3, rejected: 0 });

      const byName = await service.getCoordinateUsage(admin, ref!, 'Product.name');
      expect(byName.coordinate).toBe('Product.name');
      expect(byName.variants).toEqual(['prod']);
      expect(byName.totalRequests).toBe(40);
      expect(byName.operations).toEqual([
        {
          operationId: GET_PRODUCTS.id,
          name: 'GetProducts',
          type: 'query',
          signature: GET_PRODUCTS.operation.signature,
          requests: 10,
          errors: 1,
          clients: [{ name: 'web', version: '1.0.0', requests: 10 }],
          firstSeen: minute,
          lastSeen: minute,
        },
      ]);
      expect(Date.parse(byName.to) - Date.parse(byName.from)).toBe(7 * 86_400_000);

      const byId = await service.getCoordinateUsage(admin, ref!, 'Product.id');
      expect(byId.operations.map((op) => [op.name, op.requests])).toEqual([
        ['GetIds', 30],
        ['GetProducts', 10],
      ]);
      expect(byId.operations[0]).toMatchObject({ firstSeen: minute, lastSeen: minuteAgo(2) });

      const unused = await service.getCoordinateUsage(admin, ref!, 'Product.price');
      expect(unused).toMatchObject({ totalRequests: 40, operations: [] });

      const top = await service.listOperationUsage(admin, ref!, { limit: 1 });
      expect(top.coordinate).toBeUndefined();
      expect(top.operations.map((op) => op.operationId)).toEqual([GET_IDS.id]);
      expect((await service.listOperationUsage(admin, ref!)).operations).toHaveLength(2);
    });

    it('adds up counts reported for the same minute, and keeps clients apart', async () => {
      const [ref] = await variants('usage-sums', 'prod');
      const minute = minuteAgo(5);
      await service.ingestUsage(
        admin,
        ref!,
        report(
          [GET_PRODUCTS],
          [
            row(GET_PRODUCTS, minute, 4, 1, 'web@1.0.0'),
            // Same key twice in one report: merged before the upsert.
            row(GET_PRODUCTS, minute, 6, 0, 'web@1.0.0'),
            row(GET_PRODUCTS, minute, 3, 0, 'ios@5.2'),
          ],
        ),
      );
      await service.ingestUsage(
        admin,
        ref!,
        report(
          [GET_PRODUCTS],
          [row(GET_PRODUCTS, minute, 5, 2, 'web@1.0.0'), row(GET_PRODUCTS, minute, 1, 0, '@')],
        ),
      );
      const view = await service.listOperationUsage(admin, ref!);
      expect(view.totalRequests).toBe(19);
      expect(view.operations).toHaveLength(1);
      expect(view.operations[0]).toMatchObject({ requests: 19, errors: 3 });
      expect(view.operations[0]!.clients).toEqual([
        { name: 'web', version: '1.0.0', requests: 15 },
        { name: 'ios', version: '5.2', requests: 3 },
        { name: '', version: '', requests: 1 },
      ]);
    });

    it('adds up concurrent reports touching the same rows (one lock order, no deadlock)', async () => {
      const [ref] = await variants('usage-concurrent', 'prod');
      const minutes = [minuteAgo(1), minuteAgo(2), minuteAgo(3)];
      const reports = Array.from({ length: 8 }, (_, i) =>
        report(
          [GET_PRODUCTS, GET_IDS],
          // Rows in a different order in each report: the service sorts them before writing.
          (i % 2 === 0 ? minutes : [...minutes].reverse()).flatMap((minute) => [
            row(GET_IDS, minute, 1, 0, `c${i % 3}@1`),
            row(GET_PRODUCTS, minute, 2),
          ]),
        ),
      );
      const answers = await Promise.all(
        reports.map((body) => service.ingestUsage(admin, ref!, body)),
      );
      expect(answers.every((answer) => answer.accepted === 6)).toBe(true);
      const view = await service.listOperationUsage(admin, ref!);
      expect(view.totalRequests).toBe(8 * 3 * 3);
      expect(view.operations.map((op) => [op.name, op.requests])).toEqual([
        ['GetProducts', 48],
        ['GetIds', 24],
      ]);
    });

    it('rejects invalid rows one by one, with reasons, and stores the rest', async () => {
      const [ref] = await variants('usage-rows', 'prod');
      const now = Date.now();
      const rows: UsageRow[] = [
        row(GET_PRODUCTS, minuteAgo(1), 2),
        { ...row(GET_PRODUCTS, minuteAgo(1), 1), minute: new Date(now - 90_500).toISOString() },
        row(GET_PRODUCTS, minuteAgo(-10), 1),
        row(GET_PRODUCTS, minuteAgo(31 * 24 * 60), 1),
        row(GET_PRODUCTS, minuteAgo(1), 0),
        row(GET_PRODUCTS, minuteAgo(1), 2, 3),
        row(GET_PRODUCTS, minuteAgo(1), 1.5),
        { ...row(GET_PRODUCTS, minuteAgo(1), 1), clientName: 'x'.repeat(257) },
        row({ id: 'f'.repeat(64) }, minuteAgo(1), 1),
        { ...row(GET_PRODUCTS, minuteAgo(1), 1), minute: 'yesterday' },
        row(GET_PRODUCTS, minuteAgo(2), 3, 3, 'ios@1'),
      ];
      const answer = await service.ingestUsage(admin, ref!, report([GET_PRODUCTS], rows));
      expect(answer.accepted).toBe(2);
      expect(answer.rejected).toBe(9);
      expect(answer.errors!.map((error) => error.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const messages = answer.errors!.map((error) => error.message);
      expect(messages[0]).toMatch(/not the start of a minute/);
      expect(messages[1]).toMatch(/in the future/);
      expect(messages[2]).toMatch(/older than the registry's usage retention/);
      expect(messages[3]).toMatch(/"count" must be an integer of at least 1/);
      expect(messages[4]).toMatch(/"errors" must be an integer from 0 to "count"/);
      expect(messages[5]).toMatch(/"count"/);
      expect(messages[6]).toMatch(/"clientName" is longer than 256/);
      expect(messages[7]).toMatch(/is not in "operations"/);
      expect(messages[8]).toMatch(/not an ISO-8601 time/);

      const view = await service.listOperationUsage(admin, ref!);
      expect(view.totalRequests).toBe(5);
      expect(view.operations[0]).toMatchObject({ requests: 5, errors: 3 });
    });

    it('rejects an operation whose id does not match its content, with its rows', async () => {
      const [ref] = await variants('usage-ids', 'prod');
      const forged = { ...GET_IDS, operation: { ...GET_IDS.operation, coordinates: ['Query'] } };
      const badType = operation('Weird', 'query Weird{a}', ['Query.a']);
      const badCoordinate = operation('Bad', 'query Bad{a}', ['Query.a', 'not a coordinate']);
      const answer = await service.ingestUsage(
        admin,
        ref!,
        report(
          [
            GET_PRODUCTS,
            forged,
            { id: badType.id, operation: { ...badType.operation, type: 'fetch' as 'query' } },
            badCoordinate,
          ],
          [
            row(forged, minuteAgo(1), 4),
            row(GET_PRODUCTS, minuteAgo(1), 1),
            row(forged, minuteAgo(2), 4),
            row(badType, minuteAgo(1), 1),
            row(badCoordinate, minuteAgo(1), 1),
          ],
        ),
      );
      expect(answer.accepted).toBe(1);
      expect(answer.rejected).toBe(4);
      expect(answer.errors).toEqual([
        { operationId: forged.id, message: expect.stringMatching(/operation id is not sha256/) },
        { operationId: badType.id, message: expect.stringMatching(/"type" must be query/) },
        {
          operationId: badCoordinate.id,
          message: expect.stringMatching(/"not a coordinate" is not a schema coordinate/),
        },
      ]);
      const view = await service.listOperationUsage(admin, ref!);
      expect(view.operations.map((op) => op.operationId)).toEqual([GET_PRODUCTS.id]);
    });

    it('refuses a malformed report as a whole', async () => {
      const [ref] = await variants('usage-malformed', 'prod');
      const bad = (value: unknown) =>
        errorCode(service.ingestUsage(admin, ref!, value as ReturnType<typeof report>));
      expect(await bad({ ...report([], []), version: 2 })).toBe('BAD_REQUEST');
      expect(await bad({ version: 1, operations: [], rows: [] })).toBe('BAD_REQUEST');
      expect(await bad({ version: 1, operations: {}, rows: {} })).toBe('BAD_REQUEST');
      expect(await bad({ ...report([], []), dropped: -1 })).toBe('BAD_REQUEST');
      expect(await service.ingestUsage(admin, ref!, report([], []))).toEqual({
        accepted: 0,
        rejected: 0,
      });
    });

    it('takes reports from gateway keys of the variant and admins only', async () => {
      const [prod, staging] = await variants('usage-auth', 'prod', 'staging');
      const gateway = await actor('gateway', ['usage-auth@prod']);
      const publisher = await actor('publisher', ['usage-auth@prod']);
      const body = report([GET_IDS], [row(GET_IDS, minuteAgo(1), 2)]);

      expect(await service.ingestUsage(gateway, prod!, body)).toEqual({ accepted: 1, rejected: 0 });
      expect(await errorCode(service.ingestUsage(gateway, staging!, body))).toBe('FORBIDDEN');
      expect(await errorCode(service.ingestUsage(publisher, prod!, body))).toBe('FORBIDDEN');
      expect(
        await errorCode(service.ingestUsage(admin, { graph: 'usage-auth', variant: 'nope' }, body)),
      ).toBe('NOT_FOUND');
      expect(
        await errorCode(service.ingestUsage(admin, { graph: 'usage-auth', variant: '-bad' }, body)),
      ).toBe('BAD_REQUEST');

      // Views: every role in scope, gateway keys included; not outside the scope.
      expect((await service.listOperationUsage(gateway, prod!)).totalRequests).toBe(2);
      expect((await service.getCoordinateUsage(publisher, prod!, 'Product.id')).totalRequests).toBe(
        2,
      );
      expect(await errorCode(service.listOperationUsage(gateway, staging!))).toBe('FORBIDDEN');
      expect(
        await errorCode(service.listOperationUsage(gateway, prod!, { variants: ['staging'] })),
      ).toBe('FORBIDDEN');
      expect(
        await errorCode(
          service.listOperationUsage(admin, { graph: 'usage-auth', variant: 'nope' }),
        ),
      ).toBe('NOT_FOUND');
    });

    it('reads only the period asked for', async () => {
      const [ref] = await variants('usage-period', 'prod');
      await service.ingestUsage(
        admin,
        ref!,
        report(
          [GET_PRODUCTS, GET_IDS],
          [row(GET_PRODUCTS, minuteAgo(120), 7), row(GET_IDS, minuteAgo(10), 2)],
        ),
      );
      const hour = await service.listOperationUsage(admin, ref!, { periodSeconds: 3600 });
      expect(hour.totalRequests).toBe(2);
      expect(hour.operations.map((op) => op.name)).toEqual(['GetIds']);
      expect(Date.parse(hour.to) - Date.parse(hour.from)).toBe(3_600_000);
      const day = await service.listOperationUsage(admin, ref!, { periodSeconds: 86_400 });
      expect(day.totalRequests).toBe(9);
      expect(await errorCode(service.listOperationUsage(admin, ref!, { periodSeconds: 0 }))).toBe(
        'BAD_REQUEST',
      );
      expect(await errorCode(service.listOperationUsage(admin, ref!, { limit: 0 }))).toBe(
        'BAD_REQUEST',
      );
    });

    it('reads several variants of the graph together', async () => {
      const [prod, staging] = await variants('usage-variants', 'prod', 'staging');
      await service.ingestUsage(admin, prod!, report([GET_IDS], [row(GET_IDS, minuteAgo(1), 10)]));
      await service.ingestUsage(
        admin,
        staging!,
        report(
          [GET_IDS, GET_PRODUCTS],
          [row(GET_IDS, minuteAgo(1), 1), row(GET_PRODUCTS, minuteAgo(1), 4)],
        ),
      );
      expect((await service.listOperationUsage(admin, prod!)).totalRequests).toBe(10);
      const both = await service.getCoordinateUsage(admin, prod!, 'Product.id', {
        variants: ['prod', 'staging', 'gone'],
      });
      expect(both.variants).toEqual(['prod', 'staging', 'gone']);
      expect(both.totalRequests).toBe(15);
      expect(both.operations.map((op) => [op.name, op.requests])).toEqual([
        ['GetIds', 11],
        ['GetProducts', 4],
      ]);
      expect(
        await errorCode(service.listOperationUsage(admin, prod!, { variants: ['bad name'] })),
      ).toBe('BAD_REQUEST');
    });

    it('purges rollups older than the retention and keeps recent ones', async () => {
      const [ref] = await variants('usage-retention', 'prod');
      const old = operation('Old', 'query Old{products{id}}', ['Query.products']);
      const recent = operation('Recent', 'query Recent{products{name}}', ['Query.products']);
      // 30 days is the suite's retention: a row 29 days 23 hours old is accepted.
      const oldMinute = minuteAgo(30 * 24 * 60 - 60);
      await service.ingestUsage(
        admin,
        ref!,
        report([old, recent], [row(old, oldMinute, 3), row(recent, minuteAgo(30), 2)]),
      );
      const month = { periodSeconds: 31 * 86_400 };
      expect((await service.listOperationUsage(admin, ref!, month)).totalRequests).toBe(5);
      // Two hours on, the old row is past the retention; other tests' rows are all younger.
      const purged = await service.purgeUsage(new Date(Date.now() + 2 * 3_600_000));
      expect(purged).toBeGreaterThanOrEqual(1);
      const after = await service.getCoordinateUsage(admin, ref!, 'Query.products', month);
      expect(after.totalRequests).toBe(2);
      expect(after.operations.map((op) => op.name)).toEqual(['Recent']);
    });

    it('stores a report of 2 000 rows in one call', async () => {
      const [ref] = await variants('usage-large', 'prod');
      const ops = Array.from({ length: 50 }, (_, i) =>
        operation(`Op${i}`, `query Op${i}{products{id}}`, [
          'Product.id',
          'Query.products',
          `Query.f${i}`,
        ]),
      );
      const rows: UsageRow[] = [];
      for (let i = 0; i < 2_000; i++) {
        rows.push(row(ops[i % 50]!, minuteAgo(1 + (i % 40)), 1 + (i % 3), 0, `client${i % 5}@1`));
      }
      const expected = rows.reduce((sum, r) => sum + r.count, 0);
      const answer = await service.ingestUsage(admin, ref!, report(ops, rows));
      expect(answer).toEqual({ accepted: 2_000, rejected: 0 });
      const view = await service.listOperationUsage(admin, ref!, { limit: 1_000 });
      expect(view.totalRequests).toBe(expected);
      expect(view.operations).toHaveLength(50);
      expect(view.operations.reduce((sum, op) => sum + op.requests, 0)).toBe(expected);
      const one = await service.getCoordinateUsage(admin, ref!, 'Query.f7');
      expect(one.operations.map((op) => op.name)).toEqual(['Op7']);
      expect(one.operations[0]!.requests).toBe(
        rows.filter((r) => r.operationId === ops[7]!.id).reduce((sum, r) => sum + r.count, 0),
      );
    });
  });
}
