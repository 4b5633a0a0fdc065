import type { DirectiveDefinitionNode } from 'graphql';

/** What the supergraph must link and define, derived by the composer from the subgraphs. */
export interface SupergraphFeatures {
  /** Highest federation version among the subgraphs, e.g. '2.9' (Fed 1 subgraphs count as 2.0). */
  federationVersion: string;
  /**
   * Which linked specs the supergraph must @link because subgraphs use them. `listSize` means a
   * subgraph applies `@listSize`: the cost spec is linked with `import: ["@listSize"]` (with only
   * `cost`, it is linked without imports and defines `@cost__listSize`).
   */
  uses: ReadonlySet<
    | 'tag'
    | 'inaccessible'
    | 'authenticated'
    | 'requiresScopes'
    | 'policy'
    | 'cost'
    | 'listSize'
    | 'context'
    | 'cacheTag'
  >;
  /** Custom directives kept by @composeDirective: the spec URL they were linked from (if any), and their names. */
  composedDirectives: readonly {
    url?: string;
    /** The directive's name in the supergraph, without `@`. */
    name: string;
    definition: DirectiveDefinitionNode;
    /**
     * The directive's name inside its spec, when the subgraphs imported it under another name
     * (`import: [{name: "@zed", as: "@aaa"}]` gives `zed`, `@link(url: ".../foo/v1.0", as:
     * "bar")` with `@bar` gives `foo`). Default: `name`, or `x` for a `@<spec>__x` name.
     */
    originalName?: string;
  }[];
  /**
   * Supergraph names of federation directives that subgraphs imported under another name
   * (`import: [{name: "@tag", as: "@mytag"}]`), keyed by spec directive name without `@`:
   * `{ tag: 'mytag' }`. The link then lists the import and the definition uses that name.
   */
  directiveNames?: Readonly<Record<string, string>>;
}

/** One subgraph, as its `join__Graph` value records it. */
export interface SupergraphGraph {
  enumValue: string;
  name: string;
  url: string;
}

/** The root operation types of the supergraph. */
export interface SupergraphRoots {
  query: string;
  mutation?: string;
  subscription?: string;
  /** The schema definition's description: composition keeps the subgraphs' schema description. */
  description?: string;
}
