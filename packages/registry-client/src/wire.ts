/**
 * The registry's wire types: every request and response body of the management API
 * (`docs/registry-api.md`), shared by the server (`@orrery/registry` imports them) and by this
 * client, so the two cannot drift. Everything here is plain JSON data.
 */

// ---------------------------------------------------------------------------------------------
// Graph refs

/** A graph and one of its variants: `demo@prod`. A bare `demo` means `demo@current`. */
export interface GraphRef {
  readonly graph: string;
  readonly variant: string;
}

/** Variant used when a graph ref names none (as rover and Apollo's registry do). */
export const DEFAULT_VARIANT = 'current';

/** Graph, variant and subgraph names: a letter, then letters, digits, `_` or `-`; 64 at most. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Stable error codes of the management API. Every non-2xx response has the body
 * `{ "error": ApiErrorBody }`; clients branch on `code`, never on `message`.
 */
export const API_ERROR_CODES = {
  /** 400: the body or a parameter is malformed (not JSON, missing field, bad name). */
  BAD_REQUEST: 400,
  /** 400: the subgraph SDL does not parse or is not a valid subgraph; `details.errors` lists why. */
  INVALID_SDL: 400,
  /** 401: no key, or a key the registry does not know (or a revoked one). */
  UNAUTHENTICATED: 401,
  /** 403: the key is valid but its role or scope does not allow this call. */
  FORBIDDEN: 403,
  /** 404: the graph, variant, subgraph, launch, key or webhook does not exist. */
  NOT_FOUND: 404,
  /** 409: the call conflicts with stored state (variant exists, `expectedLaunchId` is stale...). */
  CONFLICT: 409,
  /** 413: the body is larger than the registry's configured limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** 429: too many requests from this key; retry after `Retry-After` seconds. */
  RATE_LIMITED: 429,
  /** 500: a bug or a storage failure; nothing was written. */
  INTERNAL: 500,
  /** 503: the registry is starting or its database is unreachable. */
  UNAVAILABLE: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** For INVALID_SDL: the diagnostics, each with its source locations. */
  readonly details?: { readonly errors?: readonly Diagnostic[] };
}

/**
 * A composition or validation diagnostic: the shape `@orrery/core` reports (`code` is a plain
 * string here so that this package needs no dependency on core).
 */
export interface Diagnostic {
  /** Apollo-compatible code: `INVALID_GRAPHQL`, `KEY_INVALID_FIELDS`, `SATISFIABILITY_ERROR`... */
  readonly code: string;
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly subgraphs: readonly string[];
  readonly locations: readonly SourceLocation[];
}

/** 1-based line and column; `source` names the subgraph (or file) the SDL came from. */
export interface SourceLocation {
  readonly source?: string;
  readonly line: number;
  readonly column: number;
}

// ---------------------------------------------------------------------------------------------
// Graphs, variants, subgraphs

export interface GraphSummary {
  readonly name: string;
  readonly variants: readonly string[];
  readonly createdAt: string;
}

export interface ContractConfig {
  /** The source variant, `graph@variant` (same graph). */
  readonly source: string;
  readonly includeTags: readonly string[];
  readonly excludeTags: readonly string[];
  readonly hideUnreachableTypes: boolean;
}

export interface VariantSummary {
  readonly graph: string;
  readonly name: string;
  /** Set when this variant is a contract of another. */
  readonly contract?: ContractConfig;
  /** The launch currently served (the last successful one), if any. */
  readonly servedLaunchId?: number;
  /** The newest launch, successful or not. */
  readonly latestLaunchId?: number;
  readonly subgraphCount: number;
  readonly createdAt: string;
}

/** `PUT /graphs/:graph/variants/:variant` */
export interface CreateVariantRequest {
  /** Copy every subgraph of this variant (`graph@variant`) and launch: prod-canary from prod. */
  readonly from?: string;
  /** Make this variant a contract of `contract.source`. Mutually exclusive with `from`. */
  readonly contract?: ContractConfig;
}

export interface CreateVariantResponse {
  readonly variant: VariantSummary;
  /** The launch created by copying or by composing the contract, if any. */
  readonly launch?: Launch;
}

