import {
  type FieldEdge,
  parseFieldSet,
  type QueryGraph,
  type QueryGraphVertex,
  type SupergraphModel,
  type SupergraphType,
} from '@orrery/core';
import type { SelectionSetNode } from 'graphql';
import type { ConditionResolver, Labels } from './conditions.js';

/**
 * The contexts set above a subgraph path (`@context` types it went through): context name ->
 * the vertex where the path was on the nearest such type. Interned: equal maps are one object,
 * so the signature is a cheap part of path identity.
 */
export interface ContextFrame {
  readonly values: ReadonlyMap<string, QueryGraphVertex>;
  readonly signature: string;
}

/** Why a field's `@fromContext` arguments cannot be filled on a path. */
export type ContextFailure = 'no-match' | 'unsatisfiable';

/**
 * `@fromContext` conditions (join v0.5 `contextArguments`): an argument reads a selection from
 * the nearest type above the field, in the query, that sets its context; the field is usable on
 * a path only if every such context was set above it and its selection can be fetched from there
 * (like `@requires`, with key jumps). Only contexts some field reads are tracked, so graphs
 * without `@fromContext` pay nothing.
 */
export class ContextTracker {
  /** Context names read by some `@fromContext` argument. */
  private readonly used = new Set<string>();
  private readonly frames = new Map<string, ContextFrame>();
  private readonly selections = new Map<string, SelectionSetNode | null>();

  private readonly byType = new Map<string, readonly string[]>();
  private readonly unionsOf = new Map<string, SupergraphType[]>();
  private readonly supergraph: SupergraphModel;

  constructor(
    graph: QueryGraph,
    private readonly conditions: ConditionResolver,
  ) {
    this.supergraph = graph.supergraph;
    for (const type of this.supergraph.types.values()) {
      if (type.kind !== 'UNION' || type.contexts.length === 0) continue;
      for (const member of type.unionMembers) {
        const list = this.unionsOf.get(member);
        if (list) list.push(type);
        else this.unionsOf.set(member, [type]);
      }
    }
    for (const vertex of graph.vertices) {
      for (const edge of vertex.fields.values()) {
        for (const argument of edge.contextArguments) this.used.add(argument.context);
      }
    }
  }

  /**
   * The read contexts that entering `type` sets: its own, and (as Apollo does) those of the
   * interfaces and unions it belongs to.
   */
  setBy(type: SupergraphType): readonly string[] {
    if (this.used.size === 0) return [];
    let names = this.byType.get(type.name);
    if (!names) {
      const all = new Set(type.contexts);
      for (const i of type.interfaces) {
        for (const c of this.supergraph.types.get(i)?.contexts ?? []) all.add(c);
      }
      for (const union of this.unionsOf.get(type.name) ?? []) {
        for (const c of union.contexts) all.add(c);
      }
      names = [...all].filter((c) => this.used.has(c));
      this.byType.set(type.name, names);
    }
    return names;
  }

  /** The frame after a path arrives at `vertex`, a vertex of a type setting `names`. */
  enter(
    frame: ContextFrame | undefined,
    names: readonly string[],
    vertex: QueryGraphVertex,
  ): ContextFrame {
    const values = new Map(frame?.values);
    for (const name of names) values.set(name, vertex);
    const signature = [...values]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, v]) => `${name}=${v.id}`)
      .join(',');
    let interned = this.frames.get(signature);
    if (!interned) {
      interned = { values, signature };
      this.frames.set(signature, interned);
    }
    return interned;
  }

  /** Why `edge` cannot be taken on a path with `frame` above it; undefined when it can. */
  failure(
    edge: FieldEdge,
    frame: ContextFrame | undefined,
    labels: Labels,
  ): ContextFailure | undefined {
    for (const argument of edge.contextArguments) {
      const at = frame?.values.get(argument.context);
      if (!at) return 'no-match';
      const selection = this.selection(argument.selection);
      if (!selection || !this.conditions.canResolve(at, selection, undefined, labels)) {
        return 'unsatisfiable';
      }
    }
    return undefined;
  }

  /** A context selection (`" { prop }"`, braces included) parsed once. */
  private selection(source: string): SelectionSetNode | undefined {
    let parsed = this.selections.get(source);
    if (parsed === undefined) {
      const trimmed = source.trim();
      const inner =
        trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
      parsed = parseFieldSet(inner)?.selectionSet ?? null;
      this.selections.set(source, parsed);
    }
    return parsed ?? undefined;
  }
}
