/**
 * `useRequestId`: gives every request an id (the client's `x-request-id` when it sends one),
 * echoes it on the response and forwards it to subgraphs, so logs across services line up.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { GatewayPlugin, RequestContext } from '../plugin.js';

export interface RequestIdOptions {
  /** The header carrying the id (default `x-request-id`). */
  readonly header?: string;
  /** Makes a new id (default `crypto.randomUUID`). */
  readonly generate?: () => string;
}

const ID = Symbol('request-id');

/** The id `useRequestId` gave this request (for logs and other plugins), once its `onRequest` ran. */
export function requestIdOf(context: RequestContext): string | undefined {
  const id = context.get(ID);
  return typeof id === 'string' ? id : undefined;
}

/** Assigns, echoes and forwards a request id. */
export function useRequestId(options: RequestIdOptions = {}): GatewayPlugin {
  const header = (options.header ?? 'x-request-id').toLowerCase();
  const generate = options.generate ?? randomUUID;
  return {
    name: 'request-id',
    onRequest({ request, context }) {
      const given = request.headers[header];
      context.set(ID, typeof given === 'string' && given ? given : generate());
    },
    onSubgraphRequest({ request, context }) {
      const id = context.get(ID);
      if (typeof id === 'string') request.headers[header] = id;
    },
    onResponse({ response, context }) {
      const id = context.get(ID);
      if (typeof id === 'string') response.headers[header] = id;
    },
  };
}
