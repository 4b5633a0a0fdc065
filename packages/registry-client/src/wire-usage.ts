/**
 * Wire types of usage reporting and schema checks (`docs/registry-api.md`, "Usage" and
 * "Checks"): what a gateway reports, what the registry answers about a coordinate's usage, and a
 * check's request and result. Plain JSON data, shared by the registry and this client.
 */
import type { Diagnostic, SchemaChange } from './wire.js';

// ---------------------------------------------------------------------------------------------
// Usage reports (gateway -> registry)

/** The only report format so far. A registry refuses versions it does not know (400). */
export const USAGE_REPORT_VERSION = 1;

/**
 * `POST /api/v1/graphs/:graph/variants/:variant/usage` (gateway or admin key, JSON, may be
 * `content-encoding: gzip`). Pre-aggregated by the gateway: the text and coordinates of each
 * operation once, then one row per operation, client and minute. Raw literals never leave the
 * gateway: `signature` has them hidden.
 */
export interface UsageReport {
  readonly version: typeof USAGE_REPORT_VERSION;
  /** Launch id the gateway was serving when it recorded the rows, when it knows it. */
  readonly launchId?: number;
  /** sha256 (hex) of the supergraph it was serving, when it knows it. */
  readonly supergraphHash?: string;
  /** Who sent it (`orrery-gateway/1.2.3 host-1`), for the registry's logs. */
  readonly agent?: string;
  /** The operations `rows` refer to, keyed by {@link UsageOperation} id. */
  readonly operations: Readonly<Record<string, UsageOperation>>;
  readonly rows: readonly UsageRow[];
  /**
   * Requests the gateway could not record since its last report because its buffer was full or
   * a report failed: reported so that the registry can show the gap. Not part of any count.
   */
  readonly dropped?: number;
}

/**
 * One operation as clients sent it, normalized. Its id, the key of `UsageReport.operations`, is
 * `sha256hex(name + "\n" + signature + "\n" + coordinates.join(","))` with `name` `-` for an
 * anonymous operation and `coordinates` sorted (see `usageOperationId`): the same text that
 * touches other coordinates after a schema change is another operation. The registry recomputes
 * the id and rejects a mismatch.
 */
export interface UsageOperation {
  /** The operation's name, `null` when anonymous. */
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
  /**
   * Apollo's usage-reporting signature: unused fragments dropped, literals hidden (numbers `0`,
   * strings `""`, lists `[]`, objects `{}`), aliases removed, selections / arguments / variable
   * definitions / directives sorted, printed with minimal whitespace.
   */
  readonly signature: string;
  /**
   * Schema coordinates it references, sorted, no duplicates: every named type it touches (field
   * return types, type conditions, variable types, input types), `Type.field` for each selected
   * field (a field selected on an interface also as `Object.field` for each implementation),
   * `Type.field(arg:)` for each argument in the operation's text (given as a literal or a
   * variable, set or not), `Input.field` for each input field given (in a literal, or in a
   * variable value as coerced: a field filled in from its default counts), `Enum.VALUE` for each
   * enum value sent (literal or variable, at any depth), `@directive` for each directive used and
   * `@directive(arg:)` for each argument passed to one. Checks read a changed default as
   * concerning every use, since these cannot tell which uses omitted the value
   * (`docs/checks.md`, "Checks against traffic").
   */
  readonly coordinates: readonly string[];
}

/** Requests of one operation by one client in one minute. */
export interface UsageRow {
  /** Key of `UsageReport.operations`. */
  readonly operationId: string;
  /** From `apollographql-client-name` (or the configured header); `''` when absent. */
  readonly clientName: string;
  /** From `apollographql-client-version`; `''` when absent. */
  readonly clientVersion: string;
  /** Start of the minute, ISO-8601 UTC with seconds zero: `2026-12-04T05:10:00.000Z`. */
  readonly minute: string;
  /** Requests (at least 1). */
  readonly count: number;
  /** Of those, requests whose response had errors. */
  readonly errors: number;
}

/** 202 answer to a usage report. Rows that fail validation are rejected one by one. */
export interface UsageIngestResponse {
  readonly accepted: number;
  readonly rejected: number;
  /** Why rows (by index in `rows`) or operations (by id) were rejected; at most 20 reasons. */
  readonly errors?: readonly {
    readonly row?: number;
    readonly operationId?: string;
    readonly message: string;
  }[];
}

// ---------------------------------------------------------------------------------------------
// Usage views

/** A client name and version with its request count. */
export interface ClientUsage {
  readonly name: string;
  readonly version: string;
  readonly requests: number;
}

