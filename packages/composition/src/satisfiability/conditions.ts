import type { FieldEdge, QueryGraph, QueryGraphVertex } from '@orrery/core';
import { Kind, type SelectionNode, type SelectionSetNode } from 'graphql';

/**
 * Override labels fixed so far on a branch of the search (see notes.md): label -> on/off. The
 * signature is a stable string for memo keys.
 */
export interface Labels {
  readonly values: ReadonlyMap<string, boolean>;
  readonly signature: string;
}

export const NO_LABELS: Labels = { values: new Map(), signature: '' };

/** The labels with one more label fixed. */
export function withLabel(labels: Labels, label: string, on: boolean): Labels {
  const values = new Map(labels.values);
  values.set(label, on);
  const signature = [...values]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([l, v]) => `${l}=${v ? 1 : 0}`)
    .join(',');
  return { values, signature };
}

/** Whether an edge exists on this branch: unlabelled, or its label is fixed the right way. */
export function labelAllows(edge: FieldEdge, labels: Labels): boolean {
  const condition = edge.overrideCondition;
  return !condition || labels.values.get(condition.label) === condition.on;
}

const selectionIds = new WeakMap<SelectionSetNode, number>();
let nextSelectionId = 1;

/** A small stable id per selection set object (FieldSets are parsed once per supergraph). */
export function selectionId(selectionSet: SelectionSetNode | undefined): number {
  if (!selectionSet) return 0;
  let id = selectionIds.get(selectionSet);
  if (id === undefined) {
    id = nextSelectionId++;
    selectionIds.set(selectionSet, id);
  }
  return id;
}

/** The key-reachable vertices from one vertex, and their positions (built on demand). */
interface Reachable {
  readonly list: readonly QueryGraphVertex[];
  index?: Map<number, number>;
}

/**
 * Answers "can these fields (a key, a `@requires`) be fetched starting from this vertex?", by
 * taking fields where they are, and key jumps to other subgraphs where they are not. Results
 * are memoised per (vertex, selection, labels); a condition that depends on itself is false.
 */
export class ConditionResolver {
  private readonly memo = new Map<string, boolean>();
  /** Per vertex id: (provided, labels) slot -> reachable vertices. */
  private readonly reachable: (Map<string, Reachable> | undefined)[] = [];
  private readonly inProgress = new Set<string>();

  private readonly holderMemo = new Map<string, Map<string, QueryGraphVertex[]>>();

  private readonly interned = new Map<string, SelectionSetNode>();

  constructor(private readonly graph: QueryGraph) {}

