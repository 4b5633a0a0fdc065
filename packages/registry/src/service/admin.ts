import { randomBytes } from 'node:crypto';
import type {
  AuditEntry,
  CreateKeyRequest,
  CreateKeyResponse,
  CreateWebhookRequest,
  CreateWebhookResponse,
  GraphRef,
  KeyScope,
  KeySummary,
  WebhookDelivery,
  WebhookSummary,
} from '@orrery/registry-client';
import { BadRequestError, NotFoundError } from '../errors.js';
import { authorize } from '../keys/access.js';
import type { Query } from '../storage/types.js';
import { generateKey, isKeyRole, parseKey, secretMatches } from '../keys/format.js';
import { recordAudit } from './audit.js';
import { write, type ServiceContext } from './context.js';
import { checkName, checkRef, formatGraphRef, refFromBody } from './names.js';
import {
  toAuditEntry,
  toDelivery,
  toKeySummary,
  toWebhookSummary,
  type AuditRow,
  type DeliveryRow,
  type KeyRow,
  type WebhookRow,
} from './rows.js';
import { checkUrl } from './subgraph-writes.js';
import type { Actor } from './types.js';
import { requireVariant } from './variants-store.js';

const KEY_COLUMNS =
  'id, name, role, scope, secret_sha256, created_by, created_at, last_used_at, revoked_at';

// A key's `last_used_at` is refreshed at most once a minute: gateways authenticate on every poll,
// and a write per poll would turn the read path into a write path.
const LAST_USED_RESOLUTION = `interval '60 seconds'`;

/** Resolves a raw key to its actor; `null` for anything that is not an active, matching key. */
export async function authenticate(context: ServiceContext, rawKey: string): Promise<Actor | null> {
  const parsed = typeof rawKey === 'string' ? parseKey(rawKey) : null;
  if (!parsed) return null;
  return context.storage.transaction(async (query) => {
    const [row] = await query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [
      parsed.id,
    ]);
    if (!row || row.revoked_at !== null || row.role !== parsed.role) return null;
    if (!secretMatches(parsed.secret, row.secret_sha256)) return null;
    await query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1
       AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_RESOLUTION})`,
      [row.id],
    );
    return { keyId: row.id, name: row.name, role: row.role, scope: row.scope };
  });
}

function checkScope(raw: unknown): KeyScope {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new BadRequestError('scope must be an object');
  const scope = raw as Record<string, unknown>;
  const list = (field: 'graphs' | 'variants' | 'subgraphs', check: (value: string) => void) => {
    const value = scope[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw new BadRequestError(`scope.${field} must be a list of strings`);
    }
    (value as string[]).forEach(check);
    return value as string[];
  };
  const graphs = list('graphs', (name) => checkName('graph', name));
  const variants = list('variants', (ref) => {
    if (!ref.includes('@'))
      throw new BadRequestError(`scope.variants takes graph@variant refs, got ${ref}`);
    refFromBody('scope.variants', ref);
  });
  const subgraphs = list('subgraphs', (name) => checkName('subgraph', name));
  return {
    ...(graphs ? { graphs } : {}),
    ...(variants ? { variants } : {}),
    ...(subgraphs ? { subgraphs } : {}),
  };
}

export async function createKey(
  context: ServiceContext,
  actor: Actor,
  request: CreateKeyRequest,
): Promise<CreateKeyResponse> {
  authorize(actor, 'admin');
  if (
    typeof request?.name !== 'string' ||
    request.name.trim() === '' ||
    request.name.length > 200
  ) {
    throw new BadRequestError('name must be a non-empty string of at most 200 characters');
  }
  if (!isKeyRole(request.role))
    throw new BadRequestError('role must be admin, publisher or gateway');
  const scope = checkScope(request.scope);
  const key = generateKey(request.role);
  return write(context, actor, async (query) => {
    const [row] = await query<KeyRow>(
      `INSERT INTO api_keys (id, name, role, scope, secret_sha256, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING ${KEY_COLUMNS}`,
      [key.id, request.name, request.role, JSON.stringify(scope), key.secretSha256, actor.name],
    );
    await recordAudit(
      query,
      actor,
      'key.create',
      { target: key.id },
      { name: request.name, role: request.role, scope },
    );
    return { ...toKeySummary(row!), key: key.key };
  });
}

export async function listKeys(context: ServiceContext, actor: Actor): Promise<KeySummary[]> {
  authorize(actor, 'admin');
  const rows = await context.storage.transaction((query) =>
    query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at, id`),
  );
  return rows.map(toKeySummary);
}

