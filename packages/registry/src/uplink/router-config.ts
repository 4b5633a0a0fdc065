/**
 * The `routerConfig` resolver: an Orrery key and a graph ref in, the served supergraph (or
 * `Unchanged`, or a `FetchError` with a code Apollo's clients act on) out. Errors are data
 * here, never GraphQL errors: Apollo's clients read `FetchError.code` to decide whether to retry.
 *
 * @module
 */
import { parseGraphRef, type GraphRef } from '@orrery/registry-client';
import { RegistryError } from '../errors.js';
import type { DeliveryCache } from '../http/delivery-cache.js';
import type { RateLimiter } from '../http/rate-limit.js';

export interface UplinkDeps {
  /** Keys and supergraphs through the delivery cache: gateway fleets poll this endpoint. */
  readonly cache: DeliveryCache;
  readonly pollIntervalSeconds: number;
  readonly limiter: RateLimiter | undefined;
  readonly logError: (error: unknown) => void;
}

export type FetchErrorCode =
  | 'AUTHENTICATION_FAILED'
  | 'ACCESS_DENIED'
  | 'UNKNOWN_REF'
  | 'RETRY_LATER'
  | 'NOT_IMPLEMENTED_ON_THIS_INSTANCE';

/** The union's members, tagged with `__typename` (graphql-js resolves the union type from it). */
export type RouterConfigResponse =
  | {
      readonly __typename: 'RouterConfigResult';
      readonly id: string;
      readonly supergraphSDL: string;
      readonly minDelaySeconds: number;
      readonly messages: readonly { readonly level: string; readonly body: string }[];
    }
  | { readonly __typename: 'Unchanged'; readonly id: string; readonly minDelaySeconds: number }
  | {
      readonly __typename: 'FetchError';
      readonly code: FetchErrorCode;
      readonly message: string;
      readonly minDelaySeconds: number;
    };

export interface RouterConfigArgs {
  readonly ref: string;
  readonly apiKey: string;
  readonly ifAfterId?: string | null;
}

export async function resolveRouterConfig(
  args: RouterConfigArgs,
  deps: UplinkDeps,
): Promise<RouterConfigResponse> {
  const minDelaySeconds = deps.pollIntervalSeconds;
  const fetchError = (
    code: FetchErrorCode,
    message: string,
    delay = minDelaySeconds,
  ): RouterConfigResponse => ({ __typename: 'FetchError', code, message, minDelaySeconds: delay });

  const actor = await deps.cache.authenticate(args.apiKey);
  if (actor === null) {
    return fetchError('AUTHENTICATION_FAILED', 'The API key is unknown or has been revoked.');
  }
  // Counted per routerConfig field, so aliasing the field many times in one request costs as
  // much as as many requests.
  const decision = deps.limiter?.take(actor.keyId ?? `name:${actor.name}`);
  if (decision !== undefined && !decision.allowed) {
    return fetchError(
      'RETRY_LATER',
      'Too many requests for this key; slow down.',
      Math.max(minDelaySeconds, decision.retryAfterSeconds),
    );
  }

  let ref: GraphRef;
  try {
    ref = parseGraphRef(args.ref);
  } catch (error) {
    return fetchError('UNKNOWN_REF', error instanceof Error ? error.message : String(error));
  }

  let supergraph;
  try {
    supergraph = await deps.cache.supergraph(actor, ref);
  } catch (error) {
    if (!(error instanceof RegistryError)) {
      deps.logError(error);
      return fetchError('RETRY_LATER', 'The registry failed to read the supergraph; retry later.');
    }
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return fetchError('AUTHENTICATION_FAILED', error.message);
      case 'FORBIDDEN':
        return fetchError('ACCESS_DENIED', error.message);
      case 'NOT_FOUND':
      case 'BAD_REQUEST':
        return fetchError('UNKNOWN_REF', error.message);
      default:
        return fetchError('RETRY_LATER', error.message);
    }
  }

  // Launch ids are integers; an id from elsewhere (Apollo's, before switching a gateway over
  // to Orrery) is not ours to compare, so the client gets the current supergraph.
  const after = parseLaunchId(args.ifAfterId);
  if (after !== undefined && supergraph.launchId <= after) {
    return { __typename: 'Unchanged', id: String(after), minDelaySeconds };
  }
  return {
    __typename: 'RouterConfigResult',
    id: String(supergraph.launchId),
    supergraphSDL: supergraph.supergraphSdl,
    minDelaySeconds,
    messages: [],
  };
}

function parseLaunchId(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}
