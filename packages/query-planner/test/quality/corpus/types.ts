/** The shape of one corpus file: a supergraph (as subgraphs) and operations planned against it. */
export interface CorpusOperation {
  /** Unique within its supergraph; the pair id is `<supergraph>/<name>`. */
  readonly name: string;
  readonly query: string;
  /** Plan with `@defer` enabled (Apollo: `incrementalDelivery.enableDefer`). */
  readonly defer?: boolean;
}

export interface CorpusSupergraph {
  readonly name: string;
  /** What the graph exercises, for readers of failures. */
  readonly about: string;
  readonly subgraphs: readonly { readonly name: string; readonly sdl: string }[];
  readonly operations: readonly CorpusOperation[];
}

/** The `@link` header of a Federation 2 subgraph importing `imports` (`@` included). */
export function fed2(version: string, imports: readonly string[]): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: [${imports
    .map((name) => `"${name}"`)
    .join(', ')}])\n`;
}
