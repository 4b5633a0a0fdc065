import type { SupergraphContext } from '../context.js';

/**
 * A subgraph with a resolvable `@key` on an interface can be asked, through `_entities`, for any
 * implementation of it: it must define every implementation type the supergraph has for that
 * interface, implementing it. Raises: INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE.
 * See https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/entities/interfaces
 */
export function InterfaceKeyMissingImplementationTypeRule(context: SupergraphContext): void {
  const { state } = context;
  // Interface name to its object implementations, in `state.implementations` order: computed
  // once, as scanning every type per interface is quadratic on large graphs.
  const implementationsOf = new Map<string, string[]>();
  for (const [name, interfaces] of state.implementations) {
    if (state.types.get(name)?.kind !== 'object') continue;
    for (const i of interfaces) {
      const list = implementationsOf.get(i);
      if (list) list.push(name);
      else implementationsOf.set(i, [name]);
    }
  }
  for (const type of state.types.values()) {
    if (type.kind !== 'interface') continue;
    const implementations = implementationsOf.get(type.name) ?? [];
    for (const [g, t] of type.byGraph) {
      if (t.kind !== 'interface') continue;
      const key = t.keys.find((k) => k.resolvable);
      if (!key) continue;
      const subgraph = state.byName.get(g);
      const missing = implementations.filter(
        (name) => !subgraph?.types.get(name)?.interfaces.includes(type.name),
      );
      if (missing.length === 0) continue;
      const names = missing.map((m) => `"${m}"`).join(', ');
      const plural = missing.length > 1;
      context.report(
        'INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE',
        `[${g}] Interface type "${type.name}" has a resolvable key (@key(fields: "${key.fields}")) in subgraph "${g}" but that subgraph is missing some of the supergraph implementation types of "${type.name}". Subgraph "${g}" should define type${plural ? 's' : ''} ${names} (and have ${plural ? 'them' : 'it'} implement "${type.name}"), or make the key non-resolvable (resolvable: false) there.`,
        [
          [g, key.directive.node],
          ...missing.flatMap((name) =>
            [...(state.types.get(name)?.byGraph ?? [])].map(([s, m]) => [s, m.nodes[0]] as const),
          ),
        ],
      );
    }
  }
}
