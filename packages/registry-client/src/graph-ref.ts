import { DEFAULT_VARIANT, NAME_PATTERN, type GraphRef } from './wire.js';

/** Thrown for a graph ref that is not `graph` or `graph@variant` with valid names. */
export class InvalidGraphRefError extends Error {
  readonly code = 'ERR_INVALID_GRAPH_REF';
  override readonly name = 'InvalidGraphRefError';
}

/**
 * Parses `graph@variant` (or a bare `graph`, meaning `graph@current`, as rover does).
 *
 * @example parseGraphRef('demo@prod') // { graph: 'demo', variant: 'prod' }
 */
export function parseGraphRef(ref: string): GraphRef {
  const at = ref.indexOf('@');
  const graph = at === -1 ? ref : ref.slice(0, at);
  const variant = at === -1 ? DEFAULT_VARIANT : ref.slice(at + 1);
  if (!NAME_PATTERN.test(graph) || !NAME_PATTERN.test(variant)) {
    throw new InvalidGraphRefError(
      `"${ref}" is not a graph ref: expected GRAPH or GRAPH@VARIANT, names made of letters, digits, _ and - (starting with a letter)`,
    );
  }
  return { graph, variant };
}

/** `demo@prod`. */
export function formatGraphRef(ref: GraphRef): string {
  return `${ref.graph}@${ref.variant}`;
}
