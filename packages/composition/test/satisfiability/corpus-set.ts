/** One satisfiability corpus set (see corpus.ts). */
export interface CorpusSet {
  readonly name: string;
  /** Subgraph name -> SDL, without the federation `@link` header (added by the harness). */
  readonly subgraphs: Readonly<Record<string, string>>;
  /** The `@link` header to add instead of {@link FEDERATION_HEADER}. */
  readonly header?: string;
}

export const FEDERATION_HEADER =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@interfaceObject", "@inaccessible"])\n';

/** Federation 2.8, for sets using `@context` and `@fromContext`. */
export const CONTEXT_HEADER =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@interfaceObject", "@inaccessible", "@context", "@fromContext"])\n';
