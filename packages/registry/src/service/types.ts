import type {
  AuditEntry,
  CreateKeyRequest,
  CreateKeyResponse,
  CreateVariantRequest,
  CreateVariantResponse,
  CreateWebhookRequest,
  CreateWebhookResponse,
  DeleteSubgraphResponse,
  GraphRef,
  GraphSummary,
  KeyRole,
  KeyScope,
  KeySummary,
  Launch,
  LaunchList,
  PublishRequest,
  PublishResponse,
  RestoreSubgraphRequest,
  SubgraphDetail,
  SubgraphRevision,
  SubgraphSummary,
  SupergraphResponse,
  VariantSummary,
  WebhookDelivery,
  WebhookSummary,
  CheckList,
  CheckRequest,
  CheckResult,
  UsageIngestResponse,
  UsageReport,
  UsageView,
} from '@orrery/registry-client';

/**
 * Who is calling: the verified key (or the built-in admin for in-process callers such as tests
 * and the first-start bootstrap). The service checks `role` and `scope` on every call and records
 * `name` in launches and the audit log.
 */
export interface Actor {
  readonly keyId: string | null;
  readonly name: string;
  readonly role: KeyRole;
  readonly scope: KeyScope;
}

/** Rows folded by one `compactUsage` run. */
export interface UsageCompaction {
  /** Minute rows folded into hour rows. */
  readonly hourly: number;
  /** Minute and hour rows folded into day rows. */
  readonly daily: number;
}

/** Period and variants of a usage view. */
export interface UsageViewOptions {
  /** Length of the period ending now, in seconds. Default 7 days. */
  readonly periodSeconds?: number;
  /** Variants of the ref's graph whose traffic to read. Default: the ref's variant. */
  readonly variants?: readonly string[];
}

/**
 * The registry's operations, independent of HTTP: the HTTP layer (`src/http/`) parses requests,
 * authenticates the key into an `Actor` and calls these; tests and the CLI's embedded mode call
 * them directly. Methods throw `RegistryError` subclasses (`src/errors.ts`) whose `code` is an
 * `ApiErrorCode` from the wire types; each write is one transaction.
 */
export interface RegistryService {
  /** Resolves a raw key to its actor, or `null` when unknown or revoked. Updates `lastUsedAt`. */
  authenticate(rawKey: string): Promise<Actor | null>;

  listGraphs(actor: Actor): Promise<GraphSummary[]>;
  listVariants(actor: Actor, graph: string): Promise<VariantSummary[]>;
  getVariant(actor: Actor, ref: GraphRef): Promise<VariantSummary>;
  createVariant(
    actor: Actor,
    ref: GraphRef,
    request: CreateVariantRequest,
  ): Promise<CreateVariantResponse>;
  deleteVariant(actor: Actor, ref: GraphRef): Promise<void>;

  listSubgraphs(actor: Actor, ref: GraphRef): Promise<SubgraphSummary[]>;
  getSubgraph(actor: Actor, ref: GraphRef, name: string): Promise<SubgraphDetail>;
  listSubgraphRevisions(actor: Actor, ref: GraphRef, name: string): Promise<SubgraphRevision[]>;
  publishSubgraph(
    actor: Actor,
    ref: GraphRef,
    name: string,
    request: PublishRequest,
  ): Promise<PublishResponse>;
  deleteSubgraph(actor: Actor, ref: GraphRef, name: string): Promise<DeleteSubgraphResponse>;
  restoreSubgraph(
    actor: Actor,
    ref: GraphRef,
    name: string,
    request: RestoreSubgraphRequest,
  ): Promise<PublishResponse>;

  listLaunches(
    actor: Actor,
    ref: GraphRef,
    options?: { limit?: number; before?: number },
  ): Promise<LaunchList>;
  getLaunch(actor: Actor, ref: GraphRef, id: number): Promise<Launch>;
  /** The served supergraph, or that of a given successful launch. */
  getSupergraph(
    actor: Actor,
    ref: GraphRef,
    options?: { launchId?: number },
  ): Promise<SupergraphResponse>;
  /**
   * Resolves when `ref` serves a launch newer than `afterLaunchId`, or after `timeoutMs` (then
   * `null`). Fed by in-process events and, on PostgreSQL, by LISTEN/NOTIFY from other processes.
   */
  waitForLaunch(
    ref: GraphRef,
    afterLaunchId: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<number | null>;

  createKey(actor: Actor, request: CreateKeyRequest): Promise<CreateKeyResponse>;
  listKeys(actor: Actor): Promise<KeySummary[]>;
  revokeKey(actor: Actor, id: string): Promise<void>;

  createWebhook(
    actor: Actor,
    ref: GraphRef,
    request: CreateWebhookRequest,
  ): Promise<CreateWebhookResponse>;
  listWebhooks(actor: Actor, ref: GraphRef): Promise<WebhookSummary[]>;
  deleteWebhook(actor: Actor, ref: GraphRef, id: string): Promise<void>;
  listWebhookDeliveries(actor: Actor, ref: GraphRef, id: string): Promise<WebhookDelivery[]>;

  listAudit(actor: Actor, options?: { graph?: string; limit?: number }): Promise<AuditEntry[]>;

  /** Stores a gateway's usage report as per-minute rollups (see `service/usage.ts`). */
  ingestUsage(actor: Actor, ref: GraphRef, report: UsageReport): Promise<UsageIngestResponse>;
  /** Operations and clients that used a coordinate in the period. */
  getCoordinateUsage(
    actor: Actor,
    ref: GraphRef,
    coordinate: string,
    options?: UsageViewOptions,
  ): Promise<UsageView>;
  /** The most used operations in the period. */
  listOperationUsage(
    actor: Actor,
    ref: GraphRef,
    options?: UsageViewOptions & { limit?: number },
  ): Promise<UsageView>;
  /** Deletes usage older than the retention; returns how many rollup rows went. */
  purgeUsage(now?: Date): Promise<number>;
  /** Folds old per-minute rollups into hours and days; returns how many rows were folded. */
  compactUsage(now?: Date): Promise<UsageCompaction>;

  /** Checks a proposed subgraph against the variant and stores the result (see `service/checks.ts`). */
  runCheck(actor: Actor, ref: GraphRef, request: CheckRequest): Promise<CheckResult>;
  listChecks(
    actor: Actor,
    ref: GraphRef,
    options?: { limit?: number; before?: number },
  ): Promise<CheckList>;
  getCheck(actor: Actor, ref: GraphRef, id: number): Promise<CheckResult>;

  /** Stops background work (webhook deliveries, listeners) and closes the storage. */
  close(): Promise<void>;
}