export interface SubgraphSummary {
  readonly name: string;
  readonly url: string;
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface SubgraphDetail extends SubgraphSummary {
  readonly sdl: string;
  /** sha256 of the SDL, hex. */
  readonly sdlHash: string;
}

export interface SubgraphRevision extends SubgraphDetail {
  /** `true` for the revision that recorded a deletion (its `sdl` is the last one before it). */
  readonly deleted: boolean;
}

/** `POST /graphs/:graph/variants/:variant/subgraphs/:name` */
export interface PublishRequest {
  readonly sdl: string;
  /** Routing URL the gateway calls. Required on a subgraph's first publish, kept otherwise. */
  readonly url?: string;
  /** Free text shown in history: a git sha, a CI build number. */
  readonly revisionNote?: string;
  /** Optimistic concurrency: fail with CONFLICT unless the variant's latest launch is this one. */
  readonly expectedLaunchId?: number;
}

export interface PublishResponse {
  /** `created`: first publish; `updated`: new SDL or URL; `unchanged`: identical, no launch. */
  readonly subgraph: 'created' | 'updated' | 'unchanged';
  readonly revision: number;
  /** The launch this publish triggered (absent when unchanged). */
  readonly launch?: Launch;
  /** True when the served supergraph changed (composition succeeded with a new hash). */
  readonly supergraphUpdated: boolean;
  /** Composition errors when the launch failed; the subgraph is still recorded. */
  readonly errors: readonly Diagnostic[];
  readonly hints: readonly Diagnostic[];
  /** Launches of contract variants triggered by this one. */
  readonly contractLaunches: readonly Launch[];
}

/** `DELETE /graphs/:graph/variants/:variant/subgraphs/:name` */
export interface DeleteSubgraphResponse {
  readonly launch?: Launch;
  readonly supergraphUpdated: boolean;
  readonly errors: readonly Diagnostic[];
}

/** `POST /graphs/:graph/variants/:variant/subgraphs/:name/restore` */
export interface RestoreSubgraphRequest {
  /** The revision to bring back; the last one before the deletion by default. */
  readonly revision?: number;
}

// ---------------------------------------------------------------------------------------------
// Launches and supergraphs

export type LaunchTrigger =
  | { readonly kind: 'publish'; readonly subgraph: string }
  | { readonly kind: 'delete'; readonly subgraph: string }
  | { readonly kind: 'restore'; readonly subgraph: string }
  | { readonly kind: 'variant-created'; readonly from?: string }
  | { readonly kind: 'contract'; readonly sourceLaunchId: number; readonly source: string };

/** One change between the served API schema and the new one, from the change detector. */
export interface SchemaChange {
  /** Stable code: `FIELD_REMOVED`, `TYPE_ADDED`, `ARG_CHANGED_TYPE`... (see docs/checks.md). */
  readonly code: string;
  readonly severity: 'breaking' | 'dangerous' | 'safe';
  /** Schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
  readonly coordinate: string;
  readonly message: string;
  /** Detail: old and new types, defaults, `deprecated: true` for removals of deprecated elements. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface Launch {
  /** Monotonic per variant, starting at 1. */
  readonly id: number;
  readonly graph: string;
  readonly variant: string;
  readonly trigger: LaunchTrigger;
  readonly status: 'success' | 'failed';
  /** sha256 of the supergraph SDL, hex (success only). */
  readonly supergraphHash?: string;
  readonly errors: readonly Diagnostic[];
  readonly changes: readonly SchemaChange[];
  /** The key name (or `admin`) that caused it. */
  readonly actor: string;
  readonly createdAt: string;
}

export interface LaunchList {
  readonly launches: readonly Launch[];
  /** Pass as `before` to get the next (older) page. */
  readonly nextBefore?: number;
}

/**
 * `GET /graphs/:graph/variants/:variant/supergraph` answers with the SDL as `text/plain` and
 * these headers; `?format=json` answers with this object instead.
 */
export const SUPERGRAPH_HEADERS = {
  launchId: 'x-orrery-launch-id',
  pollInterval: 'x-orrery-poll-interval',
  supergraphHash: 'x-orrery-supergraph-hash',
} as const;

export interface SupergraphResponse {
  readonly launchId: number;
  readonly hash: string;
  readonly supergraphSdl: string;
  readonly apiSchemaSdl: string;
  readonly createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Keys

export type KeyRole = 'admin' | 'publisher' | 'gateway';

/**
 * What a key may touch. Empty or absent lists mean "all". A publisher may also be limited to
 * subgraph names; a gateway key reads supergraphs and writes usage for its variants only.
 */
export interface KeyScope {
  readonly graphs?: readonly string[];
  /** `graph@variant` refs. */
  readonly variants?: readonly string[];
  readonly subgraphs?: readonly string[];
}

/** `POST /keys` */
export interface CreateKeyRequest {
  readonly name: string;
  readonly role: KeyRole;
  readonly scope?: KeyScope;
}

export interface KeySummary {
  readonly id: string;
  readonly name: string;
  readonly role: KeyRole;
  readonly scope: KeyScope;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

/** The secret is in `key` and is shown this once; the registry stores only its hash. */
export interface CreateKeyResponse extends KeySummary {
  readonly key: string;
}

/**
 * `GET /whoami`: the key a request was sent with, as the registry resolved it. Any role may ask,
 * so a tool can check a key (and show what it may do) before relying on it; the secret is never
 * part of the answer.
 */
export interface WhoAmI {
  /** The key's id, as `GET /keys` lists it; `null` only for an in-process administrator. */
  readonly keyId: string | null;
  readonly name: string;
  readonly role: KeyRole;
  readonly scope: KeyScope;
}

// ---------------------------------------------------------------------------------------------
// Webhooks and audit

/** `POST /graphs/:graph/variants/:variant/webhooks` */
export interface CreateWebhookRequest {
  readonly url: string;
  /** HMAC-SHA256 secret for the `x-orrery-signature` header; generated when absent. */
  readonly secret?: string;
}

export interface WebhookSummary {
  readonly id: string;
  readonly graph: string;
  readonly variant: string;
  readonly url: string;
  readonly createdAt: string;
}

/** Returned once on creation, with the secret. */
export interface CreateWebhookResponse extends WebhookSummary {
  readonly secret: string;
}

/** The JSON body POSTed to a webhook on every launch. */
export interface WebhookPayload {
  readonly event: 'launch';
  readonly graph: string;
  readonly variant: string;
  readonly launch: Launch;
  /** Link to the launch in the registry API. */
  readonly url: string;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly launchId: number;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatusCode?: number;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly actor: string;
  /** `subgraph.publish`, `subgraph.delete`, `variant.create`, `key.create`... */
  readonly action: string;
  readonly graph?: string;
  readonly variant?: string;
  readonly target?: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Health

export interface RegistryInfo {
  readonly name: 'orrery-registry';
  readonly version: string;
  readonly storage: 'pglite' | 'postgres';
}
