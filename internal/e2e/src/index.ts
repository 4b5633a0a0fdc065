/**
 * `@orrery/internal-e2e`: the gateway correctness harness. A scenario is a federated graph and a
 * monolith over the same data; the runner checks that a gateway answers every operation exactly
 * like the monolith (data, and the set of error paths).
 */

// Scenarios
export { defineScenario, fed2 } from './scenario.js';
export { SCENARIOS } from './scenarios/index.js';

// Running and comparing
export { orreryComposer, runScenario, startScenario } from './runner.js';
export { compareResponses, errorPaths, NO_PATH } from './compare.js';
export {
  buildMonolithSchema,
  executeRequest,
  graphqlJs,
  subgraphRuntime,
  toJson,
} from './graphql-runtime.js';

// Gateways under test
export { apolloGatewayFactory } from './gateways/apollo-gateway.js';
export { orreryGatewayFactory } from './gateways/orrery-gateway.js';

export type {
  Resolvers,
  Scenario,
  ScenarioMonolith,
  ScenarioOperation,
  ScenarioSubgraph,
} from './scenario.js';
export type { Composer, OperationReport, RunningScenario, StartScenarioOptions } from './runner.js';
export type { GatewayFactory, GatewayUnderTest } from './gateways/gateway-under-test.js';
export type { GraphQLResponse } from './graphql-runtime.js';
