import type {
  AuditEntry,
  ContractConfig,
  Diagnostic,
  KeyRole,
  KeyScope,
  KeySummary,
  Launch,
  LaunchTrigger,
  SchemaChange,
  SubgraphDetail,
  SubgraphRevision,
  WebhookDelivery,
  WebhookSummary,
} from '@orrery/registry-client';

/**
 * Rows as the SQL in this folder selects them, and their mapping to wire types. Timestamps come
 * back as `Date` from both drivers; the `iso` helper also accepts text so a driver change cannot
 * break the wire format.
 */

export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/**
 * `{ [key]: value }` when the column is set, `{}` when it is NULL: wire objects leave optional
 * properties out rather than carry `undefined`.
 */
function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

export interface VariantRow {
  readonly id: number;
  readonly graph_id: number;
  readonly graph: string;
  readonly name: string;
  readonly contract: ContractConfig | null;
  readonly served_launch_id: number | null;
  readonly latest_launch_id: number | null;
  readonly created_at: Date;
}

/** Selects `VariantRow` columns; `v` is variants, `g` graphs. */
export const VARIANT_COLUMNS = `v.id, v.graph_id, g.name AS graph, v.name, v.contract,
  v.served_launch_id, v.latest_launch_id, v.created_at`;

export interface RevisionRow {
  readonly name: string;
  readonly revision: number;
  readonly url: string;
  readonly sdl: string;
  readonly sdl_hash: string;
  readonly deleted: boolean;
  readonly actor: string;
  readonly note: string | null;
  readonly created_at: Date;
}

export const REVISION_COLUMNS =
  'name, revision, url, sdl, sdl_hash, deleted, actor, note, created_at';

export function toSubgraphDetail(row: RevisionRow): SubgraphDetail {
  return {
    name: row.name,
    url: row.url,
    revision: row.revision,
    updatedAt: iso(row.created_at),
    updatedBy: row.actor,
    sdl: row.sdl,
    sdlHash: row.sdl_hash,
  };
}

export function toSubgraphRevision(row: RevisionRow): SubgraphRevision {
  return { ...toSubgraphDetail(row), deleted: row.deleted };
}

export interface LaunchRow {
  readonly id: number;
  readonly trigger: LaunchTrigger;
  readonly status: 'success' | 'failed';
  readonly supergraph_hash: string | null;
  readonly errors: Diagnostic[];
  readonly changes: SchemaChange[];
  readonly actor: string;
  readonly created_at: Date;
}

export const LAUNCH_COLUMNS =
  'id, trigger, status, supergraph_hash, errors, changes, actor, created_at';

export function toLaunch(graph: string, variant: string, row: LaunchRow): Launch {
  return {
    id: row.id,
    graph,
    variant,
    trigger: row.trigger,
    status: row.status,
    ...optional('supergraphHash', row.supergraph_hash),
    errors: row.errors,
    changes: row.changes,
    actor: row.actor,
    createdAt: iso(row.created_at),
  };
}

export interface KeyRow {
  readonly id: string;
  readonly name: string;
  readonly role: KeyRole;
  readonly scope: KeyScope;
  readonly secret_sha256: string;
  readonly created_by: string;
  readonly created_at: Date;
  readonly last_used_at: Date | null;
  readonly revoked_at: Date | null;
}

export function toKeySummary(row: KeyRow): KeySummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    scope: row.scope,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    ...optional('lastUsedAt', row.last_used_at && iso(row.last_used_at)),
    ...optional('revokedAt', row.revoked_at && iso(row.revoked_at)),
  };
}

export interface WebhookRow {
  readonly id: string;
  readonly url: string;
  readonly created_at: Date;
}

export function toWebhookSummary(graph: string, variant: string, row: WebhookRow): WebhookSummary {
  return { id: row.id, graph, variant, url: row.url, createdAt: iso(row.created_at) };
}

export interface DeliveryRow {
  readonly id: string;
  readonly webhook_id: string;
  readonly launch_id: number;
  readonly status: WebhookDelivery['status'];
  readonly attempts: number;
  readonly last_status_code: number | null;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    launchId: row.launch_id,
    status: row.status,
    attempts: row.attempts,
    ...optional('lastStatusCode', row.last_status_code),
    ...optional('lastError', row.last_error),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export interface AuditRow {
  readonly id: number;
  readonly actor: string;
  readonly action: string;
  readonly graph: string | null;
  readonly variant: string | null;
  readonly target: string | null;
  readonly details: Record<string, unknown>;
  readonly created_at: Date;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: row.actor,
    action: row.action,
    ...optional('graph', row.graph),
    ...optional('variant', row.variant),
    ...optional('target', row.target),
    details: row.details,
    createdAt: iso(row.created_at),
  };
}
