import { formatGraphRef, type GraphRef, type KeyScope } from '@orrery/registry-client';
import { ForbiddenError } from '../errors.js';
import type { Actor } from '../service/types.js';

/**
 * What a call needs, checked against the actor's role and scope on every service method:
 * - `admin`: keys, webhooks, variant creation and deletion, the audit log;
 * - `publish`: publish, delete and restore subgraphs (admin or publisher);
 * - `read`: read graphs, variants, subgraphs and launches (admin or publisher);
 * - `supergraph`: read a served supergraph (every role, gateway keys included).
 */
export type Permission = 'admin' | 'publish' | 'read' | 'supergraph';

const ROLE_PERMISSIONS: Readonly<Record<Actor['role'], readonly Permission[]>> = {
  admin: ['admin', 'publish', 'read', 'supergraph'],
  publisher: ['publish', 'read', 'supergraph'],
  gateway: ['supergraph'],
};

/** The in-process administrator: tests, the embedded CLI, the first-start bootstrap. */
export const SYSTEM_ACTOR: Actor = { keyId: null, name: 'admin', role: 'admin', scope: {} };

const allows = (list: readonly string[] | undefined, value: string) =>
  !list || list.length === 0 || list.includes(value);

/** Whether the scope covers the graph (its `graphs` list, or a variant of it in `variants`). */
export function scopeCoversGraph(scope: KeyScope, graph: string): boolean {
  if (!allows(scope.graphs, graph)) return false;
  if (!scope.variants || scope.variants.length === 0) return true;
  return scope.variants.some((ref) => ref.startsWith(`${graph}@`));
}

/** Whether the scope covers the variant; `subgraph` also checks the subgraph list. */
export function scopeCovers(scope: KeyScope, ref: GraphRef, subgraph?: string): boolean {
  if (!allows(scope.graphs, ref.graph)) return false;
  if (!allows(scope.variants, formatGraphRef(ref))) return false;
  return subgraph === undefined || allows(scope.subgraphs, subgraph);
}

/** Throws FORBIDDEN unless the actor's role grants `permission` (and its scope covers `ref`). */
export function authorize(
  actor: Actor,
  permission: Permission,
  ref?: GraphRef,
  subgraph?: string,
): void {
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) {
    throw new ForbiddenError(`a ${actor.role} key may not ${describe(permission)}`);
  }
  if (actor.role === 'admin' || !ref) return;
  if (!scopeCovers(actor.scope, ref, subgraph)) {
    const what =
      subgraph === undefined ? formatGraphRef(ref) : `${formatGraphRef(ref)} subgraph ${subgraph}`;
    throw new ForbiddenError(`key "${actor.name}" is not scoped to ${what}`);
  }
}

/** FORBIDDEN unless the actor may read the graph at all (for graph-level listings). */
export function authorizeGraph(actor: Actor, permission: Permission, graph: string): void {
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) {
    throw new ForbiddenError(`a ${actor.role} key may not ${describe(permission)}`);
  }
  if (actor.role !== 'admin' && !scopeCoversGraph(actor.scope, graph)) {
    throw new ForbiddenError(`key "${actor.name}" is not scoped to graph ${graph}`);
  }
}

function describe(permission: Permission): string {
  switch (permission) {
    case 'admin':
      return 'manage keys, variants, webhooks or read the audit log';
    case 'publish':
      return 'publish, delete or restore subgraphs';
    case 'read':
      return 'read graphs, variants, subgraphs or launches';
    case 'supergraph':
      return 'read supergraphs';
  }
}
