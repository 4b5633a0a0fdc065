/**
 * The scenario format: a federated graph (subgraph SDL + resolvers over an in-memory data set), a
 * monolith schema over the SAME data, and the operations whose answers must agree.
 *
 * @module
 */
import type { GraphQLResolverMap } from '@apollo/subgraph';

/** A resolver map: `{ Type: { field: resolver, __resolveReference, __resolveType } }`. */
export type Resolvers = GraphQLResolverMap<unknown>;

/** One subgraph of the federated side, served by `@apollo/subgraph`'s `buildSubgraphSchema`. */
export interface ScenarioSubgraph {
  readonly name: string;
  /** The subgraph's SDL as its team writes it (Fed 1 without `@link`, Fed 2 with it). */
  readonly typeDefs: string;
  readonly resolvers: Resolvers;
}

/** The single-server reference: plain graphql-js, no federation. */
export interface ScenarioMonolith {
  readonly typeDefs: string;
  readonly resolvers: Resolvers;
}

/** A client operation, run once on the monolith and once through the gateway. */
export interface ScenarioOperation {
  /** Unique within the scenario; names the test. */
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export interface Scenario {
  /** Kebab-case, unique; also the file name under `src/scenarios/`. */
  readonly name: string;
  /** What the scenario proves, in one or two sentences. */
  readonly description: string;
  readonly subgraphs: readonly ScenarioSubgraph[];
  readonly monolith: ScenarioMonolith;
  readonly operations: readonly ScenarioOperation[];
  /**
   * Restores the data set before each side runs an operation (scenarios with mutations), so
   * the monolith and the gateway start every operation from the same state.
   */
  readonly reset?: () => void;
}

/** Identity helper that type-checks a scenario literal. */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}

/** The `extend schema @link(...)` header of a Fed 2 subgraph importing `imports`. */
export function fed2(imports: readonly string[], version = '2.3'): string {
  const list = imports.map((name) => JSON.stringify(name)).join(', ');
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: [${list}])\n`;
}