/** Revokes a key (kept, with `revokedAt`, for the audit trail). Revoking twice is harmless. */
export async function revokeKey(context: ServiceContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'admin');
  await write(context, actor, async (query) => {
    const [row] = await query<{ revoked: boolean }>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundError(`key ${id} does not exist`);
    if (row.revoked) return;
    await query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
    await recordAudit(query, actor, 'key.revoke', { target: id });
  });
}

export async function createWebhook(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  request: CreateWebhookRequest,
): Promise<CreateWebhookResponse> {
  checkRef(ref);
  authorize(actor, 'admin', ref);
  checkUrl(request?.url, ['http:', 'https:']);
  if (
    request.secret !== undefined &&
    (typeof request.secret !== 'string' || request.secret.length < 8)
  ) {
    throw new BadRequestError('secret must be a string of at least 8 characters');
  }
  const secret = request.secret ?? randomBytes(32).toString('hex');
  const id = `wh_${randomBytes(8).toString('hex')}`;
  return write(context, actor, async (query) => {
    const variant = await requireVariant(query, ref);
    const [row] = await query<WebhookRow>(
      `INSERT INTO webhooks (id, variant_id, url, secret, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, url, created_at`,
      [id, variant.id, request.url, secret, actor.name],
    );
    await recordAudit(query, actor, 'webhook.create', { ref, target: id }, { url: request.url });
    return { ...toWebhookSummary(ref.graph, ref.variant, row!), secret };
  });
}

export async function listWebhooks(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
): Promise<WebhookSummary[]> {
  checkRef(ref);
  authorize(actor, 'admin', ref);
  const rows = await context.storage.transaction(async (query) => {
    const variant = await requireVariant(query, ref);
    return query<WebhookRow>(
      'SELECT id, url, created_at FROM webhooks WHERE variant_id = $1 ORDER BY created_at, id',
      [variant.id],
    );
  });
  return rows.map((row) => toWebhookSummary(ref.graph, ref.variant, row));
}

async function requireWebhook(query: Query, ref: GraphRef, id: string): Promise<void> {
  const variant = await requireVariant(query, ref);
  const [row] = await query<{ id: string }>(
    'SELECT id FROM webhooks WHERE id = $1 AND variant_id = $2',
    [id, variant.id],
  );
  if (!row) throw new NotFoundError(`webhook ${id} does not exist on ${formatGraphRef(ref)}`);
}

export async function deleteWebhook(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  id: string,
): Promise<void> {
  checkRef(ref);
  authorize(actor, 'admin', ref);
  await write(context, actor, async (query) => {
    await requireWebhook(query, ref, id);
    await query('DELETE FROM webhooks WHERE id = $1', [id]);
    await recordAudit(query, actor, 'webhook.delete', { ref, target: id });
  });
}

export async function listWebhookDeliveries(
  context: ServiceContext,
  actor: Actor,
  ref: GraphRef,
  id: string,
): Promise<WebhookDelivery[]> {
  checkRef(ref);
  authorize(actor, 'admin', ref);
  const rows = await context.storage.transaction(async (query) => {
    await requireWebhook(query, ref, id);
    return query<DeliveryRow>(
      `SELECT id, webhook_id, launch_id, status, attempts, last_status_code, last_error, created_at, updated_at
       FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, launch_id DESC LIMIT 200`,
      [id],
    );
  });
  return rows.map(toDelivery);
}

export async function listAudit(
  context: ServiceContext,
  actor: Actor,
  options: { graph?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  authorize(actor, 'admin');
  if (options.graph !== undefined) checkName('graph', options.graph);
  const limit = clampLimit(options.limit, 50, 500);
  const rows = await context.storage.transaction((query) =>
    options.graph === undefined
      ? query<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])
      : query<AuditRow>('SELECT * FROM audit_log WHERE graph = $1 ORDER BY id DESC LIMIT $2', [
          options.graph,
          limit,
        ]),
  );
  return rows.map(toAuditEntry);
}

/** A page size: `fallback` when absent, BAD_REQUEST when not a positive integer, capped at `max`. */
export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1)
    throw new BadRequestError('limit must be a positive integer');
  return Math.min(limit, max);
}
