import { describe, expect, it } from 'vitest';
import { backoffDelay, isIdempotent, isRetryableStatus, parseRetryAfter } from '../src/retry.js';

describe('retry policy', () => {
  it('treats GET, PUT and DELETE as idempotent, POST not', () => {
    expect(['GET', 'put', 'DELETE', 'POST'].map(isIdempotent)).toEqual([true, true, true, false]);
  });

  it('retries 429 and 5xx only', () => {
    expect([200, 304, 400, 401, 404, 409, 429, 500, 503].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('doubles the backoff ceiling per attempt, up to the cap, with full jitter', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    const top = { ...options, random: () => 0.999999 };
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(400);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
