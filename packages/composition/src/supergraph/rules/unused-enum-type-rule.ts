import { namedType } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';

/**
 * An enum no field or argument uses cannot be merged by usage; it is merged as an output enum
 * (union of values). Raises the hint UNUSED_ENUM_TYPE.
 */
export function UnusedEnumTypeRule(context: SupergraphContext): void {
  const used = new Set<string>();
  for (const s of context.state.subgraphs) {
    for (const t of s.types.values()) {
      for (const f of t.fields.values()) {
        used.add(namedType(f.type));
        for (const a of f.args.values()) used.add(namedType(a.type));
      }
    }
  }
  for (const type of context.state.types.values()) {
    if (type.kind !== 'enum' || used.has(type.name)) continue;
    context.hint(
      'UNUSED_ENUM_TYPE',
      `Enum type "${type.name}" is defined but unused. It will be included in the supergraph with all the values appearing in any subgraph ("as if" it was only used as an output type).`,
      [...type.byGraph].map(([g, t]) => [g, t.nodes[0]] as const),
    );
  }
}
