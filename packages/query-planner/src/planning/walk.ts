import type { FieldEdge, KeyDefinition, QueryGraph, QueryGraphVertex } from '@orrery/core';
import { Kind, type SelectionSetNode } from 'graphql';
import { PlanLimitError, type PlannerLimits } from '../limits.js';
import type { Condition, OpField, OpFragment, OpSelection } from '../operation/operation.js';
import {
  createFetchGroup,
  type DeferBlock,
  type FetchGroup,
  shareConditions,
} from './fetch-group.js';
import { contextValues } from './context-values.js';
import { type DeferMode, walkDeferred } from './defer-walk.js';
import { FetchEstimates, isAbstract, UNREACHABLE } from './estimate.js';
import { addFieldSet } from './field-sets.js';
import type { PlannerSchema } from './planner-schema.js';
import type { SelectionBuilder } from './selection-builder.js';

/**
 * Walks the client's selections over the query graph, filling fetch groups. The strategy (see
 * `notes.md`): stay in the current subgraph while it can resolve a field; otherwise jump, by a key
 * the current subgraph can produce, into the subgraph whose remaining subtree needs the fewest
 * further fetches, reusing a fetch already planned at the same place when there is one.
 */

/** Where the walk stands: a position inside one fetch group's selection. */
export interface Position {
  readonly group: FetchGroup;
  readonly vertex: QueryGraphVertex;
  readonly sink: SelectionBuilder;
  /** Absolute response path (`'@'` for list items), used by `Flatten`. */
  readonly path: readonly string[];
  /**
   * The client's path to here: field response names and `... on T` for the client's type
   * conditions (what a `Deferred` node's `path` shows).
   */
  readonly queryPath: readonly string[];
  /** The `@provides` selection in force here, if any. */
  readonly provided: SelectionSetNode | undefined;
  /** `@skip`/`@include` conditions from the operation root down to here. */
  readonly conditions: readonly Condition[];
  /** Collects the groups written to (to know what a `@requires` depends on). */
  readonly touched: Set<FetchGroup> | undefined;
  /** Selections added here are the planner's own (keys, requirements): they print first. */
  readonly plannerAdded: boolean;
  /** The innermost type above (or at) this position that sets `@context`s, then outer ones. */
  readonly contexts: ContextScope | undefined;
}

/** A position whose type sets contexts: `@fromContext` arguments below read their values here. */
export interface ContextScope {
  readonly names: readonly string[];
  readonly position: Position;
  readonly outer: ContextScope | undefined;
}

export class PlanWalker {
  readonly groups: FetchGroup[] = [];
  private readonly entityGroups = new Map<string, FetchGroup>();
  private typeConditions = 0;
  /** Vertices whose keys are being fetched from elsewhere (multi-step key resolution). */
  private readonly resolvingKeys = new Set<number>();
  private readonly estimates = new FetchEstimates(this);

  /** The deferred chunks, in the order their fragments were met. */
  readonly deferBlocks: DeferBlock[] = [];
  /** The fragments planned as deferred chunks (left out of the primary subselection). */
  readonly deferredFragments = new Set<OpFragment>();
  /** The chunk the walk is filling; fetch groups created meanwhile belong to it. */
  currentDefer: DeferBlock | undefined;

  /**
   * `defer`: undefined plans `@defer` as if absent; otherwise `on` lists the `if:` variables
   * that are true in this plan (the planner plans each combination under `Condition`s).
   * `fetchesBefore`: fetches planned already for other branches of the same plan (they count
   * against `maxFetches` too).
   */
  constructor(
    readonly graph: QueryGraph,
    readonly schema: PlannerSchema,
    readonly limits: PlannerLimits,
    readonly overrideLabels: ReadonlySet<string>,
    readonly defer: DeferMode | undefined = undefined,
    private readonly fetchesBefore = 0,
  ) {}

  /** Whether this plan makes `fragment` a deferred chunk. */
  isDeferred(fragment: OpFragment): boolean {
    const d = fragment.defer;
    if (!d || !this.defer) return false;
    return d.variable === undefined || this.defer.on.has(d.variable);
  }

