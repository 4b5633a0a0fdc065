import { usageOperationId, type UsageOperation, type UsageReport } from '@orrery/registry-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreparedOperation } from '../../src/usage/aggregator.js';
import { MAX_SEALED, UsageReporter, type UsageReporterOptions } from '../../src/usage/reporter.js';

function op(name: string): PreparedOperation {
  const operation: UsageOperation = {
    name,
    type: 'query',
    signature: `query ${name}{me{id}}`,
    coordinates: ['Query', 'Query.me'],
  };
  return { id: usageOperationId(operation), operation };
}
const A = op('A');
const B = op('B');

let reporter: UsageReporter | undefined;
afterEach(async () => {
  await reporter?.stop(100);
  reporter = undefined;
});

/** A reporter whose timer never fires during a test; sends go to `reports`. */
function start(options: Partial<UsageReporterOptions> = {}, fail = false) {
  const reports: UsageReport[] = [];
  reporter = new UsageReporter({
    flushIntervalMs: 3_600_000,
    send: (report) => {
      reports.push(report);
      return fail ? Promise.reject(new Error('registry down')) : Promise.resolve();
    },
    ...options,
  });
  return { reporter, reports };
}

const total = (report: UsageReport) => report.rows.reduce((n, r) => n + r.count, 0);

