/**
 * `@orrery/gateway`: serves a supergraph's API schema over GraphQL-over-HTTP and executes query
 * plans against the subgraphs, with hot-swapped supergraphs and plugins.
 *
 * @example
 * import { createGateway, createServer, fileSupergraph } from '@orrery/gateway';
 * const gateway = createGateway({ supergraph: fileSupergraph('supergraph.graphql', { watch: true }) });
 * await gateway.ready;
 * createServer(gateway).listen(4000);
 */

// The gateway
export { createGateway, ERROR_CHANNEL, SUPERGRAPH_CHANNEL } from './gateway/create-gateway.js';
export type {
  ExecutionResponse,
  Gateway,
  GatewayLimits,
  GatewayOptions,
  UpdateResult,
} from './gateway/create-gateway.js';

// HTTP
export { createServer } from './http/server.js';
export type { HandlesRequests, ServerOptions } from './http/server.js';
export type { GatewayRequest, GatewayResponse } from './http/types.js';

// Plugins
export { useOperationLimits, DEFAULT_OPERATION_LIMITS } from './plugins/use-operation-limits.js';
export type { OperationLimits } from './plugins/use-operation-limits.js';
export { useDisableIntrospection } from './plugins/use-disable-introspection.js';
export { useHeaderPropagation } from './plugins/use-header-propagation.js';
export type { HeaderPropagationOptions } from './plugins/use-header-propagation.js';
export { requestIdOf, useRequestId } from './plugins/use-request-id.js';
export type { RequestIdOptions } from './plugins/use-request-id.js';
export { useMetrics } from './plugins/use-metrics.js';
export type { MetricsOptions, RequestOutcome } from './plugins/use-metrics.js';
export { useTracing } from './plugins/use-tracing.js';
export type { TracingOptions } from './plugins/use-tracing.js';
export { INCLUDE_TRACE_HEADER, useFederatedTracing } from './plugins/use-federated-tracing.js';
export type {
  FederatedTraceInfo,
  FederatedTracingOptions,
} from './plugins/use-federated-tracing.js';
export { REDACTED_HEADERS, useLogger } from './plugins/use-logger.js';
export type { LoggerOptions } from './plugins/use-logger.js';
export { useHeaderRules } from './plugins/use-header-rules.js';
export type {
  HeaderRules,
  HeaderRulesOptions,
  HeaderSelector,
  RequestHeaderRule,
  ResponseHeaderRule,
} from './plugins/use-header-rules.js';
export { mergeCacheControl } from './plugins/cache-control.js';
export {
  APOLLO_EXPOSE_QUERY_PLAN_HEADER,
  EXPOSE_QUERY_PLAN_HEADER,
  useExposeQueryPlan,
} from './plugins/use-expose-query-plan.js';
export type { ExposedQueryPlan } from './plugins/use-expose-query-plan.js';
export {
  clientInfo,
  DEFAULT_CLIENT_NAME_HEADER,
  DEFAULT_CLIENT_VERSION_HEADER,
  useClientAwareness,
} from './plugins/use-client-awareness.js';
export type { ClientAwarenessOptions, ClientInfo } from './plugins/use-client-awareness.js';
export { useUsageReporting } from './plugins/use-usage-reporting.js';
export type {
  UsageReportingOptions,
  UsageReportingPlugin,
  UsageReportingStats,
} from './plugins/use-usage-reporting.js';
export type { SendUsageReport } from './usage/reporter.js';
export { usageSignature } from './usage/signature.js';
export { collectCoordinates } from './usage/coordinates.js';
export { useSandbox } from './sandbox/use-sandbox.js';
export type { SandboxOptions } from './sandbox/use-sandbox.js';
export type {
  GatewayPlugin,
  OnExecutePayload,
  OnParsePayload,
  OnPlanPayload,
  OnRequestPayload,
  OnResponsePayload,
  OnSubgraphRequestPayload,
  OnSupergraphChangePayload,
  OnValidatePayload,
  GraphQLExchange,
  OnSubgraphResponse,
  OnSubgraphResponsePayload,
  OnSupergraphErrorPayload,
  PhaseTiming,
  RequestContext,
} from './plugin.js';

// Supergraph sources
export { staticSupergraph } from './supergraph-source/source.js';
export type { SupergraphListener, SupergraphSource } from './supergraph-source/source.js';
export { fileSupergraph } from './supergraph-source/file.js';
export type { FileSupergraphOptions } from './supergraph-source/file.js';
export { composeServiceList, serviceListSupergraph } from './supergraph-source/service-list.js';
export type { ServiceListOptions, ServiceListSubgraph } from './supergraph-source/service-list.js';
export { defaultCacheDir, managedSupergraph } from './supergraph-source/managed.js';
export type { ManagedSupergraphOptions } from './supergraph-source/managed.js';

// Subgraph requests
export { createSubgraphFetcher, DEFAULT_SUBGRAPH_TIMEOUT_MS } from './fetch/subgraph-fetcher.js';
export type {
  SubgraphFetch,
  SubgraphFetcher,
  SubgraphFetcherOptions,
  SubgraphRequest,
  SubgraphResponse,
} from './fetch/subgraph-fetcher.js';

// Errors
export {
  GatewayError,
  InvalidConfigError,
  NotReadyError,
  SubgraphRequestError,
  SupergraphLoadError,
} from './errors.js';
export type { GraphQLErrorJson, SubgraphFailureKind } from './errors.js';
