import type { TypeNode, VariableDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import type { NormalizedOperation, OpFragment } from '../operation/operation.js';
import type { DataRewrite, DeferredNode, FetchNode, PlanNode, QueryPlan } from '../query-plan.js';
import { type AliasResolution, resolveAliasConflicts } from './aliases.js';
import { printDeferredSubselection, printSubselection } from './defer.js';
import type { DeferBlock, FetchGroup } from './fetch-group.js';
import { hiddenReads, hidingTest, readHidden } from './hidden-fields.js';
import type { PlannerSchema } from './planner-schema.js';
import { collectVariables, MinifiedWriter, toPlanSelections } from './selection-builder.js';

/** What {@link assemblePlan} returns: the plan, and how many fetches it numbered. */
export interface AssembledPlan {
  readonly plan: QueryPlan;
  readonly fetches: number;
}

/**
 * Turns the fetch-group DAG into plan nodes. Each group runs after its dependencies: a group
 * whose dependencies lie on one chain hangs under the last of them (`Sequence { parent,
 * Parallel { children } }`); a group waiting on several branches runs after the whole tree.
 * Fetches are numbered in the order they appear in the plan (`Op__subgraph__N`, N from
 * `firstName`: the branches of a `@defer(if:)` condition continue one numbering, as Apollo's).
 *
 * With deferred chunks, the plan is a `Defer` node: the primary part, then one `Deferred` per
 * top-level chunk; a chunk holding nested chunks is itself a `Defer` node inside its `Deferred`.
 * A chunk starts with its fetches whose dependencies lie outside it (`depends`, by fetch id).
 */
export function assemblePlan(
  operation: NormalizedOperation,
  roots: readonly FetchGroup[],
  groups: readonly FetchGroup[],
  schema: PlannerSchema,
  defer?: {
    readonly blocks: readonly DeferBlock[];
    readonly fragments: ReadonlySet<OpFragment>;
  },
  firstName = 0,
): AssembledPlan {
  // Fetches another chunk waits for carry an `id` its `depends` names.
  const withId = new Set<FetchGroup>();
  // Field-merging conflicts first: a fetch may hide a key from the fetches that read it.
  const resolutions = new Map<FetchGroup, AliasResolution | undefined>();
  for (const group of groups) {
    resolutions.set(
      group,
      resolveAliasConflicts(
        group.selection,
        group.isEntity ? '_Entity' : operation.rootType,
        (type) => schema.isObjectType(type),
        hidingTest(group, groups),
      ),
    );
  }
  const reads = hiddenReads(resolutions, groups);
  // Ids count only the fetches that carry one, in plan order, from 0 in each plan (each branch
  // of a `@defer(if:)` condition): Apollo numbers them so.
  const fetchIds = new Map<FetchGroup, string>();
  const fetchNode = (group: FetchGroup, index: number): FetchNode => {
    let id: string | undefined;
    if (withId.has(group)) fetchIds.set(group, (id = String(fetchIds.size)));
    return buildFetchNode(
      operation,
      group,
      firstName + index,
      id,
      resolutions.get(group),
      reads.get(group),
    );
  };
  const attachParent = new Map<FetchGroup, FetchGroup>();
  const children = new Map<FetchGroup, FetchGroup[]>();
  const late: FetchGroup[] = [];
  const chunks = new Map<DeferBlock, { tops: FetchGroup[]; late: FetchGroup[] }>();
  const chunkOf = (block: DeferBlock) => {
    let chunk = chunks.get(block);
    if (!chunk) chunks.set(block, (chunk = { tops: [], late: [] }));
    return chunk;
  };
  const isAncestorOrSelf = (a: FetchGroup, b: FetchGroup): boolean => {
    for (let g: FetchGroup | undefined = b; g; g = attachParent.get(g)) if (g === a) return true;
    return false;
  };
  for (const group of groups) {
    if (group.selection.size === 0) continue;
    const block = group.defer;
    if (!group.isEntity) {
      // Root fields of a deferred fragment: a root fetch starting its chunk.
      if (block) chunkOf(block).tops.push(group);
      continue;
    }
    const deps = [...group.dependsOn];
    const deepest = deps.find((d) => deps.every((o) => isAncestorOrSelf(o, d)));
    for (const d of deps) if (d.defer !== block) withId.add(d);
    if (deepest && deepest.defer === block) {
      attachParent.set(group, deepest);
      const list = children.get(deepest);
      if (list) list.push(group);
      else children.set(deepest, [group]);
    } else if (!block) {
      late.push(group);
    } else if (deepest || deps.every((d) => d.defer !== block)) {
      // Waits only on fetches outside its chunk: starts the chunk.
      chunkOf(block).tops.push(group);
    } else {
      chunkOf(block).late.push(group);
    }
  }

  let counter = 0;
  const subtree = (group: FetchGroup): PlanNode => {
    const fetch = fetchNode(group, counter++);
    // A deferred chunk's root fetch is merged at the response root, as an entity fetch would be.
    const own: PlanNode =
      group.isEntity || group.defer ? { kind: 'Flatten', path: group.path, node: fetch } : fetch;
    const kids = (children.get(group) ?? []).map(subtree);
    let node: PlanNode = sequence([own, parallel(kids)]) ?? own;
    for (const c of [...(group.conditions ?? [])].reverse()) {
      node = c.include
        ? { kind: 'Condition', condition: c.variable, ifClause: node }
        : { kind: 'Condition', condition: c.variable, elseClause: node };
    }
    return node;
  };

  if (operation.kind === 'subscription' && roots[0]) {
    const root = roots[0];
    const primary = fetchNode(root, counter++);
    const rest = sequence([
      parallel((children.get(root) ?? []).map(subtree)),
      ...late.map(subtree),
    ]);
    // Apollo always writes the per-event part as a Sequence, even of one node.
    const restNode: PlanNode | undefined =
      rest && rest.kind !== 'Sequence' ? { kind: 'Sequence', nodes: [rest] } : rest;
    return {
      plan: {
        kind: 'QueryPlan',
        node: { kind: 'Subscription', primary, ...(restNode ? { rest: restNode } : {}) },
      },
      fetches: counter,
    };
  }
  const main =
    operation.kind === 'mutation' ? sequence(roots.map(subtree)) : parallel(roots.map(subtree));
  const node = sequence([main, ...late.map(subtree)]);
  if (!defer || defer.blocks.length === 0) {
    return { plan: node ? { kind: 'QueryPlan', node } : { kind: 'QueryPlan' }, fetches: counter };
  }

  const { blocks, fragments } = defer;
  const deferredNode = (block: DeferBlock): DeferredNode => {
    const chunk = chunkOf(block);
    const chunkNode = sequence([parallel(chunk.tops.map(subtree)), ...chunk.late.map(subtree)]);
    const depends = new Set<FetchGroup>();
    for (const g of [...chunk.tops, ...chunk.late]) {
      for (const d of g.dependsOn) if (d.defer !== block) depends.add(d);
    }
    const subselection = printDeferredSubselection(block.fragment, fragments, block.type);
    const nested = blocks.filter((b) => b.parent === block);
    const body: Pick<DeferredNode, 'subselection' | 'node'> =
      nested.length === 0
        ? {
            ...(subselection !== undefined ? { subselection } : {}),
            ...(chunkNode ? { node: chunkNode } : {}),
          }
        : {
            node: {
              kind: 'Defer',
              primary: {
                ...(subselection !== undefined ? { subselection } : {}),
                ...(chunkNode ? { node: chunkNode } : {}),
              },
              deferred: nested.map(deferredNode),
            },
          };
    return {
      depends: [...depends].map((g) => {
        // A chunk only waits on the primary part or enclosing chunks, numbered before it.
        const id = fetchIds.get(g);
        if (id === undefined) throw new Error(`Deferred chunk depends on unplaced fetch ${g.id}`);
        return { id };
      }),
      ...(block.label !== undefined ? { label: block.label } : {}),
      queryPath: block.queryPath,
      ...body,
    };
  };
  const primarySelection = printSubselection(operation.selections, fragments, operation.rootType);
  const deferred = blocks.filter((b) => b.parent === undefined).map(deferredNode);
  return {
    plan: {
      kind: 'QueryPlan',
      node: {
        kind: 'Defer',
        primary: {
          ...(primarySelection !== undefined ? { subselection: primarySelection } : {}),
          ...(node ? { node } : {}),
        },
        deferred,
      },
    },
    fetches: counter,
  };
}

function sequence(nodes: readonly (PlanNode | undefined)[]): PlanNode | undefined {
  const flat: PlanNode[] = [];
  for (const n of nodes) {
    if (!n) continue;
    if (n.kind === 'Sequence') flat.push(...n.nodes);
    else flat.push(n);
  }
  if (flat.length <= 1) return flat[0];
  return { kind: 'Sequence', nodes: flat };
}

function parallel(nodes: readonly PlanNode[]): PlanNode | undefined {
  const flat: PlanNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'Parallel') flat.push(...n.nodes);
    else flat.push(n);
  }
  if (flat.length <= 1) return flat[0];
  return { kind: 'Parallel', nodes: flat };
}

