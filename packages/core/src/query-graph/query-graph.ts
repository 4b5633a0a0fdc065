import { namedTypeOfPrinted } from '../supergraph/read-supergraph.js';
import type {
  ContextArgument,
  FieldSet,
  KeyDefinition,
  SupergraphModel,
  SupergraphTypeKind,
} from '../supergraph/model.js';

/**
 * The federated query graph: one vertex per (composite type, subgraph) pair, with edges for the
 * fields that subgraph has, for downcasts to the object types it can return, and (implicitly,
 * through per-type tables) for key jumps into other subgraphs. See `notes.md` for the model.
 */

/** Which way a progressive override label must be set for an edge to exist. */
export interface OverrideCondition {
  readonly label: string;
  /** true: usable when the label is on (the overriding subgraph); false: when it is off. */
  readonly on: boolean;
}

/** A field of the head vertex's type in the head's subgraph. */
export interface FieldEdge {
  readonly kind: 'field';
  readonly head: QueryGraphVertex;
  /** The vertex of the field's named type in the same subgraph; undefined for leaf fields. */
  readonly tail: QueryGraphVertex | undefined;
  readonly field: string;
  /** The field's type in this subgraph, printed (`[User!]`). */
  readonly type: string;
  /**
   * `@external` here: the subgraph cannot resolve the field unless an enclosing `@provides`
   * says so at this path. Such edges are only followable under a provides.
   */
  readonly external: boolean;
  /** Overridden away but still used (key/requires): usable for conditions, not for queries. */
  readonly usedOverridden: boolean;
  /** `@requires`: these fields of the head type must be fetched (elsewhere) first. */
  readonly requires?: FieldSet;
  /** `@provides`: at the tail, these external fields become resolvable. */
  readonly provides?: FieldSet;
  readonly overrideCondition?: OverrideCondition;
  /** `@fromContext` arguments (the planner has to pass them). */
  readonly hasContextArguments: boolean;
  /**
   * The `@fromContext` arguments themselves: each needs, above the field in the query, a type
   * setting `context`, from which `selection` must be resolvable.
   */
  readonly contextArguments: readonly ContextArgument[];
}

/** From an abstract type to one of its possible object types, in the same subgraph. */
export interface DowncastEdge {
  readonly kind: 'downcast';
  readonly head: QueryGraphVertex;
  readonly tail: QueryGraphVertex;
}

/**
 * A jump into another subgraph's vertex: through a resolvable `@key` of the tail (whose fields
 * must be resolvable from the head), or, between the query roots, unconditionally (`key`
 * undefined). The head is implied: any vertex of `tail`'s type (or, for an `@interfaceObject`
 * tail, of an implementation of it) in another subgraph.
 */
export interface KeyEdge {
  readonly kind: 'key';
  readonly tail: QueryGraphVertex;
  readonly key: KeyDefinition | undefined;
}

export type QueryGraphEdge = FieldEdge | DowncastEdge | KeyEdge;

export interface QueryGraphVertex {
  /** Index in `QueryGraph.vertices`. */
  readonly id: number;
  /** The type's name (the interface's name for an `@interfaceObject`). */
  readonly type: string;
  readonly subgraph: string;
  /** The kind as this subgraph sees it: an `@interfaceObject` is an OBJECT. */
  readonly kind: SupergraphTypeKind;
  readonly isInterfaceObject: boolean;
  /** Every field the subgraph declares on the type, by name (external ones included). */
  readonly fields: ReadonlyMap<string, FieldEdge>;
  /** Possible object types the subgraph can return here, by name (abstract types only). */
  readonly downcasts: ReadonlyMap<string, DowncastEdge>;
}

export interface QueryGraph {
  readonly supergraph: SupergraphModel;
  readonly vertices: readonly QueryGraphVertex[];
  /** The root vertices per operation kind, one per subgraph that has that root type. */
  readonly roots: {
    readonly query: readonly QueryGraphVertex[];
    readonly mutation: readonly QueryGraphVertex[];
    readonly subscription: readonly QueryGraphVertex[];
  };
  /** The vertex of a type in a subgraph, if the subgraph has that composite type. */
  vertex(type: string, subgraph: string): QueryGraphVertex | undefined;
  /**
   * Key jumps out of a vertex: into every other subgraph that can resolve this type (or an
   * `@interfaceObject` of one of its interfaces) by some resolvable key. The key's fields are the
   * edge's condition; callers check it. Shared arrays: do not mutate.
   */
  keyEdges(from: QueryGraphVertex): readonly KeyEdge[];
}

const COMPOSITE = new Set<SupergraphTypeKind>(['OBJECT', 'INTERFACE', 'UNION']);

/**
 * Builds the federated query graph of a supergraph, in time linear in the size of the supergraph
 * (key jumps are stored once per type, not once per pair of subgraphs).
 */
