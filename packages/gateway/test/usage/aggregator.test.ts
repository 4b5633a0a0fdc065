import { usageOperationId, type UsageOperation } from '@orrery/registry-client';
import { describe, expect, it } from 'vitest';
import { UsageAggregator, type PreparedOperation } from '../../src/usage/aggregator.js';

function op(name: string): PreparedOperation {
  const operation: UsageOperation = {
    name,
    type: 'query',
    signature: `query ${name}{me{id}}`,
    coordinates: ['ID', 'Query', 'Query.me', 'User', 'User.id'],
  };
  return { id: usageOperationId(operation), operation };
}

const A = op('A');
const B = op('B');
const T0 = Date.parse('2026-12-04T05:10:00.000Z');

describe('UsageAggregator', () => {
  it('rolls requests up per operation, client, version and minute', () => {
    const aggregator = new UsageAggregator();
    aggregator.record(A, 'web', '1.0', false, T0 + 1_000);
    aggregator.record(A, 'web', '1.0', true, T0 + 59_999);
    aggregator.record(A, 'web', '1.1', false, T0 + 2_000);
    aggregator.record(A, 'ios', '1.0', false, T0 + 3_000);
    aggregator.record(A, 'web', '1.0', true, T0 + 60_000);
    aggregator.record(B, '', '', false, T0 + 4_000);
    const usage = aggregator.drain();
    expect(usage.requests).toBe(6);
    expect(usage.dropped).toBe(0);
    expect(Object.keys(usage.operations).sort()).toEqual([A.id, B.id].sort());
    expect(usage.operations[A.id]).toEqual(A.operation);
    const rows = [...usage.rows].sort((x, y) =>
      `${x.operationId}${x.clientName}${x.clientVersion}${x.minute}`.localeCompare(
        `${y.operationId}${y.clientName}${y.clientVersion}${y.minute}`,
      ),
    );
    const expected = [
      {
        operationId: A.id,
        clientName: 'web',
        clientVersion: '1.0',
        minute: '2026-12-04T05:10:00.000Z',
        count: 2,
        errors: 1,
      },
      {
        operationId: A.id,
        clientName: 'web',
        clientVersion: '1.0',
        minute: '2026-12-04T05:11:00.000Z',
        count: 1,
        errors: 1,
      },
      {
        operationId: A.id,
        clientName: 'web',
        clientVersion: '1.1',
        minute: '2026-12-04T05:10:00.000Z',
        count: 1,
        errors: 0,
      },
      {
        operationId: A.id,
        clientName: 'ios',
        clientVersion: '1.0',
        minute: '2026-12-04T05:10:00.000Z',
        count: 1,
        errors: 0,
      },
      {
        operationId: B.id,
        clientName: '',
        clientVersion: '',
        minute: '2026-12-04T05:10:00.000Z',
        count: 1,
        errors: 0,
      },
    ];
    expect(rows).toEqual(
      [...expected].sort((x, y) =>
        `${x.operationId}${x.clientName}${x.clientVersion}${x.minute}`.localeCompare(
          `${y.operationId}${y.clientName}${y.clientVersion}${y.minute}`,
        ),
      ),
    );
  });

  it('starts empty after a drain', () => {
    const aggregator = new UsageAggregator();
    aggregator.record(A, 'web', '1', false, T0);
    aggregator.drain();
    expect(aggregator.empty).toBe(true);
    expect(aggregator.drain()).toEqual({ operations: {}, rows: [], dropped: 0, requests: 0 });
  });

  it('drops and counts requests that need a row past maxRows, still counting existing rows', () => {
    const aggregator = new UsageAggregator({ maxRows: 2 });
    expect(aggregator.record(A, 'c1', '', false, T0)).toBe(true);
    expect(aggregator.record(A, 'c2', '', false, T0)).toBe(true);
    expect(aggregator.record(A, 'c3', '', false, T0)).toBe(false);
    expect(aggregator.record(B, 'c1', '', false, T0)).toBe(false);
    // An existing row still counts: no new memory is needed.
    expect(aggregator.record(A, 'c1', '', true, T0)).toBe(true);
    expect(aggregator.size).toBe(2);
    const usage = aggregator.drain();
    expect(usage.dropped).toBe(2);
    expect(usage.requests).toBe(3);
    expect(usage.rows.map((r) => [r.clientName, r.count, r.errors])).toEqual([
      ['c1', 2, 1],
      ['c2', 1, 0],
    ]);
    expect(Object.keys(usage.operations)).toEqual([A.id]);
  });

  it('counts a new minute of an existing row as a new row', () => {
    const aggregator = new UsageAggregator({ maxRows: 1 });
    expect(aggregator.record(A, 'web', '1', false, T0)).toBe(true);
    expect(aggregator.record(A, 'web', '1', false, T0 + 60_000)).toBe(false);
    expect(aggregator.record(A, 'web', '1', false, T0 + 30_000)).toBe(true);
    const usage = aggregator.drain();
    expect(usage.rows.map((r) => [r.minute, r.count])).toEqual([['2026-12-04T05:10:00.000Z', 2]]);
    expect(usage.dropped).toBe(1);
  });

  it('drops requests of new operations past maxOperations', () => {
    const aggregator = new UsageAggregator({ maxOperations: 1 });
    expect(aggregator.record(A, 'web', '', false, T0)).toBe(true);
    expect(aggregator.record(A, 'ios', '', false, T0)).toBe(true);
    expect(aggregator.record(B, 'web', '', false, T0)).toBe(false);
    const usage = aggregator.drain();
    expect(usage.dropped).toBe(1);
    expect(Object.keys(usage.operations)).toEqual([A.id]);
  });

  it('keeps memory bounded under many distinct clients', () => {
    const aggregator = new UsageAggregator({ maxRows: 100 });
    for (let i = 0; i < 10_000; i++) aggregator.record(A, `client-${i}`, '', false, T0);
    expect(aggregator.size).toBe(100);
    expect(aggregator.drain().dropped).toBe(9_900);
  });

  it('carries drops from elsewhere into the next drain', () => {
    const aggregator = new UsageAggregator();
    aggregator.addDropped(7);
    expect(aggregator.empty).toBe(false);
    expect(aggregator.drain().dropped).toBe(7);
  });

  it('counts each sampled request as 1 / sample rate, rounding per row', () => {
    // Sample rate 0.3: a recorded request stands for 3.33 requests.
    const aggregator = new UsageAggregator({ weight: 1 / 0.3, maxRows: 2 });
    for (let i = 0; i < 3; i++) aggregator.record(A, 'web', '1', i === 0, T0);
    aggregator.record(B, 'ios', '2', false, T0);
    // A third row is past maxRows: dropped, and counted as what it stood for.
    aggregator.record(B, 'android', '3', false, T0);
    const usage = aggregator.drain();
    const byClient = Object.fromEntries(usage.rows.map((r) => [r.clientName, [r.count, r.errors]]));
    expect(byClient).toEqual({ web: [10, 3], ios: [3, 0] });
    expect(usage.requests).toBe(13);
    expect(usage.dropped).toBe(3);
  });
});
