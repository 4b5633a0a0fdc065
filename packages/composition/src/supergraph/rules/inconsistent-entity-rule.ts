import { ROOT_TYPE_NAMES } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';

/**
 * An object type with a `@key` in some of its subgraphs only: legal (the others define it as a
 * plain type), but the others cannot be jumped to by key. Raises the hint INCONSISTENT_ENTITY.
 */
export function InconsistentEntityRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object' || (ROOT_TYPE_NAMES as readonly string[]).includes(type.name)) {
      continue;
    }
    const defs = [...type.byGraph];
    if (defs.some(([, t]) => t.kind !== 'object')) continue;
    const withKey = defs.filter(([, t]) => t.keys.length > 0);
    if (withKey.length === 0 || withKey.length === defs.length) continue;
    const withoutKey = defs.filter(([, t]) => t.keys.length === 0);
    context.hint(
      'INCONSISTENT_ENTITY',
      `Type "${type.name}" is declared as an entity (has a @key applied) in some but not all defining subgraphs: it has no @key in ${listGraphs(withoutKey.map(([g]) => g))} but has some @key in ${listGraphs(withKey.map(([g]) => g))}.`,
      defs.map(([g, t]) => [g, t.nodes[0]] as const),
    );
  }
}
