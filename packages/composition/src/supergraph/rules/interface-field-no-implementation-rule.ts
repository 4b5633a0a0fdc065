import type { SupergraphContext } from '../context.js';

/**
 * After merging, every object or interface implementing an interface must have all of its
 * fields (including fields other subgraphs, or `@interfaceObject`s, added to the interface).
 * Raises: INTERFACE_FIELD_NO_IMPLEM.
 */
export function InterfaceFieldNoImplementationRule(context: SupergraphContext): void {
  const { state } = context;
  for (const type of state.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const own = new Set<string>();
    for (const t of type.byGraph.values()) for (const f of t.fields.keys()) own.add(f);
    for (const i of state.implementations.get(type.name) ?? []) {
      const iface = state.types.get(i);
      if (!iface) continue;
      for (const [g, it] of iface.byGraph) {
        const isInterfaceObject = it.directives.some((d) => d.name === 'interfaceObject');
        if (isInterfaceObject) continue;
        for (const f of it.fields.values()) {
          if (own.has(f.name)) continue;
          own.add(f.name);
          const implementing = [...type.byGraph].filter(([, t]) => t.interfaces.includes(i));
          context.report(
            'INTERFACE_FIELD_NO_IMPLEM',
            `Interface field "${i}.${f.name}" is declared in subgraph "${g}" but type "${type.name}", which implements "${i}" only in ${implementing.map(([s]) => `subgraph "${s}"`).join(', ')} does not have field "${f.name}". Add the field to "${type.name}" in the subgraphs where it implements "${i}".`,
            [[g, f.node], ...implementing.map(([s, t]) => [s, t.nodes[0]] as const)],
          );
        }
      }
    }
  }
}
