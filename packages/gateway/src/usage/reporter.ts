/**
 * `UsageReporter`: holds a {@link UsageAggregator} and sends its content as a `UsageReport`
 * every `flushIntervalMs` (rows of the current minute too: the registry adds counts up, so a
 * minute sent in parts is fine).
 *
 * One report is in flight at a time; a timer tick that finds one still in flight does nothing,
 * and requests keep being counted into the next report meanwhile. A report that fails (network
 * error, timeout, refusal) is not retried: its requests are counted as `dropped`, reported with
 * the next report, and its memory is freed, so a registry that is down costs neither memory nor
 * latency. A report larger than `maxReportBytes` is split in several. The timer is `unref()`ed: it never keeps a process alive.
 *
 * When the supergraph changes, what was counted so far is sealed with the old supergraph's hash
 * and sent in its own report, so rows are attributed to the schema they ran on (requests still
 * running across the swap count for the new one). At most {@link MAX_SEALED} sealed batches wait;
 * past that the oldest is dropped and counted.
 *
 * @module
 */
import {
  USAGE_REPORT_VERSION,
  type UsageOperation,
  type UsageReport,
  type UsageRow,
} from '@orrery/registry-client';
import { UsageAggregator, type AggregatedUsage, type PreparedOperation } from './aggregator.js';

/** Sends one report; rejects when it was not accepted. Abort on `signal` (the send timeout). */
export type SendUsageReport = (report: UsageReport, signal: AbortSignal) => Promise<unknown>;

export interface UsageReporterOptions {
  readonly send: SendUsageReport;
  /** How often to send, in ms (default 5 000). */
  readonly flushIntervalMs?: number;
  /** Rows kept between two reports (default 10 000); see `UsageAggregator`. */
  readonly maxRows?: number;
  /** Operations kept between two reports (default 1 000). */
  readonly maxOperations?: number;
  /** Requests each recorded request stands for: 1 / the sample rate (default 1). */
  readonly weight?: number;
  /** How long one report may take, in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Largest report, in bytes of JSON (default 4 MiB, under the registry's 5 MiB body limit). */
  readonly maxReportBytes?: number;
  /** Sent as `agent` (`orrery-gateway host-1`). */
  readonly agent?: string;
  /** Told about each failed report (for logs); must not throw. */
  readonly onError?: (error: Error) => void;
}

/** The schema a batch of rows ran on. */
export interface SchemaInfo {
  readonly launchId?: number | undefined;
  readonly supergraphHash?: string | undefined;
}

/** Counters since the reporter started (estimates of all requests when sampling). */
export interface UsageReporterStats {
  /** Requests counted into a report. */
  readonly recorded: number;
  /** Requests lost: a bound was reached, or the report carrying them failed. */
  readonly dropped: number;
  readonly reportsSent: number;
  readonly reportsFailed: number;
}

export const DEFAULT_FLUSH_INTERVAL_MS = 5_000;
export const DEFAULT_REPORT_TIMEOUT_MS = 10_000;
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/** Sealed batches (from before supergraph changes) waiting to be sent. */
export const MAX_SEALED = 4;

interface Batch {
  readonly usage: AggregatedUsage;
  readonly schema: SchemaInfo;
}

export class UsageReporter {
  private aggregator: UsageAggregator;
  private schema: SchemaInfo = {};
  private sealed: Batch[] = [];
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;
  private readonly timeoutMs: number;
  private counters = { recorded: 0, dropped: 0, reportsSent: 0, reportsFailed: 0 };

  constructor(private readonly options: UsageReporterOptions) {
    this.aggregator = this.newAggregator();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REPORT_TIMEOUT_MS;
    const interval = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    this.timer = setInterval(() => {
      // A report still in flight: this tick's rows wait for the next one.
      if (this.inFlight === 0) void this.flush();
    }, interval);
    this.timer.unref();
  }

  /** Counts one request (a map lookup and increments); false when it was dropped. */
  record(
    prepared: PreparedOperation,
    clientName: string,
    clientVersion: string,
    hasErrors: boolean,
  ): boolean {
    if (this.stopped) return false;
    if (this.aggregator.record(prepared, clientName, clientVersion, hasErrors)) {
      this.counters.recorded += this.aggregator.weight;
      return true;
    }
    this.counters.dropped += this.aggregator.weight;
    return false;
  }

