/**
 * `@orrery/registry-client`: the typed client of the Orrery registry, and the wire types that the
 * registry server shares with it.
 */

// Graph refs
export { formatGraphRef, InvalidGraphRefError, parseGraphRef } from './graph-ref.js';

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
} from './wire.js';
