/**
 * The supergraph description of an element: the most common non-empty description among the
 * subgraphs (ties go to the first subgraph in name order); an empty one only if there is no other.
 */
export function mergeDescription(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === undefined) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    const better = v.trim() !== '' && (best === undefined || best.trim() === '' || c > bestCount);
    if (best === undefined || better) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
