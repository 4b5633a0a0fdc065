/**
 * `UsageAggregator`: per-minute rollups of requests, in memory, keyed by (operation id, client
 * name, client version, minute), with the operations the rows refer to. Recording is three map
 * lookups (the last one by a short client key) and two increments.
 *
 * Bounded: at most `maxRows` rows and `maxOperations` operations between two drains. A request
 * that would need a new row or operation past either bound is dropped and counted (`dropped`),
 * never queued: usage data is worth less than the gateway's memory and latency.
 *
 * Sampling: with `weight` w (1 / the sample rate), each recorded request counts as w requests,
 * its errors and drops too, so reports carry estimates of the whole traffic and the registry's
 * thresholds and percentages mean the same at any rate. Weights add up as floats and are
 * rounded per row at the drain; with w = 1 every figure is exact.
 *
 * @module
 */
import type { UsageOperation, UsageRow } from '@orrery/registry-client';

export interface AggregatorOptions {
  /** Distinct (operation, client, version, minute) rows kept (default 10 000). */
  readonly maxRows?: number;
  /** Distinct operations kept (default 1 000). */
  readonly maxOperations?: number;
  /** Requests each recorded request stands for: 1 / the sample rate (default 1). */
  readonly weight?: number;
}

export const DEFAULT_MAX_ROWS = 10_000;
export const DEFAULT_MAX_OPERATIONS = 1_000;

/** An operation ready to be counted: its id and its wire description. */
export interface PreparedOperation {
  readonly id: string;
  readonly operation: UsageOperation;
}

/** What a drain hands over: a report's worth of data. */
export interface AggregatedUsage {
  readonly operations: Record<string, UsageOperation>;
  readonly rows: UsageRow[];
  /** Requests dropped because a bound was reached (estimated when sampling). */
  readonly dropped: number;
  /** Requests counted in `rows` (their sum). */
  readonly requests: number;
}

interface MutableRow {
  readonly operationId: string;
  readonly clientName: string;
  readonly clientVersion: string;
  readonly minute: number;
  count: number;
  errors: number;
}

const MINUTE = 60_000;

export class UsageAggregator {
  readonly maxRows: number;
  readonly maxOperations: number;
  readonly weight: number;
  /**
   * Operation id -> minute -> `name\u0000version` -> row. Nested rather than one concatenated
   * key: ids and minutes are looked up by strings and numbers the map has hashed before, so a
   * request only hashes its short client key.
   */
  private byOperation = new Map<string, Map<number, Map<string, MutableRow>>>();
  private operations = new Map<string, UsageOperation>();
  private rowCount = 0;
  private dropped = 0;

  constructor(options: AggregatorOptions = {}) {
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.maxOperations = options.maxOperations ?? DEFAULT_MAX_OPERATIONS;
    this.weight = options.weight ?? 1;
  }

  /** Counts one request; false when it was dropped (a bound was reached). */
  record(
    prepared: PreparedOperation,
    clientName: string,
    clientVersion: string,
    hasErrors: boolean,
    now: number = Date.now(),
  ): boolean {
    const minute = now - (now % MINUTE);
    let minutes = this.byOperation.get(prepared.id);
    if (!minutes) {
      if (this.rowCount >= this.maxRows || this.operations.size >= this.maxOperations) {
        return this.drop();
      }
      minutes = new Map();
      this.byOperation.set(prepared.id, minutes);
      this.operations.set(prepared.id, prepared.operation);
    }
    let clients = minutes.get(minute);
    if (!clients) {
      if (this.rowCount >= this.maxRows) return this.drop();
      clients = new Map();
      minutes.set(minute, clients);
    }
    const key = `${clientName}\u0000${clientVersion}`;
    let row = clients.get(key);
    if (!row) {
      if (this.rowCount >= this.maxRows) return this.drop();
      row = { operationId: prepared.id, clientName, clientVersion, minute, count: 0, errors: 0 };
      clients.set(key, row);
      this.rowCount++;
    }
    row.count += this.weight;
    if (hasErrors) row.errors += this.weight;
    return true;
  }

  /**
   * Counts requests lost elsewhere (a failed report, already estimated) into the next drain's
   * `dropped`.
   */
  addDropped(requests: number): void {
    this.dropped += requests;
  }

  /** Rows currently held. */
  get size(): number {
    return this.rowCount;
  }

  /** True when there is nothing to report (no rows, nothing dropped). */
  get empty(): boolean {
    return this.rowCount === 0 && this.dropped === 0;
  }

  /** Hands over everything held and starts empty. */
  drain(): AggregatedUsage {
    const rows: UsageRow[] = [];
    let requests = 0;
    for (const minutes of this.byOperation.values()) {
      for (const clients of minutes.values()) {
        for (const row of clients.values()) {
          // At least one recorded request of weight >= 1: never rounds to 0.
          const count = Math.round(row.count);
          requests += count;
          rows.push({
            operationId: row.operationId,
            clientName: row.clientName,
            clientVersion: row.clientVersion,
            minute: new Date(row.minute).toISOString(),
            count,
            errors: Math.min(count, Math.round(row.errors)),
          });
        }
      }
    }
    const out: AggregatedUsage = {
      operations: Object.fromEntries(this.operations),
      rows,
      dropped: Math.round(this.dropped),
      requests,
    };
    this.byOperation = new Map();
    this.operations = new Map();
    this.rowCount = 0;
    this.dropped = 0;
    return out;
  }

  private drop(): false {
    this.dropped += this.weight;
    return false;
  }
}
