export { printQueryGraphDot, printQueryGraphMermaid } from './dump.js';
export type { DumpOptions } from './dump.js';
export { buildQueryGraph } from './query-graph.js';
export type {
  DowncastEdge,
  FieldEdge,
  KeyEdge,
  OverrideCondition,
  QueryGraph,
  QueryGraphEdge,
  QueryGraphVertex,
} from './query-graph.js';
