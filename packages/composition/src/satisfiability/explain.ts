import {
  type FieldEdge,
  namedTypeOfPrinted,
  type QueryGraph,
  type QueryGraphVertex,
} from '@orrery/core';
import { Kind, type SelectionNode, type SelectionSetNode } from 'graphql';
import { type ConditionResolver, labelAllows, type Labels } from './conditions.js';

/** Why the subgraph paths at a point could not go on, in the layout of Apollo's messages. */
export interface Explanation {
  readonly text: string;
  /** The subgraphs the explanation names, in order. */
  readonly subgraphs: string[];
}

interface PathLike {
  readonly vertex: QueryGraphVertex;
  readonly provided: unknown;
}

/** Why an edge's `@fromContext` arguments cannot be filled on a path (see contexts.ts). */
export type ContextCheck<P extends PathLike> = (
  path: P,
  edge: FieldEdge,
) => 'no-match' | 'unsatisfiable' | undefined;

const contextReason = (failure: 'no-match' | 'unsatisfiable', coordinate: string): string =>
  failure === 'no-match'
    ? `could not find a match for required context for field "${coordinate}".`
    : `cannot satisfy @require conditions on field "${coordinate}".`;

/**
 * Explains, as Apollo does, why no subgraph path could take field `field`. Listed are the
 * state's paths and, after each, the subgraphs its key jumps reach (Apollo's indirect paths).
 * Per listed subgraph: why the field cannot be taken there (missing, external, overridden,
 * `@requires` or context unmet), then, for every other subgraph that has the field and is not
 * listed, why no key jump leads there; an indirect path's jumps to subgraphs its origin reaches
 * directly are "ignored" (Apollo prefers the more direct path).
 */
