/**
 * One registry call over undici: URL, key, timeout, retries and the mapping of every failure to
 * a coded `RegistryClientError`. The typed methods in `client.ts` are thin wrappers over `call`.
 *
 * @module
 */
import { request, type Dispatcher } from 'undici';
import {
  RegistryApiError,
  RegistryBadResponseError,
  RegistryNetworkError,
  RegistryTimeoutError,
  type RegistryClientError,
} from './errors.js';
import { backoffDelay, isIdempotent, isRetryableStatus, parseRetryAfter, sleep } from './retry.js';
import { API_ERROR_CODES, type ApiErrorCode } from './wire.js';

export interface TransportOptions {
  /** The registry's base URL (`http://localhost:4100`); a path prefix is kept. */
  readonly url: string;
  readonly key: string | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly dispatcher: Dispatcher | undefined;
  readonly userAgent: string;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead. */
  readonly maxRetryAfterMs: number;
  /** Called before each retry (for logs and progress lines). */
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: RegistryClientError;
}

export interface CallOptions {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, starting with `/`, already encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses that are answers, not errors (2xx always are). */
  readonly okStatuses?: readonly number[];
  /** Overrides the client's timeout for this call (a long-poll waits longer). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal | undefined;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export function header(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a JSON answer; anything else is ERR_BAD_RESPONSE (a proxy's page, a truncated body). */
export function readJson<T>(response: RawResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch (error) {
    throw new RegistryBadResponseError(
      `the registry answered HTTP ${response.status} with a body that is not JSON`,
      response.status,
      { cause: error },
    );
  }
}

function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(API_ERROR_CODES, code);
}

/** The error an error status stands for: the API's own body, or ERR_BAD_RESPONSE. */
function errorFromResponse(response: RawResponse, origin: string): RegistryClientError {
  const retryAfterMs = parseRetryAfter(header(response, 'retry-after'));
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  if (error && isApiErrorCode(error.code)) {
    const message =
      typeof error.message === 'string' && error.message ? error.message : error.code.toLowerCase();
    const details =
      typeof error.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : undefined;
    return new RegistryApiError(
      error.code,
      message,
      response.status,
      details,
      retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    );
  }
  return new RegistryBadResponseError(
    `${origin} answered HTTP ${response.status} without an API error body (is it an Orrery registry?)`,
    response.status,
  );
}

/** The most useful words of a network failure: undici's message plus the system code. */
function describeNetworkFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code =
    (error as { code?: unknown }).code ??
    (cause instanceof Error ? (cause as { code?: unknown }).code : undefined);
  const message = cause instanceof Error && cause.message ? cause.message : error.message;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

export interface Transport {
  call(options: CallOptions): Promise<RawResponse>;
  readonly baseUrl: string;
}

export function createTransport(options: TransportOptions): Transport {
  const base = new URL(options.url);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`registry URL must be http(s), not ${base.protocol} (${options.url})`);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const origin = `${base.protocol}//${base.host}`;

  function urlFor(path: string, query: CallOptions['query']): string {
    const url = new URL(`${origin}${prefix}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** One attempt: an answer (any status), or a network/timeout error. */
  async function attempt(call: CallOptions, url: string): Promise<RawResponse> {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': options.userAgent,
      ...call.headers,
    };
    if (options.key) headers['authorization'] = `Bearer ${options.key}`;
    let body: string | null = null;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await request(url, {
        method: call.method,
        headers,
        body,
        signal,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      // The caller's own abort is theirs to handle: pass its reason through untouched.
      if (call.signal?.aborted) throw call.signal.reason;
      if (timeout.aborted) {
        throw new RegistryTimeoutError(
          `the registry at ${origin} did not answer ${call.method} ${call.path} within ${timeoutMs} ms`,
          { cause: error },
        );
      }
      throw new RegistryNetworkError(
        `could not reach the registry at ${origin}: ${describeNetworkFailure(error)}`,
        { cause: error },
      );
    }
  }

  async function call(call: CallOptions): Promise<RawResponse> {
    const url = urlFor(call.path, call.query);
    const retries = isIdempotent(call.method) ? options.retries : 0;
    for (let attemptNo = 0; ; attemptNo++) {
      let error: RegistryClientError;
      let retryAfterMs: number | undefined;
      try {
        const response = await attempt(call, url);
        const ok =
          (response.status >= 200 && response.status < 300) ||
          (call.okStatuses?.includes(response.status) ?? false);
        if (ok) return response;
        error = errorFromResponse(response, origin);
        if (!isRetryableStatus(response.status) || attemptNo >= retries) throw error;
        retryAfterMs = parseRetryAfter(header(response, 'retry-after'));
      } catch (thrown) {
        if (
          !(thrown instanceof RegistryNetworkError || thrown instanceof RegistryTimeoutError) ||
          attemptNo >= retries
        ) {
          throw thrown;
        }
        error = thrown;
      }
      // A server that asks for a long pause is better answered with its error than a hang.
      if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) throw error;
      const delayMs =
        retryAfterMs ??
        backoffDelay(attemptNo, {
          baseDelayMs: options.retryBaseDelayMs,
          maxDelayMs: options.retryMaxDelayMs,
        });
      options.onRetry?.({
        method: call.method,
        path: call.path,
        attempt: attemptNo + 1,
        delayMs,
        error,
      });
      await sleep(delayMs, call.signal);
    }
  }

  return { call, baseUrl: `${origin}${prefix}` };
}
