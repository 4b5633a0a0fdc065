/**
 * When and how long to wait before trying a registry call again.
 *
 * Only idempotent methods are ever retried (GET, PUT, DELETE): a POST that timed out may have
 * published, and publishing twice creates a second launch. Among those, only failures that a
 * later attempt can fix are retried: no answer at all, a 5xx, or 429.
 *
 * @module
 */

/** HTTP methods whose repetition has the effect of one call. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** True for statuses a retry may cure: overload (429) and server-side failures (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  readonly baseDelayMs: number;
  /** No computed delay exceeds this (a server's Retry-After is judged separately). */
  readonly maxDelayMs: number;
  /** Source of randomness in [0, 1); tests pass a fixed one. */
  readonly random?: () => number;
}

/**
 * Exponential backoff with "full jitter": a uniform delay in [0, min(max, base * 2^attempt)].
 * Jitter spreads a fleet of clients that failed together (a registry restart) so they do not
 * come back in lock-step. `attempt` counts from 0 for the first retry.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  const random = options.random ?? Math.random;
  return Math.floor(random() * ceiling);
}

/**
 * Reads `Retry-After` (delay-seconds or an HTTP date) into milliseconds; `undefined` when absent
 * or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
