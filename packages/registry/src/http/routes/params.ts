/**
 * Parameters several routes read alike: a record's positive integer id (launches, checks) and
 * the `?limit=` / `?before=` paging of a history listed newest first.
 *
 * @module
 */
import { defined, queryInteger } from '../body.js';
import { HttpError } from '../errors.js';

/** An id from a path or query parameter: a positive integer; `what` names it in the error. */
export function positiveId(raw: string | undefined, what: string): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new HttpError('BAD_REQUEST', `"${raw ?? ''}" is not a ${what} id (a positive integer).`);
  }
  return value;
}

/** `?limit=` (1 to 100) and `?before=` (an id), each absent when not given. */
export function pageQuery(query: URLSearchParams): { limit?: number; before?: number } {
  return defined<{ limit?: number; before?: number }>({
    limit: queryInteger(query, 'limit', { min: 1, max: 100 }),
    before: queryInteger(query, 'before', { min: 1, max: Number.MAX_SAFE_INTEGER }),
  });
}
