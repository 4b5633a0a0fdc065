/**
 * The HTTP layer's building blocks on their own: the router, the token bucket (driven by a
 * fake clock, never by sleeping), `If-None-Match` parsing and key extraction.
 */
import { describe, expect, it } from 'vitest';
import { readApiKey } from '../../src/http/auth.js';
import { defined, parseJsonObject, queryInteger } from '../../src/http/body.js';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { createRouter } from '../../src/http/router.js';
import { parseIfNoneMatch } from '../../src/http/routes/supergraph.js';

describe('router', () => {
  const router = createRouter<string>();
  router.add('GET', '/api/v1/graphs', 'list');
  router.add('GET', '/api/v1/graphs/:graph/variants/:variant', 'get');
  router.add('PUT', '/api/v1/graphs/:graph/variants/:variant', 'put');

  it('matches literal and parameter segments, decoding parameters', () => {
    expect(router.match('GET', '/api/v1/graphs')).toEqual({
      kind: 'match',
      handler: 'list',
      params: {},
    });
    expect(router.match('PUT', '/api/v1/graphs/demo/variants/prod%2Dx')).toEqual({
      kind: 'match',
      handler: 'put',
      params: { graph: 'demo', variant: 'prod-x' },
    });
  });

  it('treats a trailing slash as the same path and HEAD as GET', () => {
    expect(router.match('HEAD', '/api/v1/graphs/')).toMatchObject({
      kind: 'match',
      handler: 'list',
    });
  });

  it('reports the allowed methods when only the method is wrong', () => {
    expect(router.match('DELETE', '/api/v1/graphs/demo/variants/prod')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'PUT'],
    });
  });

  it('finds nothing for unknown paths and flags bad percent-encoding', () => {
    expect(router.match('GET', '/api/v1/nope')).toBeUndefined();
    expect(router.match('GET', '/api/v1/graphs/%E0%A4%A/variants/x')).toEqual({ kind: 'bad-path' });
  });
});

describe('rate limiter', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = createRateLimiter({ requestsPerSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Other keys have their own bucket.
    expect(limiter.take('other').allowed).toBe(true);
    now += 500; // one token back at 2/s
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
    now += 10_000; // refills to the burst, not beyond
    expect([1, 2, 3, 4].map(() => limiter.take('k').allowed)).toEqual([true, true, true, false]);
  });

  it('rounds Retry-After up for slow rates', () => {
    let now = 0;
    const limiter = createRateLimiter({ requestsPerSecond: 0.1, burst: 1 }, () => now);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 5_000;
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });

  it('refuses nonsensical settings', () => {
    expect(() => createRateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError);
  });
});

describe('If-None-Match', () => {
  it('compares quoted, weak and listed tags, and * matches anything', () => {
    expect(parseIfNoneMatch('"abc"').matches('abc')).toBe(true);
    expect(parseIfNoneMatch('W/"abc"').matches('abc')).toBe(true);
    expect(parseIfNoneMatch('"x", "abc"').matches('abc')).toBe(true);
    expect(parseIfNoneMatch('"x"').matches('abc')).toBe(false);
    expect(parseIfNoneMatch(undefined).matches('abc')).toBe(false);
    expect(parseIfNoneMatch('*').matches('abc')).toBe(true);
  });
});

describe('request parsing', () => {
  it('reads keys from Authorization: Bearer or x-api-key', () => {
    expect(readApiKey({ authorization: 'Bearer orr_admin_a_b' })).toBe('orr_admin_a_b');
    expect(readApiKey({ authorization: 'bearer  k ' })).toBe('k');
    expect(readApiKey({ 'x-api-key': ' k2 ' })).toBe('k2');
    expect(readApiKey({ authorization: 'Basic xyz' })).toBeUndefined();
    expect(readApiKey({})).toBeUndefined();
  });

  it('parses JSON objects only', () => {
    expect(parseJsonObject(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(parseJsonObject(Buffer.from(''))).toEqual({});
    expect(() => parseJsonObject(Buffer.from('[1]'))).toThrow(/JSON object/);
    expect(() => parseJsonObject(Buffer.from('{'))).toThrow(/not valid JSON/);
  });

  it('reads bounded query integers', () => {
    const query = new URLSearchParams('limit=20&before=x&wait=61');
    expect(queryInteger(query, 'limit', { min: 1, max: 100 })).toBe(20);
    expect(queryInteger(query, 'missing', { min: 1, max: 100 })).toBeUndefined();
    expect(() => queryInteger(query, 'before', { min: 1, max: 100 })).toThrow(/integer/);
    expect(() => queryInteger(query, 'wait', { min: 0, max: 60 })).toThrow(/0 to 60/);
  });

  it('drops undefined fields from built requests', () => {
    expect(defined<{ a?: number; b?: string }>({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(Object.keys(defined<{ a?: number; b?: string }>({ a: 1, b: undefined }))).toEqual(['a']);
  });
});