  /** Opens a chunk for a deferred fragment at `queryPath`, nested in the current one. */
  openDeferBlock(fragment: OpFragment, queryPath: readonly string[], type: string): DeferBlock {
    const block: DeferBlock = {
      id: this.deferBlocks.length,
      label: fragment.defer?.label,
      queryPath,
      fragment,
      type,
      parent: this.currentDefer,
    };
    this.deferBlocks.push(block);
    this.deferredFragments.add(fragment);
    return block;
  }

  newGroup(
    subgraph: string,
    kind: FetchGroup['operationKind'],
    path: readonly string[],
    parent: FetchGroup | undefined,
    dependsOn: readonly FetchGroup[],
  ): FetchGroup {
    if (this.fetchesBefore + this.groups.length >= this.limits.maxFetches) {
      throw new PlanLimitError(
        'ERR_PLAN_TOO_MANY_FETCHES',
        `The plan needs more than ${this.limits.maxFetches} fetches (maxFetches).`,
      );
    }
    const group = createFetchGroup(
      this.groups.length,
      subgraph,
      kind,
      path,
      parent,
      dependsOn,
      this.currentDefer,
    );
    this.groups.push(group);
    return group;
  }

  /** A field edge the walk may follow here: not overridden away, not external unless provided. */
  usable(
    vertex: QueryGraphVertex,
    name: string,
    provided: SelectionSetNode | undefined,
    forCondition = false,
  ): FieldEdge | undefined {
    const edge = vertex.fields.get(name);
    if (!edge) return undefined;
    if (edge.usedOverridden && !forCondition) return undefined;
    const override = edge.overrideCondition;
    if (override && override.on !== this.overrideLabels.has(override.label)) return undefined;
    if (edge.external && !this.providedField(provided, vertex.type, name)) return undefined;
    return edge;
  }

