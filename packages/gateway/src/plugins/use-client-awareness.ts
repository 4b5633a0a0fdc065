/**
 * `useClientAwareness`: reads which client sent a request from `apollographql-client-name` and
 * `apollographql-client-version` (Apollo's convention; the names are configurable) so other
 * plugins (metrics, logs, usage reporting) can tell clients apart through {@link clientInfo}.
 *
 * With `requireClientName`, GraphQL requests that do not name their client are refused with
 * HTTP 400 and `ERR_GATEWAY_CLIENT_NAME_REQUIRED` before anything else runs: client
 * identification is what lets schema checks tell who still uses a field, so a graph can make it
 * mandatory. Only the GraphQL endpoint is guarded; `/health`, the sandbox page and other routes
 * are not.
 *
 * @module
 */
import { graphQLError } from '../errors.js';
import { InvalidConfigError } from '../errors.js';
import type { GatewayPlugin, RequestContext } from '../plugin.js';

export interface ClientAwarenessOptions {
  /** The header naming the client (default `apollographql-client-name`). */
  readonly nameHeader?: string;
  /** The header giving the client's version (default `apollographql-client-version`). */
  readonly versionHeader?: string;
  /** Refuse GraphQL requests without a client name (default false). */
  readonly requireClientName?: boolean;
  /** The GraphQL endpoint's path, the only one `requireClientName` guards (default `/graphql`). */
  readonly path?: string;
}

/** The client a request came from. */
export interface ClientInfo {
  readonly name: string | undefined;
  readonly version: string | undefined;
}

export const DEFAULT_CLIENT_NAME_HEADER = 'apollographql-client-name';
export const DEFAULT_CLIENT_VERSION_HEADER = 'apollographql-client-version';

const CLIENT = Symbol('client-awareness');

/** The client of the request `context` belongs to, when `useClientAwareness` runs. */
export function clientInfo(context: RequestContext): ClientInfo | undefined {
  return context.get(CLIENT) as ClientInfo | undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads (and optionally requires) the client name and version of every request. */
export function useClientAwareness(options: ClientAwarenessOptions = {}): GatewayPlugin {
  const nameHeader = (options.nameHeader ?? DEFAULT_CLIENT_NAME_HEADER).toLowerCase();
  const versionHeader = (options.versionHeader ?? DEFAULT_CLIENT_VERSION_HEADER).toLowerCase();
  const path = options.path ?? '/graphql';
  if (nameHeader === '' || versionHeader === '') {
    throw new InvalidConfigError('useClientAwareness: header names must not be empty');
  }
  const refusal = JSON.stringify({
    errors: [
      graphQLError(
        'ERR_GATEWAY_CLIENT_NAME_REQUIRED',
        `This graph requires clients to identify themselves: send the "${nameHeader}" header (and "${versionHeader}") with every request.`,
      ),
    ],
  });
  return {
    name: 'client-awareness',
    onRequest({ request, context, setResponse }) {
      const name = headerValue(request.headers[nameHeader]);
      const version = headerValue(request.headers[versionHeader]);
      context.set(CLIENT, { name, version });
      if (name !== undefined || !options.requireClientName) return;
      const q = request.url.indexOf('?');
      if ((q === -1 ? request.url : request.url.slice(0, q)) !== path) return;
      setResponse({
        status: 400,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: refusal,
      });
    },
  };
}