function rewriteTarget(rewrite: DataRewrite): string {
  return rewrite.kind === 'KeyRenamer' ? rewrite.renameKeyTo : '';
}

/** Subgraph names made into GraphQL name characters, for operation names. */
function sanitize(name: string): string {
  return name.replace(/\W/g, '_');
}

function writeType(w: MinifiedWriter, type: TypeNode): void {
  if (type.kind === Kind.NAMED_TYPE) w.word(type.name.value);
  else if (type.kind === Kind.LIST_TYPE) {
    w.punct('[');
    writeType(w, type.type);
    w.punct(']');
  } else {
    writeType(w, type.type);
    w.punct('!');
  }
}

function writeVariables(w: MinifiedWriter, defs: readonly VariableDefinitionNode[]): void {
  for (const def of defs) {
    w.punct('$');
    w.word(def.variable.name.value);
    w.punct(':');
    writeType(w, def.type);
    if (def.defaultValue) {
      w.punct('=');
      w.value(def.defaultValue);
    }
  }
}

function buildFetchNode(
  operation: NormalizedOperation,
  group: FetchGroup,
  nameIndex: number,
  id: string | undefined,
  conflicts: AliasResolution | undefined,
  reads: ReadonlyMap<string, string> | undefined,
): FetchNode {
  const strip = group.conditions ?? [];
  // Variables that only gated the whole fetch (now a Condition node) are not sent.
  const used = new Set<string>();
  collectVariables(group.selection, used, strip);
  const defs = operation.variables.filter((d) => used.has(d.variable.name.value));
  const name =
    operation.name !== undefined
      ? `${operation.name}__${sanitize(group.subgraph)}__${nameIndex}`
      : undefined;
  const w = new MinifiedWriter(conflicts?.aliases);
  if (group.isEntity) {
    w.word('query');
    if (name) w.word(name);
    w.punct('($');
    w.word('representations');
    w.punct(':[');
    w.word('_Any');
    w.punct('!]!');
    writeVariables(w, defs);
    for (const v of group.contextVariables) {
      w.punct('$');
      w.word(v.name);
      w.punct(':');
      // The argument's type as printed in the supergraph (`String`, `[ID!]!`): tokens as is.
      w.word(v.type);
    }
    w.punct('){');
    w.word('_entities');
    w.punct('(');
    w.word('representations');
    w.punct(':$');
    w.word('representations');
    w.punct(')');
    w.selectionSet(group.selection, strip);
    w.punct('}');
  } else {
    if (name || defs.length > 0 || group.operationKind !== 'query') w.word(group.operationKind);
    if (name) w.word(name);
    if (defs.length > 0) {
      w.punct('(');
      writeVariables(w, defs);
      w.punct(')');
    }
    if (group.defer) {
      // A deferred chunk's root fields, as Apollo writes them: `{...on Query{...}}`.
      w.punct('{');
      w.spread();
      w.word('on');
      w.word(operation.rootType);
      w.selectionSet(group.selection, strip);
      w.punct('}');
    } else {
      w.selectionSet(group.selection, strip);
    }
  }
  const hidden = group.isEntity ? readHidden(toPlanSelections(group.requires), reads) : undefined;
  const inputRewrites = [...(hidden?.rewrites ?? []), ...group.inputRewrites];
  return {
    kind: 'Fetch',
    ...(id !== undefined ? { id } : {}),
    serviceName: group.subgraph,
    ...(hidden ? { requires: hidden.requires } : {}),
    variableUsages: [
      ...defs.map((d) => d.variable.name.value),
      ...group.contextVariables.map((v) => v.name),
    ],
    operation: w.out,
    operationKind: group.isEntity ? 'query' : group.operationKind,
    ...(name ? { operationName: name } : {}),
    ...(inputRewrites.length ? { inputRewrites } : {}),
    ...(conflicts?.rewrites.length ? { outputRewrites: conflicts.rewrites } : {}),
    // Apollo lists context rewrites by variable, not in the order the fields were planned.
    ...(group.contextRewrites.length
      ? {
          contextRewrites: [...group.contextRewrites].sort((a, b) =>
            rewriteTarget(a).localeCompare(rewriteTarget(b)),
          ),
        }
      : {}),
  };
}