/** One operation's usage in a period. */
export interface OperationUsage {
  readonly operationId: string;
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly signature: string;
  readonly requests: number;
  readonly errors: number;
  readonly clients: readonly ClientUsage[];
  /** ISO-8601: first and last minute with requests in the period. */
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/**
 * `GET .../usage?coordinate=Product.name&period=7d[&variants=prod,staging]`: who used a
 * coordinate. `GET .../usage/operations?period=7d&limit=50`: the most used operations (same
 * shape, without `coordinate`).
 */
export interface UsageView {
  readonly coordinate?: string;
  /** ISO-8601 bounds of the period. */
  readonly from: string;
  readonly to: string;
  /** The variants whose traffic was read. */
  readonly variants: readonly string[];
  /** All requests of those variants in the period, for percentages. */
  readonly totalRequests: number;
  /** Most requests first. */
  readonly operations: readonly OperationUsage[];
}

// ---------------------------------------------------------------------------------------------
// Checks

/** What a check weighs against traffic; every field has a default. */
export interface CheckConfig {
  /** Window of traffic, in seconds. Default 604 800 (7 days). */
  readonly validationPeriodSeconds?: number;
  /** An operation counts when it has at least this many requests in the window. Default 1. */
  readonly queryCountThreshold?: number;
  /** ...and at least this percentage (0-100) of the window's requests. Default 0. */
  readonly queryPercentageThreshold?: number;
  /** Client names, or `name@version`, whose requests are ignored. */
  readonly excludedClients?: readonly string[];
  /** Operation ids or names whose requests are ignored. */
  readonly excludedOperations?: readonly string[];
  /** Variants of the same graph whose traffic counts. Default: the checked variant only. */
  readonly trafficVariants?: readonly string[];
  /** A used dangerous change fails the check. Default false (reported, does not fail). */
  readonly failOnDangerous?: boolean;
  /** Query plan regressions: reported as warnings (default), fail the check, or not run. */
  readonly planRegressions?: 'warn' | 'fail' | 'off';
}

/**
 * `POST /api/v1/graphs/:graph/variants/:variant/checks` (publisher or admin key): check a
 * proposed subgraph schema against the variant. Never changes the graph.
 */
export interface CheckRequest {
  readonly subgraph: string;
  /** The proposed SDL. */
  readonly sdl: string;
  /** Routing URL for composition; the published one (or a placeholder) when absent. */
  readonly url?: string;
  readonly config?: CheckConfig;
  /** Where the change comes from, shown with the result (CI fills it from git). */
  readonly context?: {
    readonly branch?: string;
    readonly commit?: string;
    readonly author?: string;
    readonly message?: string;
  };
}

export type CheckStatus = 'passed' | 'failed';
export type TaskStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/**
 * How a change meets traffic: `broken` (breaking, used above the thresholds: fails the check),
 * `potentially-affected` (dangerous and used), `unused` (breaking or dangerous, no traffic over
 * the thresholds after exclusions), `safe` (a safe change).
 */
export type ChangeImpact = 'broken' | 'potentially-affected' | 'unused' | 'safe';

export interface CheckedChange extends SchemaChange {
  readonly impact: ChangeImpact;
  /** Operations over the thresholds that use the change's coordinates. */
  readonly affectedOperations: number;
  readonly affectedRequests: number;
}

/** An operation a breaking or dangerous change affects. */
export interface AffectedOperation {
  readonly operationId: string;
  readonly name: string | null;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly signature: string;
  readonly requests: number;
  /** Share of the window's requests, 0-100. */
  readonly percentage: number;
  readonly clients: readonly ClientUsage[];
  /** `broken` when a breaking change affects it, else `potentially-affected`. */
  readonly classification: 'broken' | 'potentially-affected';
  /** Coordinates of the changes that affect it. */
  readonly coordinates: readonly string[];
}

/** The operations task: the change list weighed against traffic. */
export interface OperationsTask {
  readonly status: TaskStatus;
  /** Requests in the window over the traffic variants (before exclusions). */
  readonly totalRequests: number;
  readonly changes: readonly CheckedChange[];
  readonly affectedOperations: readonly AffectedOperation[];
}

/** A contract variant fed by the checked variant, checked with the proposed source. */
export interface ContractCheck {
  readonly variant: string;
  readonly status: TaskStatus;
  readonly compositionErrors: readonly Diagnostic[];
  readonly operations: OperationsTask;
}

/** A most-used operation whose plan gets more fetches or deeper on the proposed supergraph. */
export interface PlanRegression {
  readonly operationId: string;
  readonly name: string | null;
  readonly requests: number;
  readonly before: { readonly fetches: number; readonly depth: number };
  readonly after: { readonly fetches: number; readonly depth: number };
}

export interface CheckResult {
  /** Monotonic per variant, starting at 1. */
  readonly id: number;
  readonly graph: string;
  readonly variant: string;
  readonly subgraph: string;
  readonly status: CheckStatus;
  /** Link to this result in the registry's API. */
  readonly url: string;
  /** The config as applied, defaults filled in. */
  readonly config: Required<
    Omit<CheckConfig, 'excludedClients' | 'excludedOperations' | 'trafficVariants'>
  > & {
    readonly excludedClients: readonly string[];
    readonly excludedOperations: readonly string[];
    readonly trafficVariants: readonly string[];
  };
  readonly context?: CheckRequest['context'];
  /** The served launch the proposal was checked against (absent when the variant serves none). */
  readonly baseLaunchId?: number;
  readonly composition: {
    readonly status: TaskStatus;
    readonly errors: readonly Diagnostic[];
    readonly hints: readonly Diagnostic[];
  };
  /** `skipped` when composition failed. */
  readonly operations: OperationsTask;
  readonly contracts: readonly ContractCheck[];
  readonly planRegressions: {
    readonly status: TaskStatus;
    readonly regressions: readonly PlanRegression[];
  };
  readonly actor: string;
  readonly createdAt: string;
}

/** A line of `GET .../checks`. */
export interface CheckSummary {
  readonly id: number;
  readonly subgraph: string;
  readonly status: CheckStatus;
  readonly url: string;
  readonly changes: number;
  readonly breaking: number;
  readonly affectedOperations: number;
  readonly actor: string;
  readonly createdAt: string;
}

export interface CheckList {
  readonly checks: readonly CheckSummary[];
  readonly nextBefore?: number;
}
