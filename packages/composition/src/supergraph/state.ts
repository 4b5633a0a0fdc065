import type { SubgraphState, TypeKind, TypeState } from '../subgraph/state.js';

/** One supergraph type: its kind and the state of each subgraph that defines it (`byGraph`). */
export interface MergedType {
  readonly name: string;
  /** The supergraph kind (`@interfaceObject` objects count as interfaces). */
  kind: TypeKind;
  readonly byGraph: Map<string, TypeState>;
}

/**
 * The subgraphs being merged and, for every type name, which subgraphs define it. Subgraphs are
 * sorted by name (as Apollo orders them), so the supergraph does not depend on input order.
 */
export interface SupergraphState {
  readonly subgraphs: readonly SubgraphState[];
  readonly byName: ReadonlyMap<string, SubgraphState>;
  /** Subgraph name to its `join__Graph` enum value. */
  readonly graphEnum: ReadonlyMap<string, string>;
  readonly types: Map<string, MergedType>;
  /** Type name to the interfaces it implements in any subgraph. */
  readonly implementations: ReadonlyMap<string, ReadonlySet<string>>;
  /** Union name to its members in any subgraph. */
  readonly unionMembers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Groups the subgraphs' types by name. */
export function createSupergraphState(
  subgraphs: readonly SubgraphState[],
  graphEnum: ReadonlyMap<string, string>,
): SupergraphState {
  const sorted = [...subgraphs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const types = new Map<string, MergedType>();
  const implementations = new Map<string, Set<string>>();
  const unionMembers = new Map<string, Set<string>>();
  for (const s of sorted) {
    for (const type of s.types.values()) {
      let merged = types.get(type.name);
      const isInterfaceObject = type.directives.some((d) => d.name === 'interfaceObject');
      const kind: TypeKind = isInterfaceObject ? 'interface' : type.kind;
      if (!merged) {
        merged = { name: type.name, kind, byGraph: new Map() };
        types.set(type.name, merged);
      } else if (kind === 'interface' && merged.kind === 'object') {
        merged.kind = kind;
      }
      merged.byGraph.set(s.name, type);
      for (const i of type.interfaces) {
        let set = implementations.get(type.name);
        if (!set) implementations.set(type.name, (set = new Set()));
        set.add(i);
      }
      for (const m of type.members) {
        let set = unionMembers.get(type.name);
        if (!set) unionMembers.set(type.name, (set = new Set()));
        set.add(m);
      }
    }
  }
  return {
    subgraphs: sorted,
    byName: new Map(sorted.map((s) => [s.name, s])),
    graphEnum,
    types,
    implementations,
    unionMembers,
  };
}
