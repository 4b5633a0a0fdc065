/**
 * `@orrery/internal-testing`: the harness Orrery's test suites share. Private, never built.
 */

// Subgraph servers
export { startSubgraphServer } from './subgraph-server.js';

// A stand-in for the registry's supergraph route (poller and managed-source unit tests)
export { startFakeRegistry } from './fake-supergraph-registry.js';

// Cleanup
export { createDisposalStack } from './disposal-stack.js';

// Sources
export { dedent, graphql } from './graphql-tag.js';

export type { FakeRegistry } from './fake-supergraph-registry.js';
export type { Closeable, DisposalStack, Disposer } from './disposal-stack.js';
export type {
  GraphQLRequest,
  SubgraphRuntime,
  SubgraphServer,
  SubgraphServerOptions,
} from './subgraph-server.js';
