/**
 * A generated large federated graph for measurements: `subgraphs` subgraphs with
 * `typesPerSubgraph` entity types each. Each type links to the next type of its subgraph and to a
 * type of the next subgraph, which that subgraph extends with a field of its own, so answering
 * queries needs key jumps everywhere.
 */
export function generateLargeGraph(
  subgraphs: number,
  typesPerSubgraph: number,
): { name: string; sdl: string }[] {
  const out: { name: string; sdl: string }[] = [];
  for (let i = 0; i < subgraphs; i++) {
    const next = (i + 1) % subgraphs;
    const lines: string[] = [`type Query { root${i}: T${i}_0 }`];
    for (let j = 0; j < typesPerSubgraph; j++) {
      const sibling = j + 1 < typesPerSubgraph ? `\n  next: T${i}_${j + 1}` : '';
      lines.push(
        `type T${i}_${j} @key(fields: "id") {\n  id: ID!\n  name: String\n  count(first: Int): Int${sibling}\n  ref: T${next}_${j}\n}`,
      );
      // This subgraph also contributes a field to the type of the next subgraph it links to.
      lines.push(`type T${next}_${j} @key(fields: "id") {\n  id: ID!\n  fromS${i}: String\n}`);
    }
    out.push({ name: `s${i}`, sdl: lines.join('\n') });
  }
  return out;
}