  /** The schema now serving: rows counted before it are sealed with the previous one. */
  setSchema(schema: SchemaInfo): void {
    if (!this.aggregator.empty) {
      this.sealed.push({ usage: this.aggregator.drain(), schema: this.schema });
      while (this.sealed.length > MAX_SEALED) {
        const lost = this.sealed.shift()!;
        this.counters.dropped += lost.usage.requests;
        this.aggregator.addDropped(lost.usage.requests + lost.usage.dropped);
      }
    }
    this.schema = schema;
  }

  stats(): UsageReporterStats {
    const { recorded, dropped } = this.counters;
    return { ...this.counters, recorded: Math.round(recorded), dropped: Math.round(dropped) };
  }

  /**
   * Sends what was counted until now (after any report in flight). Never rejects: a failed
   * report is counted as dropped.
   */
  flush(timeoutMs = this.timeoutMs): Promise<void> {
    this.inFlight++;
    this.chain = this.chain.then(async () => {
      try {
        await this.send(timeoutMs);
      } finally {
        this.inFlight--;
      }
    });
    return this.chain;
  }

  /**
   * Stops the timer and sends what is left, waiting at most `timeoutMs` (default 2 000) in all.
   * Requests recorded after this are not counted.
   */
  async stop(timeoutMs = 2_000): Promise<void> {
    if (this.stopped) return this.chain;
    clearInterval(this.timer);
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([this.flush(timeoutMs), deadline]);
    clearTimeout(timer);
  }

  private newAggregator(): UsageAggregator {
    return new UsageAggregator({
      ...(this.options.maxRows === undefined ? {} : { maxRows: this.options.maxRows }),
      ...(this.options.maxOperations === undefined
        ? {}
        : { maxOperations: this.options.maxOperations }),
      ...(this.options.weight === undefined ? {} : { weight: this.options.weight }),
    });
  }

  private async send(timeoutMs: number): Promise<void> {
    const batches = this.sealed;
    this.sealed = [];
    batches.push({ usage: this.aggregator.drain(), schema: this.schema });
    for (const batch of batches) {
      if (batch.usage.rows.length === 0 && batch.usage.dropped === 0) continue;
      for (const { report, requests } of this.reports(batch)) {
        try {
          await this.options.send(report, AbortSignal.timeout(timeoutMs));
          this.counters.reportsSent++;
        } catch (error) {
          this.counters.reportsFailed++;
          this.counters.dropped += requests;
          // The gap is told with the next report: what this one lost, and what it carried.
          this.aggregator.addDropped(requests + (report.dropped ?? 0));
          try {
            this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
          } catch {
            // A logger that throws must not break reporting.
          }
        }
      }
    }
  }

  /**
   * The batch as reports of at most `maxReportBytes` of JSON (halving the rows until each fits,
   * each report with only the operations its rows use), so that a busy gateway never sends a
   * body the registry refuses as too large. `dropped` rides on the first.
   */
  private reports(batch: Batch): { report: UsageReport; requests: number }[] {
    const { usage, schema } = batch;
    const limit = this.options.maxReportBytes ?? MAX_REPORT_BYTES;
    const out: { report: UsageReport; requests: number }[] = [];
    const add = (rows: UsageRow[], dropped: number): void => {
      const operations: Record<string, UsageOperation> = {};
      let requests = 0;
      for (const row of rows) {
        operations[row.operationId] ??= usage.operations[row.operationId]!;
        requests += row.count;
      }
      const report: UsageReport = {
        version: USAGE_REPORT_VERSION,
        ...(schema.launchId === undefined ? {} : { launchId: schema.launchId }),
        ...(schema.supergraphHash === undefined ? {} : { supergraphHash: schema.supergraphHash }),
        ...(this.options.agent ? { agent: this.options.agent } : {}),
        operations,
        rows,
        ...(dropped > 0 ? { dropped } : {}),
      };
      if (rows.length > 1 && Buffer.byteLength(JSON.stringify(report)) > limit) {
        const half = rows.length >> 1;
        add(rows.slice(0, half), dropped);
        add(rows.slice(half), 0);
        return;
      }
      out.push({ report, requests });
    };
    add(usage.rows, usage.dropped);
    return out;
  }
}
