/**
 * GraphQL over HTTP, the request side: reading `query`/`operationName`/`variables`/`extensions`
 * from a POST JSON body or GET query string, CSRF prevention as Apollo Server does it, and the
 * response media type from `Accept`.
 *
 * @module
 */
import { graphQLError, type GraphQLErrorJson } from '../errors.js';
import type { GatewayRequest } from './types.js';

/** The parameters of one GraphQL request. */
export interface GraphQLParams {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  readonly extensions: Record<string, unknown> | undefined;
}

/** A request the gateway refuses before GraphQL runs: an HTTP status and one error. */
export interface RequestRefusal {
  readonly status: number;
  readonly error: GraphQLErrorJson;
  readonly headers?: Record<string, string>;
}

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

/** Content types a browser may send cross-site without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

export function header(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * CSRF prevention (Apollo Server's rule): refuse requests a browser could send cross-site
 * without a preflight, i.e. with no content type or a "simple" one, unless they carry a header
 * that forces a preflight (`x-apollo-operation-name` or `apollo-require-preflight`).
 */
export function csrfRefusal(request: GatewayRequest): RequestRefusal | undefined {
  const type = mediaType(header(request, 'content-type'));
  if (type !== undefined && !SIMPLE_CONTENT_TYPES.has(type)) return undefined;
  if (header(request, 'x-apollo-operation-name')) return undefined;
  if (header(request, 'apollo-require-preflight')) return undefined;
  return {
    status: 400,
    error: graphQLError(
      'ERR_GATEWAY_CSRF_PREVENTED',
      "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight",
    ),
  };
}

/**
 * The response media type for `Accept`: `application/graphql-response+json` when the client
 * accepts it, else `application/json` (also when there is no `Accept`, for legacy clients);
 * `undefined` when the client accepts neither (406).
 */
export function negotiate(request: GatewayRequest): string | undefined {
  const accept = header(request, 'accept');
  if (!accept) return APPLICATION_JSON;
  let json = false;
  for (const part of accept.split(',')) {
    const type = mediaType(part);
    if (type === GRAPHQL_RESPONSE_JSON) return GRAPHQL_RESPONSE_JSON;
    if (type === APPLICATION_JSON || type === '*/*' || type === 'application/*') json = true;
  }
  return json ? APPLICATION_JSON : undefined;
}

const badRequest = (message: string): RequestRefusal => ({
  status: 400,
  error: graphQLError('ERR_GATEWAY_BAD_REQUEST', message),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readParams(raw: Record<string, unknown>): GraphQLParams | RequestRefusal {
  const { query, operationName, variables, extensions } = raw;
  if (typeof query !== 'string' || query === '') {
    return badRequest('The request has no "query" (a GraphQL document as a string).');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return badRequest('"operationName" must be a string.');
  }
  if (variables !== undefined && variables !== null && !isRecord(variables)) {
    return badRequest('"variables" must be an object.');
  }
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) {
    return badRequest('"extensions" must be an object.');
  }
  return {
    query,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}

/** Reads the GraphQL parameters of a POST (JSON body) or GET (query string) request. */
export function readGraphQLParams(request: GatewayRequest): GraphQLParams | RequestRefusal {
  if (request.method === 'POST') {
    const type = mediaType(header(request, 'content-type'));
    if (type !== APPLICATION_JSON && type !== 'application/graphql+json') {
      return {
        status: 415,
        error: graphQLError(
          'ERR_GATEWAY_BAD_REQUEST',
          'POST requests must have content-type application/json.',
        ),
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return badRequest('The request body is not valid JSON.');
    }
    if (!isRecord(body)) return badRequest('The request body must be a JSON object.');
    return readParams(body);
  }
  if (request.method === 'GET') {
    const q = request.url.indexOf('?');
    const search = new URLSearchParams(q === -1 ? '' : request.url.slice(q + 1));
    const raw: Record<string, unknown> = {};
    for (const key of ['query', 'operationName'] as const) {
      const value = search.get(key);
      if (value !== null) raw[key] = value;
    }
    for (const key of ['variables', 'extensions'] as const) {
      const value = search.get(key);
      if (value === null || value === '') continue;
      try {
        raw[key] = JSON.parse(value);
      } catch {
        return badRequest(`"${key}" is not valid JSON.`);
      }
    }
    return readParams(raw);
  }
  return {
    status: 405,
    error: graphQLError('ERR_GATEWAY_BAD_REQUEST', 'GraphQL requests must be GET or POST.'),
    headers: { allow: 'GET, POST' },
  };
}

export function isRefusal(value: GraphQLParams | RequestRefusal): value is RequestRefusal {
  return 'status' in value;
}