  /** The `@provides` selection of `name` at `type`, if the provided selection names it. */
  private providedField(
    provided: SelectionSetNode | undefined,
    type: string,
    name: string,
  ): SelectionSetNode | true | undefined {
    if (!provided) return undefined;
    for (const s of provided.selections) {
      if (s.kind === Kind.FIELD && s.name.value === name) return s.selectionSet ?? true;
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const tc = s.typeCondition?.name.value;
        if (tc === undefined || tc === type || this.schema.possibleTypes(tc).has(type)) {
          const found = this.providedField(s.selectionSet, type, name);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  /** The object types a subgraph can return at an abstract vertex. */
  private runtimeTypes(vertex: QueryGraphVertex): string[] {
    return [...vertex.downcasts.keys()];
  }

  walkSelections(pos: Position, selections: readonly OpSelection[]): void {
    for (const selection of selections) {
      if (selection.kind === 'Field') this.walkField(pos, selection);
      else this.walkFragment(pos, selection);
    }
  }

  walkField(pos: Position, field: OpField): void {
    if (field.name === '__typename') {
      // Root types may be named differently in subgraphs: the gateway fills their __typename in.
      if (this.schema.isRootType(pos.vertex.type)) return;
      // An @interfaceObject answers with the interface's name: the client wants the object type.
      const real =
        pos.vertex.isInterfaceObject && !pos.plannerAdded
          ? this.toRealInterface(pos, field.conditions)
          : undefined;
      if (real) {
        this.walkField(real, field);
        return;
      }
      pos.sink.field(
        '__typename',
        field.alias,
        [],
        field.directives,
        field.conditions,
        false,
        pos.plannerAdded,
        'String!',
      );
      pos.touched?.add(pos.group);
      return;
    }
    // Introspection is answered by the gateway, not the subgraphs.
    if (field.name.startsWith('__')) return;
    if (isAbstract(pos.vertex)) this.walkAbstractField(pos, field);
    else this.walkObjectField(pos, field);
  }

  walkObjectField(pos: Position, field: OpField): void {
    const edge = this.usable(pos.vertex, field.name, pos.provided);
    if (edge && !edge.requires && !edge.hasContextArguments) this.addLocal(pos, field, edge);
    else this.jump(pos, field);
  }

  /** Adds a field the position's subgraph resolves, and walks its selections in the same fetch. */
  addLocal(pos: Position, field: OpField, edge: FieldEdge): void {
    const composite = field.selections !== undefined;
    const entry = pos.sink.field(
      field.name,
      field.alias,
      field.arguments,
      field.directives,
      field.conditions,
      composite,
      pos.plannerAdded,
      edge.type,
    );
    pos.touched?.add(pos.group);
    if (!field.selections || !entry.selections) return;
    const tail = edge.tail;
    if (!tail) return;
    if (isAbstract(tail)) entry.selections.typename();
    const provided = edge.provides
      ? edge.provides.selectionSet
      : this.providedSub(pos.provided, pos.vertex.type, field.name);
    const child: Position = {
      group: pos.group,
      vertex: tail,
      sink: entry.selections,
      path: extendPath(pos.path, field.responseName, edge.type),
      // Only deferred chunks read it: no copy per field when `@defer` is not planned.
      queryPath: this.defer ? [...pos.queryPath, field.responseName] : pos.queryPath,
      provided,
      conditions: field.conditions.length
        ? [...pos.conditions, ...field.conditions]
        : pos.conditions,
      touched: pos.touched,
      plannerAdded: pos.plannerAdded,
      contexts: pos.contexts,
    };
    this.walkSelections(this.withContexts(child), field.selections);
  }

  /** The position, as the scope of the contexts its type sets (if it sets any). */
  private withContexts(pos: Position): Position {
    const names = this.schema.contextsSetBy(pos.vertex.type);
    if (names.length === 0) return pos;
    const scope: ContextScope = { names, position: pos, outer: pos.contexts };
    const inner: Position = { ...pos, contexts: scope };
    // The scope's own position must see itself: selections walked there set the same contexts.
    (scope as { position: Position }).position = inner;
    return inner;
  }

  private providedSub(
    provided: SelectionSetNode | undefined,
    type: string,
    name: string,
  ): SelectionSetNode | undefined {
    const found = this.providedField(provided, type, name);
    return found === true ? undefined : found;
  }

  private walkAbstractField(pos: Position, field: OpField): void {
    const vertex = pos.vertex;
    const runtime = this.runtimeTypes(vertex);
    const edge = this.usable(vertex, field.name, pos.provided);
    const direct =
      edge !== undefined &&
      !edge.requires &&
      !edge.hasContextArguments &&
      runtime.every((t) => {
        const tv = this.graph.vertex(t, vertex.subgraph);
        const e = tv && this.usable(tv, field.name, pos.provided);
        return e !== undefined && !e.requires && !e.hasContextArguments;
      });
    if (direct) {
      this.addLocal(pos, field, edge);
      return;
    }
    // An entity interface here, and a subgraph with the field on the interface (or its
    // @interfaceObject): one jump at the interface level, not one per implementation.
    if (vertex.kind === 'INTERFACE' && this.canJump(pos, field)) {
      this.jump(pos, field);
      return;
    }
    for (const type of runtime) {
      const tv = this.graph.vertex(type, vertex.subgraph);
      if (!tv) continue;
      const fragment = this.typeConditionIn(pos.sink, type, pos.plannerAdded);
      this.walkObjectField({ ...pos, vertex: tv, sink: fragment.selections }, field);
    }
  }

  private typeConditionIn(sink: SelectionBuilder, type: string, plannerAdded: boolean) {
    this.countTypeCondition();
    return sink.fragment(type, [], [], plannerAdded);
  }

  private countTypeCondition(): void {
    if (++this.typeConditions > this.limits.maxTypeConditions) {
      throw new PlanLimitError(
        'ERR_PLAN_TOO_MANY_TYPE_CONDITIONS',
        `Expanding abstract types needs more than ${this.limits.maxTypeConditions} type conditions (maxTypeConditions).`,
      );
    }
  }

  walkFragment(pos: Position, fragment: OpFragment): void {
    if (this.isDeferred(fragment)) {
      walkDeferred(this, pos, fragment);
      return;
    }
    const vertex = pos.vertex;
    const condition = fragment.typeCondition;
    const conditions = fragment.conditions.length
      ? [...pos.conditions, ...fragment.conditions]
      : pos.conditions;
    // The client's type condition is part of the query path (`Deferred(path: "a/... on T")`).
    const queryPath =
      this.defer && condition !== undefined && condition !== vertex.type
        ? [...pos.queryPath, `... on ${condition}`]
        : pos.queryPath;
    const wrap = fragment.directives.length > 0 || fragment.conditions.length > 0;
    const here = (target: QueryGraphVertex, typeCondition: string | undefined): void => {
      if (!wrap && target === vertex) {
        this.walkSelections({ ...pos, conditions, queryPath }, fragment.selections);
        return;
      }
      if (typeCondition !== undefined && typeCondition !== vertex.type) this.countTypeCondition();
      const entry = pos.sink.fragment(
        typeCondition,
        fragment.directives,
        fragment.conditions,
        pos.plannerAdded,
      );
      this.walkSelections(
        { ...pos, vertex: target, sink: entry.selections, conditions, queryPath },
        fragment.selections,
      );
    };
    if (condition === undefined || condition === vertex.type) {
      here(vertex, condition);
      return;
    }
    if (!isAbstract(vertex)) {
      // An object (or an interface object, which stands for all its implementations here).
      if (vertex.isInterfaceObject) {
        // The subgraph cannot tell the implementations apart: continue the fragment where the
        // interface is real (Apollo does the same), after fetching the key here.
        const real = this.toRealInterface(pos, []);
        if (!real) {
          throw new PlanLimitError(
            'ERR_PLAN_UNSATISFIABLE',
            `Cannot plan "... on ${condition}" on "${vertex.type}" in subgraph "${vertex.subgraph}": no subgraph where "${vertex.type}" is an interface can be reached by a key.`,
          );
        }
        this.walkFragment(real, fragment);
        return;
      }
      if (this.schema.possibleTypes(condition).has(vertex.type)) here(vertex, vertex.type);
      return;
    }
    const possible = this.schema.possibleTypes(condition);
    const matching = this.runtimeTypes(vertex).filter((t) => possible.has(t));
    if (matching.length === 0) return;
    const target = this.graph.vertex(condition, vertex.subgraph);
    if (target) {
      here(target, condition);
      return;
    }
    for (const type of matching) {
      const tv = this.graph.vertex(type, vertex.subgraph);
      if (tv) here(tv, type);
    }
  }

  /** Whether a FieldSet (a key) can be selected in the position's subgraph without another fetch. */
  resolvableHere(
    vertex: QueryGraphVertex,
    selectionSet: SelectionSetNode,
    provided: SelectionSetNode | undefined,
  ): boolean {
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__typename') continue;
        const edge = this.usable(vertex, s.name.value, provided, true);
        if (!edge || edge.requires) return false;
        if (s.selectionSet) {
          if (!edge.tail) return false;
          const sub =
            edge.provides?.selectionSet ?? this.providedSub(provided, vertex.type, s.name.value);
          if (!this.resolvableHere(edge.tail, s.selectionSet, sub)) return false;
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const tc = s.typeCondition?.name.value;
        const target = tc === undefined ? vertex : this.graph.vertex(tc, vertex.subgraph);
        if (target && !this.resolvableHere(target, s.selectionSet, provided)) return false;
      }
    }
    return true;
  }

  /**
   * The field is not resolvable in the position's subgraph (or needs `@requires`/`@fromContext`
   * data first): fetch it from another subgraph (or the same one, through its own key) with an
   * `_entities` fetch that depends on this one.
   */
  private canJump(pos: Position, field: OpField): boolean {
    for (const keyEdge of this.graph.keyEdges(pos.vertex)) {
      if (!keyEdge.key || !this.usable(keyEdge.tail, field.name, undefined)) continue;
      if (this.resolvableHere(pos.vertex, keyEdge.key.fields.selectionSet, pos.provided))
        return true;
    }
    return false;
  }

  /** `forceEntity`: fetch the field through an entity fetch even if this subgraph resolves it. */
  jump(pos: Position, field: OpField, forceEntity = false): void {
    const vertex = pos.vertex;
    interface Choice {
      tail: QueryGraphVertex;
      key: KeyDefinition;
      keyHere: boolean;
      edge: FieldEdge;
      cost: number;
    }
    let best: Choice | undefined;
    const consider = (tail: QueryGraphVertex, key: KeyDefinition): void => {
      const edge = this.usable(tail, field.name, undefined);
      if (!edge) return;
      const reuse = this.entityGroups.has(this.groupKey(tail.subgraph, pos.path, pos.group, []));
      let cost = reuse ? 0 : 1;
      const keyHere = this.resolvableHere(vertex, key.fields.selectionSet, pos.provided);
      if (!keyHere) {
        // Multi-step: the key's fields come from other fetches first (as `@requires` fields
        // do). Not while resolving a key at this vertex already: that could loop.
        if (this.resolvingKeys.has(vertex.id)) return;
        const keyCost = this.estimate(
          vertex,
          this.schema.fieldSetSelections(vertex.type, key.fields.selectionSet),
        );
        if (keyCost >= UNREACHABLE) return;
        cost += keyCost;
      }
      if (edge.requires) cost += 1;
      if (field.selections && edge.tail) cost += this.estimate(edge.tail, field.selections);
      if (!best || cost < best.cost) best = { tail, key, keyHere, edge, cost };
    };
    const own = this.usable(vertex, field.name, pos.provided);
    if (own && (own.requires || own.hasContextArguments || forceEntity)) {
      for (const key of this.schema.keys(vertex.type, vertex.subgraph)) consider(vertex, key);
    }
    for (const keyEdge of this.graph.keyEdges(vertex)) {
      if (keyEdge.key) consider(keyEdge.tail, keyEdge.key);
    }
    const chosen = best as Choice | undefined;
    if (!chosen) {
      throw new PlanLimitError(
        'ERR_PLAN_UNSATISFIABLE',
        `Cannot plan field "${vertex.type}.${field.name}" from subgraph "${vertex.subgraph}": no subgraph that resolves it can be reached by a key "${vertex.subgraph}" can provide.`,
      );
    }
    const { tail, key, keyHere, edge } = chosen;

    // The representation: __typename and the key, then the @requires fields. What this fetch
    // cannot select itself (a key it lacks, required fields) is walked from here as if the
    // client had selected it; the other fetches that walk touches become dependencies.
    pos.sink.typename();
    // A deferred fragment's key is added after the client's selections, where Apollo puts it.
    if (keyHere) addFieldSet(this.graph, pos.sink, key.fields.selectionSet, vertex, !forceEntity);
    pos.touched?.add(pos.group);
    const needs: OpSelection[] = [];
    if (!keyHere)
      needs.push(...this.schema.fieldSetSelections(vertex.type, key.fields.selectionSet));
    if (edge.requires) {
      needs.push(...this.schema.fieldSetSelections(vertex.type, edge.requires.selectionSet));
    }
    const dependencies: FetchGroup[] = [];
    if (needs.length > 0) {
      const touched = new Set<FetchGroup>();
      if (!keyHere) this.resolvingKeys.add(vertex.id);
      try {
        this.walkSelections({ ...pos, touched, plannerAdded: true }, needs);
      } finally {
        if (!keyHere) this.resolvingKeys.delete(vertex.id);
      }
      for (const g of touched) if (g !== pos.group) dependencies.push(g);
    }
    const context = edge.contextArguments.length
      ? contextValues(this, pos, tail.subgraph, field.name, edge.contextArguments, dependencies)
      : undefined;
    const entity = this.enter(
      pos,
      tail,
      key,
      dependencies,
      edge.requires?.selectionSet,
      field.conditions,
    );
    if (context) {
      const group = entity.group;
      for (const v of context.variables) {
        if (!group.contextVariables.some((o) => o.name === v.name)) group.contextVariables.push(v);
      }
      for (const r of context.rewrites) {
        if (!group.contextRewrites.some((o) => o.path.join('/') === r.path.join('/'))) {
          group.contextRewrites.push(r);
        }
      }
      this.addLocal(
        entity,
        { ...field, arguments: [...field.arguments, ...context.arguments] },
        edge,
      );
      return;
    }
    this.addLocal(entity, field, edge);
  }

  /**
   * The position inside an `_entities` fetch to `tail`'s subgraph at `pos`'s path (a fetch
   * already planned there with the same dependencies is reused), its representation (`__typename`,
   * the key, `required` fields) recorded. The caller has put the key into `pos`'s fetch.
   */
  private enter(
    pos: Position,
    tail: QueryGraphVertex,
    key: KeyDefinition,
    dependencies: readonly FetchGroup[],
    required: SelectionSetNode | undefined,
    conditions: readonly Condition[],
  ): Position {
    const vertex = pos.vertex;
    const target = this.entityGroup(tail.subgraph, pos.path, pos.group, dependencies);
    const representation = target.requires.fragment(vertex.type, [], [], true).selections;
    representation.typename();
    addFieldSet(this.graph, representation, key.fields.selectionSet);
    if (required) addFieldSet(this.graph, representation, required);
    // Entering an @interfaceObject from a real type, the concrete __typename must become the
    // interface's name; from the real interface too (`Channel` to `Channel`): its objects carry
    // their implementation's name.
    if (tail.isInterfaceObject && !vertex.isInterfaceObject) {
      const path = [`... on ${vertex.type}`, '__typename'];
      if (!target.inputRewrites.some((r) => r.path[0] === path[0])) {
        target.inputRewrites.push({ kind: 'ValueSetter', path, setValueTo: tail.type });
      }
    }
    shareConditions(target, [...pos.conditions, ...conditions]);
    const entities = target.selection.fragment(tail.type, [], [], false).selections;
    // Leaving an @interfaceObject for the real interface: learn the concrete type on the way.
    if (vertex.isInterfaceObject && !tail.isInterfaceObject) entities.typename();
    return {
      group: target,
      vertex: tail,
      sink: entities,
      path: pos.path,
      queryPath: pos.queryPath,
      provided: undefined,
      conditions: pos.conditions,
      touched: pos.touched,
      plannerAdded: pos.plannerAdded,
      contexts: pos.contexts,
    };
  }

  /** How many more fetches resolving `selections` from `vertex` needs (see `estimate.ts`). */
  estimate(vertex: QueryGraphVertex, selections: readonly OpSelection[]): number {
    return this.estimates.estimate(vertex, selections);
  }

  /**
   * From an `@interfaceObject` (which stands for every implementation and knows none), the
   * position in a subgraph where the type is a real interface, reached by a key this subgraph
   * selects; there the concrete `__typename` and type conditions can be resolved. Undefined when
   * no such subgraph is reachable.
   */
  private toRealInterface(pos: Position, conditions: readonly Condition[]): Position | undefined {
    const vertex = pos.vertex;
    let chosen: { tail: QueryGraphVertex; key: KeyDefinition; reuse: boolean } | undefined;
    for (const keyEdge of this.graph.keyEdges(vertex)) {
      const { tail, key } = keyEdge;
      if (!key || tail.kind !== 'INTERFACE' || tail.type !== vertex.type) continue;
      if (!this.resolvableHere(vertex, key.fields.selectionSet, pos.provided)) continue;
      const reuse = this.entityGroups.has(this.groupKey(tail.subgraph, pos.path, pos.group, []));
      if (!chosen || (reuse && !chosen.reuse)) chosen = { tail, key, reuse };
    }
    if (!chosen) return undefined;
    pos.sink.typename();
    addFieldSet(this.graph, pos.sink, chosen.key.fields.selectionSet, vertex);
    pos.touched?.add(pos.group);
    return this.enter(pos, chosen.tail, chosen.key, [], undefined, conditions);
  }

  private groupKey(
    subgraph: string,
    path: readonly string[],
    parent: FetchGroup,
    dependencies: readonly FetchGroup[],
  ): string {
    let key = `${subgraph}|${path.join('.')}|${parent.id}`;
    if (this.currentDefer) key += `|defer${this.currentDefer.id}`;
    if (dependencies.length)
      key += `|${dependencies
        .map((d) => d.id)
        .sort((a, b) => a - b)
        .join(',')}`;
    return key;
  }

  private entityGroup(
    subgraph: string,
    path: readonly string[],
    parent: FetchGroup,
    dependencies: readonly FetchGroup[],
  ): FetchGroup {
    const key = this.groupKey(subgraph, path, parent, dependencies);
    let group = this.entityGroups.get(key);
    if (!group) {
      group = this.newGroup(subgraph, 'query', path, parent, [parent, ...dependencies]);
      this.entityGroups.set(key, group);
    }
    return group;
  }
}

/** The response path one level down: the field's response name, then `@` per list level. */
function extendPath(path: readonly string[], responseName: string, type: string): string[] {
  const next = [...path, responseName];
  for (const ch of type) if (ch === '[') next.push('@');
  return next;
}
