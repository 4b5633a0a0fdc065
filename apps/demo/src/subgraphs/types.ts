/**
 * A demo subgraph: its schema and resolvers at each version the scenarios deploy. Versions are
 * what a team would ship one after another (`v1`, then `v2` ...); a scenario "deploys" a version
 * by restarting the subgraph's server with it, and "publishes" it by sending its SDL to the
 * registry, in whichever order the scenario is about.
 */
export interface SubgraphVersion {
  /** The subgraph SDL, as the team's service exposes it through `{ _service { sdl } }`. */
  readonly typeDefs: string;
  /** Resolvers for `buildSubgraphSchema` (`__resolveReference` for entities). */
  readonly resolvers: Record<string, unknown>;
}

export interface DemoSubgraph {
  readonly name: string;
  /** Port it listens on in the demo stack (scenarios add an offset for their own stack). */
  readonly port: number;
  /** The version the stack starts with. */
  readonly initial: string;
  readonly versions: Readonly<Record<string, SubgraphVersion>>;
}

/** Federation 2 header with the directives the demo subgraphs use. */
export const FED2 =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible"])';
