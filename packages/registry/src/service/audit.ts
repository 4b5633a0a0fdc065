import type { GraphRef } from '@orrery/registry-client';
import type { Query } from '../storage/types.js';
import type { Actor } from './types.js';

/**
 * Appends an audit entry in the caller's transaction, so an entry exists exactly when the write
 * it describes was committed. Actions are `noun.verb`: `subgraph.publish`, `key.create`...
 */
export async function recordAudit(
  query: Query,
  actor: Actor,
  action: string,
  where: { ref?: GraphRef; graph?: string; target?: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await query(
    `INSERT INTO audit_log (actor, action, graph, variant, target, details)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      actor.name,
      action,
      where.ref?.graph ?? where.graph ?? null,
      where.ref?.variant ?? null,
      where.target ?? null,
      JSON.stringify({ ...details, ...(actor.keyId ? { keyId: actor.keyId } : {}) }),
    ],
  );
}
