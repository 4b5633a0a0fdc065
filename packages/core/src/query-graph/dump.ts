import type { QueryGraph, QueryGraphVertex } from './query-graph.js';

/** Which part of the graph to dump: by default all of it (large graphs make large pictures). */
export interface DumpOptions {
  /** Only vertices of these subgraphs. */
  readonly subgraphs?: readonly string[];
  /** Only vertices of these types. */
  readonly types?: readonly string[];
}

function selected(graph: QueryGraph, options: DumpOptions): QueryGraphVertex[] {
  return graph.vertices.filter(
    (v) =>
      (!options.subgraphs || options.subgraphs.includes(v.subgraph)) &&
      (!options.types || options.types.includes(v.type)),
  );
}

function fieldLabel(edge: {
  field: string;
  requires?: { source: string };
  provides?: { source: string };
  external: boolean;
}): string {
  let label = edge.field;
  if (edge.external) label += ' (external)';
  if (edge.requires) label += ` @requires(${edge.requires.source})`;
  if (edge.provides) label += ` @provides(${edge.provides.source})`;
  return label;
}

/** The graph as a Graphviz DOT digraph: vertices `Type(subgraph)`, edges labelled. */
export function printQueryGraphDot(graph: QueryGraph, options: DumpOptions = {}): string {
  const vertices = selected(graph, options);
  const ids = new Set(vertices.map((v) => v.id));
  const lines = ['digraph QueryGraph {'];
  const leaves = new Set<string>();
  for (const v of vertices)
    lines.push(`  v${v.id} [label=${JSON.stringify(`${v.type}(${v.subgraph})`)}];`);
  for (const v of vertices) {
    for (const e of v.fields.values()) {
      let tail = `v${e.tail?.id}`;
      if (!e.tail) {
        tail = JSON.stringify(`${e.type}(${v.subgraph})`);
        leaves.add(tail);
      } else if (!ids.has(e.tail.id)) continue;
      lines.push(`  v${v.id} -> ${tail} [label=${JSON.stringify(fieldLabel(e))}];`);
    }
    for (const e of v.downcasts.values()) {
      if (ids.has(e.tail.id))
        lines.push(
          `  v${v.id} -> v${e.tail.id} [label=${JSON.stringify(`... on ${e.tail.type}`)}, style=dashed];`,
        );
    }
    for (const e of graph.keyEdges(v)) {
      if (!ids.has(e.tail.id)) continue;
      const label = e.key ? `key(${e.key.fields.source})` : 'root';
      lines.push(`  v${v.id} -> v${e.tail.id} [label=${JSON.stringify(label)}, style=bold];`);
    }
  }
  for (const leaf of leaves) lines.push(`  ${leaf} [shape=plaintext];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The graph as a Mermaid flowchart (leaf fields left out, to keep it readable). */
export function printQueryGraphMermaid(graph: QueryGraph, options: DumpOptions = {}): string {
  const vertices = selected(graph, options);
  const ids = new Set(vertices.map((v) => v.id));
  const text = (s: string): string => `"${s.replace(/"/g, '#quot;')}"`;
  const lines = ['flowchart LR'];
  for (const v of vertices) lines.push(`  v${v.id}[${text(`${v.type}(${v.subgraph})`)}]`);
  for (const v of vertices) {
    for (const e of v.fields.values()) {
      if (e.tail && ids.has(e.tail.id))
        lines.push(`  v${v.id} -->|${text(fieldLabel(e))}| v${e.tail.id}`);
    }
    for (const e of v.downcasts.values()) {
      if (ids.has(e.tail.id))
        lines.push(`  v${v.id} -.->|${text(`... on ${e.tail.type}`)}| v${e.tail.id}`);
    }
    for (const e of graph.keyEdges(v)) {
      if (ids.has(e.tail.id))
        lines.push(
          `  v${v.id} ==>|${text(e.key ? `key(${e.key.fields.source})` : 'root')}| v${e.tail.id}`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}
