/**
 * Errors to HTTP answers, in one place. Whatever a handler throws ends here:
 * - a `RegistryError` (the service's, or an `HttpError` raised by this layer) becomes
 *   `{ error: { code, message, details? } }` with the status `API_ERROR_CODES` gives its code;
 * - a lost or refused database connection: `503 UNAVAILABLE` with `Retry-After`, so clients
 *   (gateways, the CLI) retry and say the registry is unavailable rather than broken;
 * - anything else is a bug or a storage failure: `500 INTERNAL` with a fixed message, the error
 *   itself goes to the log only, so no stack, SQL or path leaks to a client.
 *
 * @module
 */
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode } from '@orrery/registry-client';
import { RegistryError } from '../errors.js';

/**
 * A `RegistryError` raised by the HTTP layer itself that needs response headers (hono's
 * `HTTPException` idea): `Retry-After` on 429, `Allow` on 405.
 */
export class HttpError extends RegistryError {
  override readonly name = 'HttpError';
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(code, message);
    this.headers = headers;
  }
}

/** An error answer ready to write. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: { readonly error: ApiErrorBody };
  readonly headers: Readonly<Record<string, string>>;
}

/** Maps anything thrown to its answer; `log` receives errors that are not `RegistryError`s. */
export function toErrorAnswer(error: unknown, log: (error: unknown) => void): ErrorAnswer {
  if (error instanceof RegistryError) {
    const body: ApiErrorBody =
      error.details === undefined
        ? { code: error.code, message: error.message }
        : { code: error.code, message: error.message, details: error.details };
    return {
      status: API_ERROR_CODES[error.code],
      body: { error: body },
      headers: error instanceof HttpError ? error.headers : {},
    };
  }
  log(error);
  if (isConnectionError(error)) {
    return {
      status: API_ERROR_CODES.UNAVAILABLE,
      body: {
        error: {
          code: 'UNAVAILABLE',
          message: "The registry's database cannot be reached; nothing was written. Retry later.",
        },
      },
      headers: { 'retry-after': '5' },
    };
  }
  return {
    status: API_ERROR_CODES.INTERNAL,
    body: {
      error: {
        code: 'INTERNAL',
        message: 'The registry failed to handle the request; nothing was written.',
      },
    },
    headers: {},
  };
}

/** Socket errors, and PostgreSQL's connection exceptions (class 08) and shutdowns (57P01-57P03). */
const CONNECTION_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|08\w{3}|57P0[123])$/;

/** Whether `error` says the database connection is gone or refused (not a bug in a query). */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_CODES.test(code)) return true;
  // pg and pg-pool say so only in the message when the server drops a connection.
  return (
    typeof message === 'string' &&
    /^(Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect)/.test(
      message,
    )
  );
}
