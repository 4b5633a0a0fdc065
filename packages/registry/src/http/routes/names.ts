import { NAME_PATTERN } from '@orrery/registry-client';
import { HttpError } from '../errors.js';
import type { Params } from '../router.js';

/**
 * A path parameter that must be a graph, variant or subgraph name: checked here so that a bad
 * name is a `400` naming the parameter before the service is called.
 */
export function checkName(params: Params, key: string): string {
  const value = params[key] ?? '';
  if (!NAME_PATTERN.test(value)) {
    throw new HttpError(
      'BAD_REQUEST',
      `"${value}" is not a valid ${key} name: a letter, then letters, digits, _ or - (64 at most).`,
    );
  }
  return value;
}
