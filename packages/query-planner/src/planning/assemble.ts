import type { TypeNode, VariableDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import type { NormalizedOperation, OpFragment } from '../operation/operation.js';
import type { DataRewrite, DeferredNode, FetchNode, PlanNode, QueryPlan } from '../query-plan.js';
import { type AliasResolution, resolveAliasConflicts } from './aliases.js';
import { printSubselection } from './defer.js';
import type { DeferBlock, FetchGroup } from './fetch-group.js';
import { hiddenReads, hidingTest, readHidden } from './hidden-fields.js';
import type { PlannerSchema } from './planner-schema.js';
import { collectVariables, MinifiedWriter, toPlanSelections } from './selection-builder.js';

/**
 * Turns the fetch-group DAG into plan nodes. Each group runs after its dependencies: a group
 * whose dependencies lie on one chain hangs under the last of them (`Sequence { parent,
 * Parallel { children } }`); a group waiting on several branches runs after the whole tree.
 * Fetches are numbered in the order they appear in the plan (`Op__subgraph__N`).
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
): QueryPlan {
  // Fetches a deferred chunk waits for carry an `id` its `depends` names.
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
  const fetchNode = (group: FetchGroup, index: number): FetchNode =>
    buildFetchNode(
      operation,
      group,
      index,
      withId.has(group),
      resolutions.get(group),
      reads.get(group),
    );
  const attachParent = new Map<FetchGroup, FetchGroup>();
  const children = new Map<FetchGroup, FetchGroup[]>();
  const late: FetchGroup[] = [];
  const chunks = new Map<DeferBlock, { tops: FetchGroup[]; late: FetchGroup[] }>();
  const isAncestorOrSelf = (a: FetchGroup, b: FetchGroup): boolean => {
    for (let g: FetchGroup | undefined = b; g; g = attachParent.get(g)) if (g === a) return true;
    return false;
  };
  for (const group of groups) {
    if (!group.isEntity || group.selection.size === 0) continue;
    const deps = [...group.dependsOn];
    const deepest = deps.find((d) => deps.every((o) => isAncestorOrSelf(o, d)));
    if (group.defer) {
      // A deferred fetch hangs under a fetch of its own chunk, or starts the chunk.
      for (const d of deps) if (!d.defer) withId.add(d);
      const chunk = chunks.get(group.defer) ?? { tops: [], late: [] };
      chunks.set(group.defer, chunk);
      if (deepest?.defer === group.defer) {
        attachParent.set(group, deepest);
        const list = children.get(deepest);
        if (list) list.push(group);
        else children.set(deepest, [group]);
      } else if (deepest || deps.every((d) => !d.defer)) {
        chunk.tops.push(group);
      } else {
        chunk.late.push(group);
      }
      continue;
    }
    if (deepest) {
      attachParent.set(group, deepest);
      const list = children.get(deepest);
      if (list) list.push(group);
      else children.set(deepest, [group]);
    } else {
      late.push(group);
    }
  }

  let counter = 0;
  const fetchIds = new Map<FetchGroup, number>();
  const subtree = (group: FetchGroup): PlanNode => {
    fetchIds.set(group, counter);
    const fetch = fetchNode(group, counter++);
    const own: PlanNode = group.isEntity
      ? { kind: 'Flatten', path: group.path, node: fetch }
      : fetch;
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
      kind: 'QueryPlan',
      node: { kind: 'Subscription', primary, ...(restNode ? { rest: restNode } : {}) },
    };
  }
  const main =
    operation.kind === 'mutation' ? sequence(roots.map(subtree)) : parallel(roots.map(subtree));
  const node = sequence([main, ...late.map(subtree)]);
  if (defer && defer.blocks.length > 0) {
    const primarySelection = printSubselection(operation.selections, defer.fragments);
    const deferred: DeferredNode[] = defer.blocks.map((block) => {
      const chunk = chunks.get(block) ?? { tops: [], late: [] };
      const depends = new Set<FetchGroup>();
      for (const g of [...chunk.tops, ...chunk.late]) {
        for (const d of g.dependsOn) if (!d.defer) depends.add(d);
      }
      const chunkNode = sequence([parallel(chunk.tops.map(subtree)), ...chunk.late.map(subtree)]);
      const subselection = printSubselection(block.selections, defer.fragments);
      return {
        depends: [...depends].map((g) => ({ id: String(fetchIds.get(g) ?? g.id) })),
        ...(block.label !== undefined ? { label: block.label } : {}),
        queryPath: block.queryPath,
        ...(subselection !== undefined ? { subselection } : {}),
        ...(chunkNode ? { node: chunkNode } : {}),
      };
    });
    return {
      kind: 'QueryPlan',
      node: {
        kind: 'Defer',
        primary: {
          ...(primarySelection !== undefined ? { subselection: primarySelection } : {}),
          ...(node ? { node } : {}),
        },
        deferred,
      },
    };
  }
  return node ? { kind: 'QueryPlan', node } : { kind: 'QueryPlan' };
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
  index: number,
  withId: boolean,
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
      ? `${operation.name}__${sanitize(group.subgraph)}__${index}`
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
    w.selectionSet(group.selection, strip);
  }
  const hidden = group.isEntity ? readHidden(toPlanSelections(group.requires), reads) : undefined;
  const inputRewrites = [...(hidden?.rewrites ?? []), ...group.inputRewrites];
  return {
    kind: 'Fetch',
    ...(withId ? { id: String(index) } : {}),
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