  /**
   * The part of a `@provides` selection that applies to a field of `typeName`: whether the field
   * is provided and, when it is composite, the provided sub-selection at its type.
   */
  providedField(
    provided: SelectionSetNode,
    typeName: string,
    field: string,
  ): { sub: SelectionSetNode | undefined } | undefined {
    const subs: SelectionNode[] = [];
    let found = false;
    const visit = (selections: readonly SelectionNode[]): void => {
      for (const s of selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value !== field) continue;
          found = true;
          if (s.selectionSet) subs.push(...s.selectionSet.selections);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          const on = s.typeCondition?.name.value;
          if (on === undefined || on === typeName) visit(s.selectionSet.selections);
        }
      }
    };
    visit(provided.selections);
    if (!found) return undefined;
    if (!subs.length) return { sub: undefined };
    // Merged sub-selections get one object per distinct content, so their memo ids stay stable.
    const key = JSON.stringify(subs);
    let node = this.interned.get(key);
    if (!node) {
      node = { kind: Kind.SELECTION_SET, selections: subs };
      this.interned.set(key, node);
    }
    return { sub: node };
  }

  /** Every vertex reachable from `from` through chains of key jumps whose keys resolve. */
  keyReachable(
    from: QueryGraphVertex,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): readonly QueryGraphVertex[] {
    return this.reachableEntry(from, provided, labels).list;
  }

  /** {@link keyReachable} as vertex id -> position in that list. */
  keyReachableIndex(
    from: QueryGraphVertex,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): ReadonlyMap<number, number> {
    const entry = this.reachableEntry(from, provided, labels);
    if (!entry.index) entry.index = new Map(entry.list.map((v, i) => [v.id, i]));
    return entry.index;
  }

  private reachableEntry(
    from: QueryGraphVertex,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): Reachable {
    // Memoised per vertex (an array slot), then per (provided, labels): the walk asks this for
    // every subgraph path at every field, so the common case builds no string key.
    const slot =
      provided === undefined && labels.signature === ''
        ? ''
        : `${selectionId(provided)}|${labels.signature}`;
    let perVertex = this.reachable[from.id];
    if (!perVertex) {
      perVertex = new Map();
      this.reachable[from.id] = perVertex;
    }
    const cached = perVertex.get(slot);
    if (cached) return cached;
    const progressKey = `r${from.id}|${slot}`;
    if (this.inProgress.has(progressKey)) return { list: [] };
    this.inProgress.add(progressKey);
    const seen = new Set<number>([from.id]);
    const out: QueryGraphVertex[] = [];
    const queue: QueryGraphVertex[] = [from];
    const total = this.graph.keyEdges(from).length;
    for (let i = 0; i < queue.length && out.length < total; i++) {
      const u = queue[i] as QueryGraphVertex;
      for (const edge of this.graph.keyEdges(u)) {
        if (seen.has(edge.tail.id)) continue;
        const ok =
          !edge.key ||
          this.canResolve(
            u,
            edge.key.fields.selectionSet,
            u === from ? provided : undefined,
            labels,
          );
        if (!ok) continue;
        seen.add(edge.tail.id);
        out.push(edge.tail);
        queue.push(edge.tail);
      }
    }
    this.inProgress.delete(progressKey);
    const entry: Reachable = { list: out };
    perVertex.set(slot, entry);
    return entry;
  }

  /**
   * The vertices, in every subgraph, that declare field `name` of `type` or of one of its
   * interfaces: every vertex a chain of key jumps from a `type` vertex can land on and take the
   * field at (jumps only lead to the same type, or to an interface's entity or `@interfaceObject`).
   */
  holders(type: string, name: string): readonly QueryGraphVertex[] {
    let perType = this.holderMemo.get(type);
    if (!perType) {
      perType = new Map();
      this.holderMemo.set(type, perType);
    }
    let list = perType.get(name);
    if (list) return list;
    list = [];
    for (const typeName of [type, ...(this.graph.supergraph.types.get(type)?.interfaces ?? [])]) {
      const field = this.graph.supergraph.types.get(typeName)?.fields.get(name);
      for (const subgraph of field?.subgraphs.keys() ?? []) {
        const vertex = this.graph.vertex(typeName, subgraph);
        if (vertex) list.push(vertex);
      }
    }
    perType.set(name, list);
    return list;
  }

  /** Whether every field of `selectionSet` can be fetched from `vertex` (see the class comment). */
  canResolve(
    vertex: QueryGraphVertex,
    selectionSet: SelectionSetNode,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): boolean {
    const memoKey = `${vertex.id}|${selectionId(selectionSet)}|${selectionId(provided)}|${labels.signature}`;
    const cached = this.memo.get(memoKey);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(memoKey)) return false;
    this.inProgress.add(memoKey);
    let ok = true;
    for (const selection of selectionSet.selections) {
      if (!this.canResolveSelection(vertex, selection, provided, labels)) {
        ok = false;
        break;
      }
    }
    this.inProgress.delete(memoKey);
    this.memo.set(memoKey, ok);
    return ok;
  }

  private canResolveSelection(
    vertex: QueryGraphVertex,
    selection: SelectionNode,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): boolean {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      if (on === undefined || on === vertex.type) {
        return this.canResolve(vertex, selection.selectionSet, provided, labels);
      }
      const downcast = vertex.downcasts.get(on);
      if (downcast)
        return this.canResolve(downcast.tail, selection.selectionSet, undefined, labels);
      // A type condition that cannot match here asks for nothing.
      return true;
    }
    if (selection.kind !== Kind.FIELD) return false;
    const name = selection.name.value;
    if (name === '__typename') return true;
    const sub = selection.selectionSet;
    if (this.fieldFrom(vertex, name, sub, provided, labels)) return true;
    const jumps = this.keyReachableIndex(vertex, provided, labels);
    if (jumps.size === 0) return false;
    for (const other of this.holders(vertex.type, name)) {
      if (jumps.has(other.id) && this.fieldFrom(other, name, sub, undefined, labels)) return true;
    }
    return false;
  }

  /** Whether `vertex` itself can give field `name` (and then `sub` below it). */
  private fieldFrom(
    vertex: QueryGraphVertex,
    name: string,
    sub: SelectionSetNode | undefined,
    provided: SelectionSetNode | undefined,
    labels: Labels,
  ): boolean {
    const edge = vertex.fields.get(name);
    if (!edge) return false;
    const viaProvides = provided ? this.providedField(provided, vertex.type, name) : undefined;
    let overlay: SelectionSetNode | undefined;
    if (viaProvides) {
      overlay = viaProvides.sub;
    } else {
      // Like Apollo, a field overridden away (even if still "used") resolves nothing here.
      // As in Apollo, a progressive-override field never serves a condition, whichever way its
      // label is set on this branch: conditions are checked once for every label setting.
      if (edge.external || edge.usedOverridden || edge.overrideCondition) return false;
      if (
        edge.requires &&
        !this.canResolve(vertex, edge.requires.selectionSet, undefined, labels)
      ) {
        return false;
      }
      overlay = edge.provides?.selectionSet;
    }
    if (!sub) return true;
    return !!edge.tail && this.canResolve(edge.tail, sub, overlay, labels);
  }
}
