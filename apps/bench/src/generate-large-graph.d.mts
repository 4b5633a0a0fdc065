/** Options of {@link generateLargeGraph}; every count is per subgraph except `subgraphs` and `sharedPool`. */
export interface LargeGraphOptions {
  seed?: number;
  subgraphs?: number;
  entities?: number;
  valueTypes?: number;
  interfaces?: number;
  unions?: number;
  enums?: number;
  inputs?: number;
  sharedPool?: number;
  sharedPerSubgraph?: number;
  extended?: number;
  stubs?: number;
}

export interface GeneratedSubgraph {
  name: string;
  url: string;
  sdl: string;
}

/** A deterministic large federated graph (see generate-large-graph.mjs). */
export function generateLargeGraph(options?: LargeGraphOptions): {
  subgraphs: GeneratedSubgraph[];
  stats: { subgraphs: number; types: number };
};
