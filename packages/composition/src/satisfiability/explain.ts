import {
  type FieldEdge,
  namedTypeOfPrinted,
  type QueryGraph,
  type QueryGraphVertex,
} from '@orrery/core';
import { Kind, type SelectionNode } from 'graphql';
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
 * Explains, for each subgraph path, why it could not take field `field`:
 * the field is missing or external there, its `@requires` cannot be met, and for every other
 * subgraph that has the field, why no key jump leads there.
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
  for (const path of paths) {
    const v = path.vertex;
    if (done.has(v.id)) continue;
    done.add(v.id);
    mention(v.subgraph);
    const reasons: string[] = [];
    const coordinate = `${v.type}.${field}`;
    const edge = v.fields.get(field);
    const overrider = [
      ...(graph.supergraph.types.get(v.type)?.fields.get(field)?.subgraphs.values() ?? []),
    ].find((f) => f.override === v.subgraph);
    if (edge?.usedOverridden && overrider) {
      reasons.push(
        `field "${coordinate}" is not resolvable because it is overridden by subgraph "${overrider.subgraph}".`,
      );
    } else if (edge?.overrideCondition && !labelAllows(edge, labels)) {
      const { label, on } = edge.overrideCondition;
      const tail = namedTypeOfPrinted(edge.type);
      reasons.push(
        `Unable to take edge ${v.type}(${v.subgraph}) -> ${tail}(${v.subgraph}) (${label} = ${String(on)} ⊢ ${field}) because override condition "${label}" is ${String(labels.values.get(label) ?? !on)}.`,
      );
    } else if (!edge || edge.usedOverridden) {
      reasons.push(`cannot find field "${coordinate}".`);
    } else if (edge.external) {
      reasons.push(`field "${coordinate}" is not resolvable because marked @external.`);
    } else if (edge.requires) {
      reasons.push(`cannot satisfy @require conditions on field "${coordinate}".`);
    } else if (edge.contextArguments.length > 0) {
      const failure = contextCheck(path, edge);
      if (failure) reasons.push(contextReason(failure, coordinate));
    }
    // Subgraphs a key jump reaches where the field's context is missing: Apollo lists them as
    // paths of their own, after this one.
    const after: string[] = [];
    // Every other subgraph that could serve the field: why can we not get there?
    const type = graph.supergraph.types.get(v.type);
    const candidates: QueryGraphVertex[] = [];
    for (const [name] of type?.subgraphs ?? []) {
      if (name === v.subgraph) continue;
      const other = graph.vertex(v.type, name);
      if (other) candidates.push(other);
    }
    for (const other of candidates) {
      const otherEdge = other.fields.get(field);
      if (
        !otherEdge ||
        otherEdge.external ||
        otherEdge.usedOverridden ||
        !labelAllows(otherEdge, labels)
      )
        continue;
      mention(other.subgraph);
      const keys =
        graph.supergraph.types.get(other.type)?.subgraphs.get(other.subgraph)?.keys ?? [];
      const has = `which has field "${other.type}.${field}"`;
      if (keys.length === 0) {
        reasons.push(
          `cannot move to subgraph "${other.subgraph}", ${has}, because type "${other.type}" has no @key defined in subgraph "${other.subgraph}".`,
        );
        continue;
      }
      if (keys.every((k) => !k.resolvable)) {
        reasons.push(
          `cannot move to subgraph "${other.subgraph}", ${has}, because none of the @key defined on type "${other.type}" in subgraph "${other.subgraph}" are resolvable (they are all declared with their "resolvable" argument set to false).`,
        );
        continue;
      }
      let reachable = false;
      for (const key of keys) {
        if (!key.resolvable) continue;
        if (conditions.canResolve(v, key.fields.selectionSet, undefined, labels)) {
          reachable = true;
          continue;
        }
        const overridden = keyUsesOverridden(v, key.fields.selectionSet.selections);
        reasons.push(
          `cannot move to subgraph "${other.subgraph}" using @key(fields: "${key.fields.source}") of "${other.type}", the key field(s) cannot be resolved from subgraph "${v.subgraph}"${overridden ? ` (note that some of those key fields are overridden in "${v.subgraph}")` : ''}.`,
        );
      }
      if (reachable && otherEdge.requires) {
        reasons.push(`cannot satisfy @require conditions on field "${other.type}.${field}".`);
      } else if (reachable && otherEdge.contextArguments.length > 0) {
        const failure = contextCheck(path, otherEdge);
        if (failure) {
          after.push(
            `- from subgraph "${other.subgraph}": ${contextReason(failure, `${other.type}.${field}`)}`,
          );
        }
      }
    }
    if (reasons.length === 0) reasons.push(`cannot find field "${coordinate}".`);
    lines.push(
      reasons.length === 1
        ? `- from subgraph "${v.subgraph}": ${reasons[0]}`
        : `- from subgraph "${v.subgraph}":\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
      ...after,
    );
  }
  return { text: lines.join('\n'), subgraphs };
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
