import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';

/**
 * Unions merge by union of members; a member missing in some defining subgraphs is legal but
 * worth knowing (those subgraphs never return it). Raises the hint INCONSISTENT_UNION_MEMBER.
 */
export function InconsistentUnionMemberRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'union') continue;
    const defs = [...type.byGraph].filter(([, t]) => t.kind === 'union');
    const members = new Set(defs.flatMap(([, t]) => t.members));
    for (const member of members) {
      const having = defs.filter(([, t]) => t.members.includes(member));
      const missing = defs.filter(([, t]) => !t.members.includes(member));
      if (missing.length === 0) continue;
      context.hint(
        'INCONSISTENT_UNION_MEMBER',
        `Union type "${type.name}" includes member type "${member}" in some but not all defining subgraphs: "${member}" is defined in ${listGraphs(having.map(([g]) => g))} but not in ${listGraphs(missing.map(([g]) => g))}.`,
        defs.map(([g, t]) => [g, t.nodes[0]] as const),
      );
    }
  }
}
