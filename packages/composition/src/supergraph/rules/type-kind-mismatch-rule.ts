import type { SupergraphContext } from '../context.js';
import { listGraphs } from '../merge/fields.js';

const KIND_LABEL = {
  object: 'Object Type',
  interface: 'Interface Type',
  union: 'Union Type',
  enum: 'Enum Type',
  input: 'InputObject Type',
  scalar: 'Scalar Type',
} as const;

/**
 * A type name must denote the same kind of type in every subgraph (an `@interfaceObject` object
 * counts as an interface). Raises: TYPE_KIND_MISMATCH.
 */
export function TypeKindMismatchRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    const byKind = new Map<string, string[]>();
    for (const [g, t] of type.byGraph) {
      const isInterfaceObject = t.directives.some((d) => d.name === 'interfaceObject');
      const kind = KIND_LABEL[isInterfaceObject ? 'interface' : t.kind];
      byKind.set(kind, [...(byKind.get(kind) ?? []), g]);
    }
    if (byKind.size < 2) continue;
    const [first, ...others] = [...byKind].map(([k, gs]) => `${k} in ${listGraphs(gs)}`);
    context.report(
      'TYPE_KIND_MISMATCH',
      `Type "${type.name}" has mismatched kind: it is defined as ${first ?? ''} but ${others.join(' and ')}. The subgraphs mean different types: rename it in some of them, or give it the same kind everywhere.`,
      [...type.byGraph].map(([g, t]) => [g, t.nodes[0]] as const),
    );
  }
}
