/**
 * Runs a scenario: starts its subgraphs (`@apollo/subgraph` on loopback ports), composes the
 * supergraph with `@orrery/composition`, starts the gateway under test, and compares each
 * operation's answer with the monolith's.
 *
 * @module
 */
import { composeSubgraphs } from '@orrery/composition';
import {
  createDisposalStack,
  startSubgraphServer,
  type GraphQLRequest,
  type SubgraphServer,
} from '@orrery/internal-testing';
import { compareResponses } from './compare.js';
import type { GatewayFactory, GatewayUnderTest } from './gateways/gateway-under-test.js';
import {
  buildMonolithSchema,
  executeRequest,
  graphqlJs,
  subgraphRuntime,
  type GraphQLResponse,
} from './graphql-runtime.js';
import type { IntrospectionQuery } from 'graphql';
import type { Scenario, ScenarioOperation } from './scenario.js';

/** One operation's outcome. */
export interface OperationReport {
  readonly operation: string;
  readonly expected: GraphQLResponse;
  readonly actual: GraphQLResponse;
  /** Empty when the gateway answered like the monolith. */
  readonly mismatches: readonly string[];
}

/** A scenario whose subgraphs and gateway are up. */
export interface RunningScenario {
  readonly scenario: Scenario;
  readonly supergraphSdl: string;
  readonly subgraphs: ReadonlyMap<string, SubgraphServer>;
  run(operation: ScenarioOperation): Promise<OperationReport>;
  /** Differences between the gateway's API schema and the monolith's, both read by introspection. */
  compareSchemas(): Promise<string[]>;
  close(): Promise<void>;
}

/** Supergraph composition, swappable so a failing scenario can be retried with another composer. */
export type Composer = (subgraphs: readonly { name: string; url: string; sdl: string }[]) => string;

/** `@orrery/composition`'s `composeSubgraphs`; throws with the diagnostics when it fails. */
export const orreryComposer: Composer = (subgraphs) => {
  const result = composeSubgraphs(subgraphs);
  if (!result.ok) {
    throw new Error(
      `composition failed:\n${result.errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
};

export interface StartScenarioOptions {
  readonly composer?: Composer;
}

/** Starts everything `scenario` needs; `close()` stops it all. */
export async function startScenario(
  scenario: Scenario,
  gatewayFactory: GatewayFactory,
  options: StartScenarioOptions = {},
): Promise<RunningScenario> {
  const stack = createDisposalStack();
  try {
    const monolith = buildMonolithSchema(scenario.monolith.typeDefs, scenario.monolith.resolvers);
    const subgraphs = new Map<string, SubgraphServer>();
    for (const subgraph of scenario.subgraphs) {
      const server = await startSubgraphServer({
        name: subgraph.name,
        typeDefs: subgraph.typeDefs,
        resolvers: subgraph.resolvers,
        runtime: subgraphRuntime,
      });
      subgraphs.set(subgraph.name, stack.use(server));
    }
    const supergraphSdl = (options.composer ?? orreryComposer)(
      scenario.subgraphs.map((s) => ({
        name: s.name,
        url: subgraphs.get(s.name)!.url,
        sdl: s.typeDefs,
      })),
    );
    const gateway: GatewayUnderTest = stack.use(await gatewayFactory.start(supergraphSdl));

    const answer = async (
      execute: (request: GraphQLRequest) => Promise<GraphQLResponse>,
      op: ScenarioOperation,
    ) => {
      scenario.reset?.();
      return execute({
        query: op.query,
        variables: op.variables ?? null,
        operationName: op.operationName ?? null,
      });
    };

    return {
      scenario,
      supergraphSdl,
      subgraphs,
      async run(operation) {
        const expected = await answer((r) => executeRequest(monolith, r), operation);
        const actual = await answer((r) => gateway.execute(r), operation);
        return {
          operation: operation.name,
          expected,
          actual,
          mismatches: compareResponses(expected, actual),
        };
      },
      async compareSchemas() {
        const request = { query: graphqlJs.getIntrospectionQuery() };
        const want = printIntrospected(await executeRequest(monolith, request));
        const got = printIntrospected(await gateway.execute(request));
        return diffLines(want, got);
      },
      close: () => stack.disposeAll(),
    };
  } catch (error) {
    await stack.disposeAll();
    throw error;
  }
}

/** Runs every operation of `scenario` through a fresh gateway; for scripts and one-off checks. */
export async function runScenario(
  scenario: Scenario,
  gatewayFactory: GatewayFactory,
  options: StartScenarioOptions = {},
): Promise<OperationReport[]> {
  const running = await startScenario(scenario, gatewayFactory, options);
  try {
    const reports: OperationReport[] = [];
    for (const operation of scenario.operations) reports.push(await running.run(operation));
    return reports;
  } finally {
    await running.close();
  }
}

/** The schema an introspection result describes, sorted, as SDL (order-independent compare). */
function printIntrospected(response: GraphQLResponse): string {
  if (!response.data || response.errors) {
    return `introspection failed: ${JSON.stringify(response.errors ?? response)}`;
  }
  const schema = graphqlJs.buildClientSchema(response.data as unknown as IntrospectionQuery);
  return graphqlJs.printSchema(graphqlJs.lexicographicSortSchema(schema));
}

/** Differences per definition (blocks of the printed SDL keyed by their first line). */
function diffLines(expected: string, actual: string): string[] {
  if (expected === actual) return [];
  const blocks = (sdl: string) =>
    new Map(sdl.split('\n\n').map((block) => [block.split('\n')[0] ?? '', block] as const));
  const want = blocks(expected);
  const got = blocks(actual);
  const problems: string[] = [];
  for (const [head, block] of want) {
    const other = got.get(head);
    if (other === undefined) problems.push(`missing: ${block}`);
    else if (other !== block) problems.push(`differs:\n${block}\n--- gateway:\n${other}`);
  }
  for (const [head, block] of got) if (!want.has(head)) problems.push(`unexpected: ${block}`);
  return problems;
}
