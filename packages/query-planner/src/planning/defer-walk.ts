import { Kind } from 'graphql';
import type { Condition, OpField, OpFragment, OpSelection } from '../operation/operation.js';
import type { PlanWalker, Position } from './walk.js';

/**
 * Walking `@defer`red fragments (`incrementalDelivery.enableDefer`). A deferred fragment opens a
 * chunk, nested in the chunk being walked if any; every fetch group created while walking it
 * belongs to the chunk. Where its fields are fetched follows what Apollo's planner does:
 *
 * - Where the fragment lands on an entity (an object type with a key the current subgraph can
 *   select), its fields are fetched by `_entities` fetches of their own, even those the current
 *   subgraph resolves, so the primary part does not wait for them. Key fields and `__typename`
 *   come with the parent fetch (it selects them anyway).
 * - Elsewhere (a value type, an interface or union without a key) no fetch can start there: the
 *   fields are selected by the parent fetch and the chunk only names them, until one of the
 *   client's type conditions reaches an entity, where the first rule applies.
 *
 * `if: $variable` is settled before the walk: the planner plans each combination of such
 * variables separately (`PlanWalker.isDeferred` answers for the current one).
 */

/** Which `@defer(if: $variable)` variables are true in the plan being built. */
export interface DeferMode {
  readonly on: ReadonlySet<string>;
}

/** Walks a fragment `walker.isDeferred` said is deferred, at `pos`, as its own chunk. */
export function walkDeferred(walker: PlanWalker, pos: Position, fragment: OpFragment): void {
  const landed = land(walker, pos, fragment);
  const block = walker.openDeferBlock(
    fragment,
    pos.queryPath.filter((p) => p !== '@'),
    fragment.typeCondition ?? pos.vertex.type,
  );
  const outer = walker.currentDefer;
  walker.currentDefer = block;
  try {
    if (landed === 'none') return;
    if (landed === 'other') {
      // Unusual landings (an interface object, a type condition the subgraph does not know):
      // walked as a plain fragment, the fetches it starts still belong to the chunk.
      walker.walkFragment(pos, { ...fragment, defer: undefined });
      return;
    }
    pending(walker, landed, fragment.selections, []);
  } finally {
    walker.currentDefer = outer;
  }
}

/**
 * Where `fragment`'s selections continue from `pos`: `pos` itself, or a position inside
 * `... on T` in the same fetch (an object type below an abstract one), inside the fragment's
 * `@skip`/`@include` when it has some (so the key the chunk needs is fetched on the same
 * condition); `'none'` when no runtime type matches, `'other'` when a plain fragment walk must
 * handle it.
 */
function land(
  walker: PlanWalker,
  pos: Position,
  fragment: OpFragment,
): Position | 'none' | 'other' {
  const vertex = pos.vertex;
  const type = fragment.typeCondition;
  let target = vertex;
  if (type !== undefined && type !== vertex.type) {
    if (vertex.isInterfaceObject) return 'other';
    const abstract = vertex.kind === 'INTERFACE' || vertex.kind === 'UNION';
    if (!abstract) {
      if (!walker.schema.possibleTypes(type).has(vertex.type)) return 'none';
    } else {
      const found = walker.graph.vertex(type, vertex.subgraph);
      if (!found) return 'other';
      target = found;
    }
  }
  const wrap = fragment.directives.length > 0 || fragment.conditions.length > 0;
  if (target === vertex && !wrap) return pos;
  const entry = pos.sink.fragment(
    target === vertex ? undefined : type,
    fragment.directives,
    fragment.conditions,
    pos.plannerAdded,
  );
  return {
    ...pos,
    vertex: target,
    sink: entry.selections,
    conditions: fragment.conditions.length
      ? [...pos.conditions, ...fragment.conditions]
      : pos.conditions,
    queryPath: target === vertex ? pos.queryPath : [...pos.queryPath, `... on ${type}`],
  };
}

/** Deferred selections not yet on an entity: selected in place, type conditions followed. */
function pending(
  walker: PlanWalker,
  pos: Position,
  selections: readonly OpSelection[],
  conditions: readonly Condition[],
): void {
  if (isEntity(walker, pos)) {
    forced(walker, pos, selections, conditions);
    return;
  }
  for (const s of selections) {
    if (s.kind === 'Field') {
      walker.walkField(pos, withConditions(s, conditions));
      continue;
    }
    if (!walker.isDeferred(s) && plain(s)) {
      const landed = land(walker, pos, s);
      if (landed === 'none') continue;
      if (landed !== 'other') {
        pending(walker, landed, s.selections, conditions);
        continue;
      }
    }
    walker.walkFragment(pos, withFragmentConditions(s, conditions));
  }
}

/** Deferred selections on an entity: each field through an `_entities` fetch of the chunk. */
function forced(
  walker: PlanWalker,
  pos: Position,
  selections: readonly OpSelection[],
  conditions: readonly Condition[],
): void {
  const vertex = pos.vertex;
  for (const s of selections) {
    if (s.kind === 'Fragment') {
      const type = s.typeCondition;
      const same =
        type === undefined ||
        type === vertex.type ||
        walker.schema.possibleTypes(type).has(vertex.type);
      if (!walker.isDeferred(s) && plain(s) && same) forced(walker, pos, s.selections, conditions);
      else walker.walkFragment(pos, withFragmentConditions(s, conditions));
      continue;
    }
    const field = withConditions(s, conditions);
    if (s.name.startsWith('__') || isKeyLeaf(walker, pos, s)) walker.walkField(pos, field);
    else walker.jump(pos, field, true);
  }
}

/** An object type (not a root, not an interface object) with a key selectable here. */
function isEntity(walker: PlanWalker, pos: Position): boolean {
  const vertex = pos.vertex;
  if (vertex.kind !== 'OBJECT' || vertex.isInterfaceObject) return false;
  if (walker.schema.isRootType(vertex.type)) return false;
  return walker.schema
    .keys(vertex.type, vertex.subgraph)
    .some((key) => walker.resolvableHere(vertex, key.fields.selectionSet, pos.provided));
}

/** A leaf field of one of the type's keys here: the parent fetch selects it anyway. */
function isKeyLeaf(walker: PlanWalker, pos: Position, field: OpField): boolean {
  if (field.selections || field.arguments.length > 0 || field.directives.length > 0) return false;
  return walker.schema
    .keys(pos.vertex.type, pos.vertex.subgraph)
    .some((key) =>
      key.fields.selectionSet.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === field.name && !s.selectionSet,
      ),
    );
}

function plain(fragment: OpFragment): boolean {
  return fragment.directives.length === 0 && fragment.conditions.length === 0;
}

function withConditions(field: OpField, conditions: readonly Condition[]): OpField {
  return conditions.length ? { ...field, conditions: [...conditions, ...field.conditions] } : field;
}

function withFragmentConditions(
  fragment: OpFragment,
  conditions: readonly Condition[],
): OpFragment {
  return conditions.length
    ? { ...fragment, conditions: [...conditions, ...fragment.conditions] }
    : fragment;
}
