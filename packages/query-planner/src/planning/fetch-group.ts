import type { Condition, OpFragment } from '../operation/operation.js';
import type { DataRewrite } from '../query-plan.js';
import { SelectionBuilder } from './selection-builder.js';

/** A `@defer`red fragment being planned as its own chunk (`incrementalDelivery.enableDefer`). */
export interface DeferBlock {
  readonly id: number;
  readonly label: string | undefined;
  /**
   * Where the fragment sits in the operation: field response names and the client's `... on T`
   * type conditions, no list markers.
   */
  readonly queryPath: readonly string[];
  readonly fragment: OpFragment;
  /** The type the fragment's selections are read on (its type condition, or the parent's). */
  readonly type: string;
  /** The chunk this one is nested in (a `@defer` inside a deferred fragment). */
  readonly parent: DeferBlock | undefined;
}

/**
 * One future fetch: a subgraph, where its result lands (`path`, absolute from the response root),
 * what it selects, and, for entity fetches, the shape of the representations (`requires`).
 * Groups form a DAG through `dependsOn`; the assembler turns it into Sequence/Parallel nodes.
 */
export interface FetchGroup {
  readonly id: number;
  readonly subgraph: string;
  readonly operationKind: 'query' | 'mutation' | 'subscription';
  readonly isEntity: boolean;
  readonly path: readonly string[];
  /** Root fields, or for entity fetches the `... on T { ... }` fragments inside `_entities`. */
  readonly selection: SelectionBuilder;
  readonly requires: SelectionBuilder;
  /** The groups whose data this one reads (its parent, and whoever fetches `@requires` fields). */
  readonly dependsOn: ReadonlySet<FetchGroup>;
  readonly parent: FetchGroup | undefined;
  /** The deferred chunk this fetch belongs to; undefined for the primary part. */
  readonly defer: DeferBlock | undefined;
  readonly inputRewrites: DataRewrite[];
  /** `@fromContext`: the variables context values are passed in, declared by the operation. */
  readonly contextVariables: { readonly name: string; readonly type: string }[];
  /** `@fromContext`: where each context variable's value is read, relative to each entity. */
  readonly contextRewrites: DataRewrite[];
  /**
   * `@skip`/`@include` conditions every selection of the group shares, lifted to `Condition`
   * nodes around the fetch; undefined until the first selection is added.
   */
  conditions: readonly Condition[] | undefined;
}

export function createFetchGroup(
  id: number,
  subgraph: string,
  operationKind: FetchGroup['operationKind'],
  path: readonly string[],
  parent: FetchGroup | undefined,
  dependsOn: readonly FetchGroup[],
  defer?: DeferBlock,
): FetchGroup {
  return {
    id,
    subgraph,
    operationKind,
    isEntity: parent !== undefined,
    path,
    selection: new SelectionBuilder(),
    requires: new SelectionBuilder(),
    dependsOn: new Set(dependsOn),
    parent,
    defer,
    inputRewrites: [],
    contextVariables: [],
    contextRewrites: [],
    conditions: undefined,
  };
}

/** Narrows a group's shared conditions to those `conditions` also has. */
export function shareConditions(group: FetchGroup, conditions: readonly Condition[]): void {
  if (group.conditions === undefined) {
    group.conditions = conditions;
    return;
  }
  group.conditions = group.conditions.filter((c) =>
    conditions.some((o) => o.variable === c.variable && o.include === c.include),
  );
}
