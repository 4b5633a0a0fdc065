import type { ApiErrorCode } from './wire.js';

/**
 * Codes the client raises itself, when there is no API error to report:
 * - `ERR_NETWORK`: the registry could not be reached (refused, reset, DNS failure);
 * - `ERR_TIMEOUT`: no complete answer within `timeoutMs`;
 * - `ERR_BAD_RESPONSE`: an answer that is not the registry's (not JSON, no error body, a proxy's
 *   HTML page).
 */
export type ClientErrorCode = 'ERR_NETWORK' | 'ERR_TIMEOUT' | 'ERR_BAD_RESPONSE';

/** Every code a `RegistryClientError` can carry: the API's codes and the client's own. */
export type RegistryClientErrorCode = ApiErrorCode | ClientErrorCode;

/**
 * Base of every error the client throws. Branch on `code` (stable), never on `message`.
 * `status` is the HTTP status when the registry answered; `details` is the API error's details
 * (for `INVALID_SDL`, `details.errors` are the diagnostics).
 */
export class RegistryClientError extends Error {
  override readonly name: string = 'RegistryClientError';
  constructor(
    readonly code: RegistryClientErrorCode,
    message: string,
    readonly status?: number,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The registry answered with an error body (`{ "error": { code, message, details? } }`). */
export class RegistryApiError extends RegistryClientError {
  override readonly name = 'RegistryApiError';
  declare readonly code: ApiErrorCode;
  declare readonly status: number;
  /** Seconds from `Retry-After`, when the registry sent one (429, 503). */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: ApiErrorCode,
    message: string,
    status: number,
    details?: Readonly<Record<string, unknown>>,
    retryAfterSeconds?: number,
  ) {
    super(code, message, status, details);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request never got an answer: connection refused or reset, unknown host. */
export class RegistryNetworkError extends RegistryClientError {
  override readonly name = 'RegistryNetworkError';
  declare readonly code: 'ERR_NETWORK';
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_NETWORK', message, undefined, undefined, options);
  }
}

/** No complete answer within the client's `timeoutMs`. */
export class RegistryTimeoutError extends RegistryClientError {
  override readonly name = 'RegistryTimeoutError';
  declare readonly code: 'ERR_TIMEOUT';
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_TIMEOUT', message, undefined, undefined, options);
  }
}

/** An answer that is not what the registry API sends (wrong content, no error body). */
export class RegistryBadResponseError extends RegistryClientError {
  override readonly name = 'RegistryBadResponseError';
  declare readonly code: 'ERR_BAD_RESPONSE';
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super('ERR_BAD_RESPONSE', message, status, undefined, options);
  }
}

/** True for any error this client throws. */
export function isRegistryClientError(error: unknown): error is RegistryClientError {
  return error instanceof RegistryClientError;
}
