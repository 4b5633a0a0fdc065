import { API_ERROR_CODES, type ApiErrorCode, type Diagnostic } from '@orrery/registry-client';

/**
 * The base of every error the registry service throws on purpose. `code` is a stable
 * `ApiErrorCode` from the wire types and `status` its HTTP status, so the HTTP layer turns any
 * `RegistryError` into `{ error: { code, message, details } }` without a lookup table of its own.
 * Anything else thrown by the service is a bug or a storage failure (`INTERNAL`).
 */
export class RegistryError extends Error {
  override readonly name: string = 'RegistryError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details?: { readonly errors?: readonly Diagnostic[] };

  constructor(
    code: ApiErrorCode,
    message: string,
    details?: { readonly errors?: readonly Diagnostic[] },
  ) {
    super(message);
    this.code = code;
    this.status = API_ERROR_CODES[code];
    if (details) this.details = details;
  }
}

/** 400: a malformed argument (bad name, bad graph ref, missing field). */
export class BadRequestError extends RegistryError {
  override readonly name = 'BadRequestError';
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

/** 400: the subgraph SDL is not a valid subgraph; `details.errors` are its diagnostics. */
export class InvalidSdlError extends RegistryError {
  override readonly name = 'InvalidSdlError';
  constructor(message: string, errors: readonly Diagnostic[]) {
    super('INVALID_SDL', message, { errors });
  }
}

/** 401: no key, an unknown key or a revoked one. */
export class UnauthenticatedError extends RegistryError {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'a valid API key is required') {
    super('UNAUTHENTICATED', message);
  }
}

/** 403: the key's role or scope does not allow the call. */
export class ForbiddenError extends RegistryError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** 404: no such graph, variant, subgraph, launch, key or webhook. */
export class NotFoundError extends RegistryError {
  override readonly name = 'NotFoundError';
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** 409: the call conflicts with stored state. */
export class ConflictError extends RegistryError {
  override readonly name = 'ConflictError';
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