export function explainFieldFailure<P extends PathLike>(
  graph: QueryGraph,
  conditions: ConditionResolver,
  paths: readonly P[],
  field: string,
  labels: Labels,
  contextCheck: ContextCheck<P> = () => undefined,
): Explanation {
  const lines: string[] = [];
  const subgraphs: string[] = [];
  const mention = (name: string): void => {
    if (!subgraphs.includes(name)) subgraphs.push(name);
  };
  const done = new Set<number>();
  const explain = (path: P, v: QueryGraphVertex, origin: QueryGraphVertex | undefined): void => {
    done.add(v.id);
    mention(v.subgraph);
    const reasons = directReasons(graph, v, field, labels, (edge) => contextCheck(path, edge));
    // From the origin, every subgraph its jumps reach is listed on its own line.
    const fromOrigin = conditions.keyReachableIndex(
      origin ?? path.vertex,
      origin ? undefined : (path.provided as SelectionSetNode | undefined),
      labels,
    );
    const type = graph.supergraph.types.get(v.type);
    for (const [name] of type?.subgraphs ?? []) {
      if (name === v.subgraph) continue;
      const other = graph.vertex(v.type, name);
      if (!other || other.id === origin?.id) continue;
      const keys = type?.subgraphs.get(name)?.keys ?? [];
      if (origin && fromOrigin.has(other.id)) {
        for (const key of keys) {
          if (!key.resolvable) continue;
          reasons.push(
            `ignoring moving to subgraph "${name}" using @key(fields: "${key.fields.source}") of "${v.type}" because there is a more direct path in ${name} that avoids ${v.subgraph} altogether.`,
          );
        }
        continue;
      }
      if (!origin && fromOrigin.has(other.id)) continue;
      const otherEdge = other.fields.get(field);
      if (
        !otherEdge ||
        otherEdge.external ||
        otherEdge.usedOverridden ||
        !labelAllows(otherEdge, labels)
      )
        continue;
      // An indirect path only knows its key edges: subgraphs without a resolvable key are the
      // origin's business.
      if (origin && !keys.some((k) => k.resolvable)) continue;
      mention(name);
      const has = `which has field "${other.type}.${field}"`;
      if (keys.length === 0) {
        reasons.push(
          `cannot move to subgraph "${name}", ${has}, because type "${other.type}" has no @key defined in subgraph "${name}".`,
        );
        continue;
      }
      if (keys.every((k) => !k.resolvable)) {
        reasons.push(
          `cannot move to subgraph "${name}", ${has}, because none of the @key defined on type "${other.type}" in subgraph "${name}" are resolvable (they are all declared with their "resolvable" argument set to false).`,
        );
        continue;
      }
      for (const key of keys) {
        if (!key.resolvable) continue;
        if (conditions.canResolve(v, key.fields.selectionSet, undefined, labels)) continue;
        const overridden = keyUsesOverridden(v, key.fields.selectionSet.selections);
        reasons.push(
          `cannot move to subgraph "${name}" using @key(fields: "${key.fields.source}") of "${other.type}", the key field(s) cannot be resolved from subgraph "${v.subgraph}"${overridden ? ` (note that some of those key fields are overridden in "${v.subgraph}")` : ''}.`,
        );
      }
    }
    if (reasons.length === 0) reasons.push(`cannot find field "${v.type}.${field}".`);
    lines.push(
      reasons.length === 1
        ? `- from subgraph "${v.subgraph}": ${reasons[0]}`
        : `- from subgraph "${v.subgraph}":\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
    );
  };
  for (const path of paths) {
    if (done.has(path.vertex.id)) continue;
    explain(path, path.vertex, undefined);
    const provided = path.provided as SelectionSetNode | undefined;
    for (const other of conditions.keyReachable(path.vertex, provided, labels)) {
      if (!done.has(other.id)) explain(path, other, path.vertex);
    }
  }
  return { text: lines.join('\n'), subgraphs };
}

/** Why `v` itself cannot take `field` (nothing when it has no such field: callers say so). */
function directReasons(
  graph: QueryGraph,
  v: QueryGraphVertex,
  field: string,
  labels: Labels,
  contextCheck: (edge: FieldEdge) => 'no-match' | 'unsatisfiable' | undefined,
): string[] {
  const coordinate = `${v.type}.${field}`;
  const edge = v.fields.get(field);
  const overrider = [
    ...(graph.supergraph.types.get(v.type)?.fields.get(field)?.subgraphs.values() ?? []),
  ].find((f) => f.override === v.subgraph);
  if (edge?.usedOverridden && overrider) {
    return [
      `field "${coordinate}" is not resolvable because it is overridden by subgraph "${overrider.subgraph}".`,
    ];
  }
  if (edge?.overrideCondition && !labelAllows(edge, labels)) {
    const { label, on } = edge.overrideCondition;
    const tail = namedTypeOfPrinted(edge.type);
    return [
      `Unable to take edge ${v.type}(${v.subgraph}) -> ${tail}(${v.subgraph}) (${label} = ${String(on)} ⊢ ${field}) because override condition "${label}" is ${String(labels.values.get(label) ?? !on)}.`,
    ];
  }
  if (!edge || edge.usedOverridden) return [`cannot find field "${coordinate}".`];
  if (edge.external) return [`field "${coordinate}" is not resolvable because marked @external.`];
  if (edge.requires) return [`cannot satisfy @require conditions on field "${coordinate}".`];
  const failure = edge.contextArguments.length > 0 ? contextCheck(edge) : undefined;
  return failure ? [contextReason(failure, coordinate)] : [];
}

/** Explains that an `@interfaceObject` cannot tell which implementation an object is. */
export function explainDowncastFailure(paths: readonly PathLike[], typeName: string): Explanation {
  const subgraphs: string[] = [];
  const lines: string[] = [];
  for (const path of paths) {
    const v = path.vertex;
    if (subgraphs.includes(v.subgraph)) continue;
    subgraphs.push(v.subgraph);
    lines.push(
      `- from subgraph "${v.subgraph}": no subgraph can be reached to resolve the implementation type of @interfaceObject type "${typeName}".`,
    );
  }
  return { text: lines.join('\n'), subgraphs };
}

/** Whether a key's top-level fields include one overridden away from `vertex`'s subgraph. */
function keyUsesOverridden(
  vertex: QueryGraphVertex,
  selections: readonly SelectionNode[],
): boolean {
  return selections.some(
    (s) => s.kind === Kind.FIELD && vertex.fields.get(s.name.value)?.usedOverridden === true,
  );
}
