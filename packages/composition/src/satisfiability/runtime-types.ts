import { printType, type QueryGraphVertex, type SupergraphField } from '@orrery/core';

/** What {@link compareRuntimeTypes} found about a field resolved by several subgraphs. */
export interface RuntimeTypesProblem {
  /** Error: no runtime type in common. Hint: some in common, but the sets differ. */
  readonly code:
    'SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES' | 'INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN';
  /** The message after the witness query, in Apollo's words. */
  readonly text: string;
  readonly subgraphs: string[];
}

/**
 * Raises SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES and hints INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN:
 * a field that several subgraphs resolve must resolve to the same objects, so the possible
 * runtime types its abstract return type has in each of them (`tails`, the vertices the field
 * led to) must intersect, and should be equal. Interface objects do not know their runtime types
 * and are left out. Undefined when fewer than two subgraphs are involved or the sets are equal.
 */
export function compareRuntimeTypes(
  field: SupergraphField,
  parentType: string,
  tails: readonly QueryGraphVertex[],
): RuntimeTypesProblem | undefined {
  const bySubgraph = new Map<string, Set<string>>();
  for (const v of tails) {
    if (v.kind !== 'INTERFACE' && v.kind !== 'UNION') continue;
    let set = bySubgraph.get(v.subgraph);
    if (!set) {
      set = new Set();
      bySubgraph.set(v.subgraph, set);
    }
    for (const name of v.downcasts.keys()) set.add(name);
  }
  if (bySubgraph.size < 2) return undefined;
  const sets = [...bySubgraph.values()];
  const first = sets[0] as Set<string>;
  if (sets.every((s) => s.size === first.size && [...s].every((t) => first.has(t)))) {
    return undefined;
  }
  const common = [...first].filter((t) => sets.every((s) => s.has(t))).sort();
  const subgraphs = [...bySubgraph.keys()];
  const coordinate = `${parentType}.${field.name}`;
  if (common.length === 0) {
    // Subgraphs with the same set share a line, in order of first appearance.
    const groups = new Map<string, { subgraphs: string[]; types: string[] }>();
    for (const [subgraph, set] of bySubgraph) {
      const types = [...set].sort();
      const key = types.join(',');
      const group = groups.get(key);
      if (group) group.subgraphs.push(subgraph);
      else groups.set(key, { subgraphs: [subgraph], types });
    }
    const lines = [...groups.values()].map(
      (g) =>
        ` - in ${plural('subgraph', g.subgraphs)} ${quoted(g.subgraphs)}, ${plural('type', g.types)} ${quoted(g.types)}`,
    );
    return {
      code: 'SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES',
      subgraphs,
      text: `Shared field "${coordinate}" return type "${printType(field.type)}" has a non-intersecting set of possible runtime types across subgraphs. Runtime types in subgraphs are:\n${lines.join(';\n')}.\nThis is not allowed as shared fields must resolve the same way in all subgraphs, and that implies at least some common runtime types between the subgraphs.`,
    };
  }
  const lines: string[] = [];
  for (const [subgraph, set] of bySubgraph) {
    const extra = [...set].filter((t) => !common.includes(t)).sort();
    if (extra.length === 0) continue;
    lines.push(
      ` - subgraph "${subgraph}" should never resolve "${coordinate}" to an object of ${plural('type', extra)} ${quoted(extra)}`,
    );
  }
  return {
    code: 'INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN',
    subgraphs,
    text: `Shared field "${coordinate}" return type "${printType(field.type)}" has different sets of possible runtime types across subgraphs.\nSince a shared field must be resolved the same way in all subgraphs, make sure that ${plural('subgraph', subgraphs)} ${quoted(subgraphs)} only resolve "${coordinate}" to objects of ${plural('type', common)} ${quoted(common)}. In particular:\n${lines.join(';\n')}.\nOtherwise the @shareable contract will be broken.`,
  };
}

function plural(word: string, items: readonly string[]): string {
  return items.length === 1 ? word : `${word}s`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function quoted(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
