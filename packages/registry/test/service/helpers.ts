import { RegistryError } from '../../src/errors.js';
import { SYSTEM_ACTOR } from '../../src/keys/access.js';

/** The in-process administrator the suites act as. */
export const admin = SYSTEM_ACTOR;
export const PRODUCTS_URL = 'http://products.internal/graphql';
export const REVIEWS_URL = 'http://reviews.internal/graphql';

/** The code of the RegistryError `promise` rejects with. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error.code;
    throw error;
  }
  throw new Error('expected a RegistryError, the call succeeded');
}
