/**
 * `@orrery/registry-client`: the typed client of the Orrery registry, and the wire types that the
 * registry server shares with it.
 */

// The client
export { createRegistryClient } from './client.js';
export type {
  GetSupergraphOptions,
  GraphRefInput,
  RegistryCallOptions,
  RegistryClient,
  RegistryClientOptions,
  SupergraphFetchResult,
  UsageQueryOptions,
} from './client.js';
export type { RetryEvent } from './transport.js';

// Errors
export {
  isRegistryClientError,
  RegistryApiError,
  RegistryBadResponseError,
  RegistryClientError,
  RegistryNetworkError,
  RegistryTimeoutError,
} from './errors.js';
export type { ClientErrorCode, RegistryClientErrorCode } from './errors.js';

// Graph refs
export { formatGraphRef, InvalidGraphRefError, parseGraphRef } from './graph-ref.js';

// Supergraph polling (managed gateways)
export { createSupergraphPoller, SupergraphFetchError } from './supergraph-poller.js';
export type {
  PollResult,
  SupergraphPoller,
  SupergraphPollerOptions,
  SupergraphUpdate,
} from './supergraph-poller.js';

// Wire types
export { API_ERROR_CODES, DEFAULT_VARIANT, NAME_PATTERN, SUPERGRAPH_HEADERS } from './wire.js';
export type {
  ApiErrorBody,
  ApiErrorCode,
  AuditEntry,
  ContractConfig,
  CreateKeyRequest,
  CreateKeyResponse,
  CreateVariantRequest,
  CreateVariantResponse,
  CreateWebhookRequest,
  CreateWebhookResponse,
  DeleteSubgraphResponse,
  Diagnostic,
  GraphRef,
  GraphSummary,
  KeyRole,
  KeyScope,
  KeySummary,
  Launch,
  LaunchList,
  LaunchTrigger,
  PublishRequest,
  PublishResponse,
  RegistryInfo,
  RestoreSubgraphRequest,
  SchemaChange,
  SourceLocation,
  SubgraphDetail,
  SubgraphRevision,
  SubgraphSummary,
  SupergraphResponse,
  VariantSummary,
  WebhookDelivery,
  WebhookPayload,
  WebhookSummary,
  WhoAmI,
} from './wire.js';

// Usage reporting and checks
export { usageOperationId } from './usage-id.js';
export { USAGE_REPORT_VERSION } from './wire-usage.js';
export type {
  AffectedOperation,
  ChangeImpact,
  CheckConfig,
  CheckedChange,
  CheckList,
  CheckRequest,
  CheckResult,
  CheckStatus,
  CheckSummary,
  ClientUsage,
  ContractCheck,
  OperationsTask,
  OperationUsage,
  PlanRegression,
  TaskStatus,
  UsageIngestResponse,
  UsageOperation,
  UsageReport,
  UsageRow,
  UsageView,
} from './wire-usage.js';