describe('UsageReporter', () => {
  it('sends what was counted as one report, then nothing when there is nothing new', async () => {
    const { reporter, reports } = start({ agent: 'orrery-gateway test' });
    reporter.setSchema({ supergraphHash: 'abc' });
    reporter.record(A, 'web', '1', false);
    reporter.record(A, 'web', '1', true);
    reporter.record(B, 'ios', '2', false);
    await reporter.flush();
    expect(reports).toHaveLength(1);
    const [report] = reports as [UsageReport];
    expect(report.version).toBe(1);
    expect(report.supergraphHash).toBe('abc');
    expect(report.agent).toBe('orrery-gateway test');
    expect(report.dropped).toBeUndefined();
    expect(report.operations).toEqual({ [A.id]: A.operation, [B.id]: B.operation });
    expect(report.rows.map((r) => [r.operationId, r.clientName, r.count, r.errors])).toEqual([
      [A.id, 'web', 2, 1],
      [B.id, 'ios', 1, 0],
    ]);
    await reporter.flush();
    expect(reports).toHaveLength(1);
    expect(reporter.stats()).toEqual({ recorded: 3, dropped: 0, reportsSent: 1, reportsFailed: 0 });
  });

  it('counts a failed report as dropped and tells the gap with the next report', async () => {
    const errors: Error[] = [];
    const { reporter, reports } = start({ onError: (e) => errors.push(e) }, true);
    reporter.record(A, 'web', '1', false);
    reporter.record(A, 'web', '1', false);
    await reporter.flush();
    expect(errors.map((e) => e.message)).toEqual(['registry down']);
    expect(reporter.stats()).toMatchObject({ dropped: 2, reportsFailed: 1, reportsSent: 0 });
    // Nothing new was counted, but the gap is reported (and fails again: the gap grows).
    reporter.record(B, 'web', '1', false);
    await reporter.flush();
    expect(reports[1]!.dropped).toBe(2);
    expect(total(reports[1]!)).toBe(1);
    await reporter.flush();
    expect(reports[2]!.dropped).toBe(3);
    expect(reports[2]!.rows).toEqual([]);
    expect(reporter.stats().dropped).toBe(3);
  });

  it('keeps one report in flight; requests counted meanwhile go into the next', async () => {
    const reports: UsageReport[] = [];
    let release!: () => void;
    let inFlight = 0;
    let most = 0;
    reporter = new UsageReporter({
      flushIntervalMs: 3_600_000,
      send: async (report) => {
        inFlight++;
        most = Math.max(most, inFlight);
        reports.push(report);
        await new Promise<void>((r) => (release = r));
        inFlight--;
      },
    });
    reporter.record(A, 'web', '1', false);
    const first = reporter.flush();
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    reporter.record(A, 'web', '1', false);
    reporter.record(A, 'web', '1', false);
    const second = reporter.flush();
    expect(reports).toHaveLength(1);
    release();
    await first;
    await vi.waitFor(() => expect(reports).toHaveLength(2));
    release();
    await second;
    expect(most).toBe(1);
    expect(reports.map(total)).toEqual([1, 2]);
  });

  it('drops past maxRows while a report is stuck, without waiting for it', async () => {
    let sending = false;
    reporter = new UsageReporter({
      flushIntervalMs: 3_600_000,
      maxRows: 2,
      timeoutMs: 50,
      send: (_report, signal) => {
        sending = true;
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
    });
    reporter.record(A, 'c1', '', false);
    const stuck = reporter.flush();
    await vi.waitFor(() => expect(sending).toBe(true));
    for (let i = 0; i < 10; i++) reporter.record(A, `client-${i}`, '', false);
    expect(reporter.stats()).toMatchObject({ recorded: 3, dropped: 8 });
    await stuck;
    expect(reporter.stats()).toMatchObject({ dropped: 9, reportsFailed: 1 });
  });

  it('seals rows with the supergraph they ran on when it changes', async () => {
    const { reporter, reports } = start();
    reporter.setSchema({ supergraphHash: 'old' });
    reporter.record(A, 'web', '1', false);
    reporter.setSchema({ supergraphHash: 'new' });
    reporter.record(B, 'web', '1', false);
    reporter.record(B, 'web', '1', false);
    await reporter.flush();
    expect(reports.map((r) => [r.supergraphHash, total(r)])).toEqual([
      ['old', 1],
      ['new', 2],
    ]);
  });

  it(`keeps at most ${MAX_SEALED} sealed batches and counts the oldest as dropped`, async () => {
    const { reporter, reports } = start();
    for (let i = 0; i <= MAX_SEALED + 1; i++) {
      reporter.setSchema({ supergraphHash: `h${i}` });
      reporter.record(A, 'web', '1', false);
    }
    await reporter.flush();
    expect(reports.map((r) => r.supergraphHash)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(reports.at(-1)!.dropped).toBe(1);
    expect(reporter.stats()).toMatchObject({ recorded: 6, dropped: 1 });
  });

  it('splits a report larger than maxReportBytes, each part with the operations it uses', async () => {
    const { reporter, reports } = start({ maxReportBytes: 2_000 }, false);
    const operations = Array.from({ length: 8 }, (_, i) => op(`Op${i}`));
    for (const [i, prepared] of operations.entries()) {
      for (let c = 0; c < 4; c++) reporter.record(prepared, `client-${c}`, `${i}`, c === 0);
    }
    await reporter.flush();
    expect(reports.length).toBeGreaterThan(1);
    for (const report of reports) {
      expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThanOrEqual(2_000);
      const used = new Set(report.rows.map((r) => r.operationId));
      expect(new Set(Object.keys(report.operations))).toEqual(used);
    }
    const rows = reports.flatMap((r) => r.rows);
    expect(rows).toHaveLength(32);
    expect(rows.reduce((n, r) => n + r.errors, 0)).toBe(8);
    expect(reporter.stats()).toMatchObject({ recorded: 32, reportsSent: reports.length });
  });

  it('counts only the failed part of a split report as dropped', async () => {
    let calls = 0;
    const reports: UsageReport[] = [];
    reporter = new UsageReporter({
      flushIntervalMs: 3_600_000,
      maxReportBytes: 1_000,
      send: (report) => {
        reports.push(report);
        return calls++ === 0 ? Promise.reject(new Error('first part lost')) : Promise.resolve();
      },
    });
    for (let i = 0; i < 10; i++) reporter.record(op(`Op${i}`), 'web', '1', false);
    await reporter.flush();
    expect(reports.length).toBeGreaterThan(1);
    const lost = total(reports[0]!);
    expect(reporter.stats()).toMatchObject({ dropped: lost, reportsFailed: 1 });
    expect(reports.slice(1).reduce((n, r) => n + total(r), 0)).toBe(10 - lost);
  });

  it('sends on its timer, and stop() sends what is left and stops counting', async () => {
    const reports: UsageReport[] = [];
    reporter = new UsageReporter({
      flushIntervalMs: 20,
      send: (report) => {
        reports.push(report);
        return Promise.resolve();
      },
    });
    reporter.record(A, 'web', '1', false);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    reporter.record(B, 'web', '1', false);
    await reporter.stop();
    expect(reports.map(total)).toEqual([1, 1]);
    expect(reporter.record(B, 'web', '1', false)).toBe(false);
  });
});
