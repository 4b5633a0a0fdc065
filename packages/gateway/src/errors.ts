/**
 * The gateway's coded errors: one base class, one subclass per `ERR_GATEWAY_*` code thrown by
 * the API (undici's pattern). Errors that reach clients inside a GraphQL response are plain
 * {@link GraphQLErrorJson} objects carrying the same codes in `extensions.code`.
 *
 * @module
 */
import type { ErrorCode } from '@orrery/core';

/** A GraphQL error as it goes over the wire. */
export interface GraphQLErrorJson {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Builds a client-facing error with `extensions.code` (and any other extensions). */
export function graphQLError(
  code: ErrorCode | string,
  message: string,
  extra: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> } = {},
): GraphQLErrorJson {
  const error: GraphQLErrorJson = { message };
  if (extra.path) error.path = extra.path;
  error.extensions = { ...extra.extensions, code };
  return error;
}

/** The base of every error the gateway throws: a stable `code`, a `name`, an optional `cause`. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** `ERR_GATEWAY_INVALID_CONFIG`: an option of `createGateway` or `gateway.yaml` is invalid. */
export class InvalidConfigError extends GatewayError {
  override name = 'InvalidConfigError';
  constructor(message = 'Invalid gateway configuration', options?: { cause?: unknown }) {
    super('ERR_GATEWAY_INVALID_CONFIG', message, options);
  }
}

/** `ERR_GATEWAY_SUPERGRAPH_LOAD_FAILED`: a supergraph could not be read, fetched or composed. */
export class SupergraphLoadError extends GatewayError {
  override name = 'SupergraphLoadError';
  constructor(message = 'The supergraph could not be loaded', options?: { cause?: unknown }) {
    super('ERR_GATEWAY_SUPERGRAPH_LOAD_FAILED', message, options);
  }
}

/** `ERR_GATEWAY_NOT_READY`: no supergraph has been loaded yet. */
export class NotReadyError extends GatewayError {
  override name = 'NotReadyError';
  constructor(
    message = 'The gateway has not loaded a supergraph yet',
    options?: { cause?: unknown },
  ) {
    super('ERR_GATEWAY_NOT_READY', message, options);
  }
}

/** Why a subgraph request failed; each kind has its own code. */
export type SubgraphFailureKind = 'request' | 'timeout' | 'invalid-response';

const FAILURE_CODES = {
  request: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED',
  timeout: 'ERR_GATEWAY_SUBGRAPH_TIMEOUT',
  'invalid-response': 'ERR_GATEWAY_SUBGRAPH_INVALID_RESPONSE',
} as const satisfies Record<SubgraphFailureKind, ErrorCode>;

/**
 * A subgraph request that gave no usable GraphQL response. Never escapes a request: the executor
 * turns it into GraphQL errors for the fields the fetch owns.
 */
export class SubgraphRequestError extends GatewayError {
  override name = 'SubgraphRequestError';
  readonly serviceName: string;
  readonly kind: SubgraphFailureKind;
  /** The HTTP status, when the subgraph answered at all. */
  readonly status: number | undefined;
  constructor(
    serviceName: string,
    kind: SubgraphFailureKind,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(FAILURE_CODES[kind], message, options);
    this.serviceName = serviceName;
    this.kind = kind;
    this.status = options?.status;
  }
}
