/**
 * Per-key token buckets: each key may make `burst` requests at once and `requestsPerSecond`
 * on average. The limit protects the registry (and its database) from one runaway client, a CI
 * loop or a misconfigured gateway fleet sharing a key, without slowing anyone who behaves: the
 * defaults are far above what a gateway fleet polling every 10 s needs.
 *
 * Buckets live in the process, so with several registry processes behind a load balancer each
 * enforces its own share; that is the usual trade-off (no database round trip per request).
 *
 * @module
 */

export interface RateLimitOptions {
  /** Sustained requests per second per key (default 100). */
  readonly requestsPerSecond?: number;
  /** Requests a key may make at once after being idle (default 200). */
  readonly burst?: number;
}

export const DEFAULT_RATE_LIMIT = { requestsPerSecond: 100, burst: 200 } as const;

/** The answer for one request: allowed, or refused with the seconds until a token is free. */
export type RateLimitDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one token from `key`'s bucket. */
  take(key: string): RateLimitDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets idle this long are full again and can be forgotten (bounds memory). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Creates a limiter. `now` returns milliseconds and exists for tests, which drive the clock
 * instead of sleeping.
 */
export function createRateLimiter(
  options: RateLimitOptions = {},
  now: () => number = () => performance.now(),
): RateLimiter {
  const rate = options.requestsPerSecond ?? DEFAULT_RATE_LIMIT.requestsPerSecond;
  const burst = options.burst ?? DEFAULT_RATE_LIMIT.burst;
  if (!(rate > 0) || !(burst >= 1)) {
    throw new RangeError('rateLimit needs requestsPerSecond > 0 and burst >= 1');
  }
  const buckets = new Map<string, Bucket>();
  const fullAfterMs = (burst / rate) * 1000;
  let lastSweep = now();

  const sweep = (time: number): void => {
    if (time - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = time;
    for (const [key, bucket] of buckets) {
      if (time - bucket.updatedAt >= fullAfterMs) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const time = now();
      sweep(time);
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = { tokens: burst, updatedAt: time };
        buckets.set(key, bucket);
      } else {
        const refill = ((time - bucket.updatedAt) / 1000) * rate;
        bucket.tokens = Math.min(burst, bucket.tokens + refill);
        bucket.updatedAt = time;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)),
      };
    },
  };
}