export function buildQueryGraph(supergraph: SupergraphModel): QueryGraph {
  const vertices: QueryGraphVertex[] = [];
  const byType = new Map<string, Map<string, QueryGraphVertex>>();
  for (const type of supergraph.types.values()) {
    if (!COMPOSITE.has(type.kind)) continue;
    const perGraph = new Map<string, QueryGraphVertex>();
    byType.set(type.name, perGraph);
    for (const [graph, inGraph] of type.subgraphs) {
      const vertex: QueryGraphVertex = {
        id: vertices.length,
        type: type.name,
        subgraph: graph,
        kind: inGraph.isInterfaceObject ? 'OBJECT' : type.kind,
        isInterfaceObject: inGraph.isInterfaceObject,
        fields: new Map(),
        downcasts: new Map(),
      };
      vertices.push(vertex);
      perGraph.set(graph, vertex);
    }
  }
  const vertex = (type: string, subgraph: string): QueryGraphVertex | undefined =>
    byType.get(type)?.get(subgraph);

  // Field edges: per field, into the vertices of the subgraphs that declare it (not per vertex
  // over all of the type's fields, which is quadratic on a `Query` shared by 100 subgraphs).
  const typeNamed = new Map<string, string>();
  for (const type of supergraph.types.values()) {
    const perGraph = byType.get(type.name);
    if (!perGraph) continue;
    for (const field of type.fields.values()) {
      for (const [subgraph, inGraph] of field.subgraphs) {
        const v = perGraph.get(subgraph);
        if (!v) continue;
        const fields = v.fields as Map<string, FieldEdge>;
        let named = typeNamed.get(inGraph.type);
        if (named === undefined) {
          named = namedTypeOfPrinted(inGraph.type);
          typeNamed.set(inGraph.type, named);
        }
        let overrideCondition: OverrideCondition | undefined;
        if (inGraph.overrideLabel !== undefined) {
          overrideCondition = { label: inGraph.overrideLabel, on: inGraph.override !== undefined };
        }
        // Optional properties assigned only when present (no spreads: this runs once per
        // field per subgraph, hundreds of thousands of times on a large supergraph).
        const edge: { -readonly [K in keyof FieldEdge]: FieldEdge[K] } = {
          kind: 'field',
          head: v,
          tail: vertex(named, v.subgraph),
          field: field.name,
          type: inGraph.type,
          external: inGraph.external,
          usedOverridden: inGraph.usedOverridden,
          hasContextArguments: inGraph.contextArguments.length > 0,
          contextArguments: inGraph.contextArguments,
        };
        if (inGraph.requires) edge.requires = inGraph.requires;
        if (inGraph.provides) edge.provides = inGraph.provides;
        if (overrideCondition) edge.overrideCondition = overrideCondition;
        fields.set(field.name, edge);
      }
    }
  }

  // Downcast edges.
  for (const v of vertices) {
    const type = supergraph.types.get(v.type);
    if (!type) continue;
    const downcasts = v.downcasts as Map<string, DowncastEdge>;
    if (v.kind === 'UNION') {
      for (const member of type.subgraphs.get(v.subgraph)?.unionMembers ?? []) {
        const tail = vertex(member, v.subgraph);
        if (tail) downcasts.set(member, { kind: 'downcast', head: v, tail });
      }
    } else if (v.kind === 'INTERFACE') {
      for (const impl of supergraph.implementations.get(v.type) ?? []) {
        const tail = vertex(impl, v.subgraph);
        const implInGraph = supergraph.types.get(impl)?.subgraphs.get(v.subgraph);
        if (tail && implInGraph?.interfaces.includes(v.type)) {
          downcasts.set(impl, { kind: 'downcast', head: v, tail });
        }
      }
    }
  }

  // Key jumps, per type: every vertex with a resolvable key can be jumped into; interface objects
  // can also be jumped into from implementations of their interface.
  const keyTargets = new Map<string, KeyEdge[]>();
  const addTarget = (type: string, edge: KeyEdge): void => {
    const list = keyTargets.get(type);
    if (list) list.push(edge);
    else keyTargets.set(type, [edge]);
  };
  for (const v of vertices) {
    const inGraph = supergraph.types.get(v.type)?.subgraphs.get(v.subgraph);
    for (const key of inGraph?.keys ?? []) {
      if (!key.resolvable) continue;
      addTarget(v.type, { kind: 'key', tail: v, key });
      if (v.isInterfaceObject) {
        for (const impl of supergraph.implementations.get(v.type) ?? []) {
          addTarget(impl, { kind: 'key', tail: v, key });
        }
      }
    }
  }
  const queryRoot = supergraph.roots.query;
  const rootVertices = (name: string | undefined): QueryGraphVertex[] =>
    name ? [...(byType.get(name)?.values() ?? [])] : [];
  const roots = {
    query: rootVertices(queryRoot),
    mutation: rootVertices(supergraph.roots.mutation),
    subscription: rootVertices(supergraph.roots.subscription),
  };
  // The query root of any subgraph can be reached from any other (a field returning `Query`).
  if (queryRoot)
    for (const tail of roots.query) addTarget(queryRoot, { kind: 'key', tail, key: undefined });

  const filtered = new Map<number, KeyEdge[]>();
  return {
    supergraph,
    vertices,
    roots,
    vertex,
    keyEdges(from) {
      // Filtering out the vertex's own subgraph is cached per vertex; most vertices have none.
      let edges = filtered.get(from.id);
      if (!edges) {
        edges = (keyTargets.get(from.type) ?? []).filter((e) => e.tail.subgraph !== from.subgraph);
        filtered.set(from.id, edges);
      }
      return edges;
    },
  };
}
