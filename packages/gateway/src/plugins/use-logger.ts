/**
 * `useLogger`: structured JSON logs through pino, one line per request (info; error for 5xx),
 * one per failed subgraph request (warn; every subgraph request at debug), and one per supergraph
 * loaded (info) or rejected (error). Every request line carries a request id: `useRequestId`'s
 * when that plugin is installed, else the client's `x-request-id`, else a new UUID.
 *
 * Nothing secret is logged by default: request headers are logged only from an allow-list, and
 * `authorization`, `proxy-authorization`, `cookie` and `set-cookie` are redacted even when listed;
 * variables and the operation text (which can hold literals) are off unless turned on.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { GatewayRequest } from '../http/types.js';
import type { GatewayPlugin, RequestContext } from '../plugin.js';
import { requestIdOf } from './use-request-id.js';

export interface LoggerOptions {
  /** A pino logger of yours (its level and destination win); default: a new one. */
  readonly logger?: Logger;
  /** Level of the logger made here (default `info`; `debug` adds every subgraph request). */
  readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the logger made here writes (default: stdout). */
  readonly destination?: DestinationStream;
  /**
   * Request headers logged with each request, by name (default `user-agent`,
   * `apollographql-client-name`, `apollographql-client-version`). Credentials are always
   * redacted: see {@link REDACTED_HEADERS}.
   */
  readonly headers?: readonly string[];
  /** Log each request's variables (default false: they often carry personal data). */
  readonly logVariables?: boolean;
  /** Log each request's operation text (default false: literals can carry personal data). */
  readonly logQuery?: boolean;
}

/** Headers never logged with their value, whatever `headers` says. */
export const REDACTED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

const DEFAULT_HEADERS = ['user-agent', 'apollographql-client-name', 'apollographql-client-version'];

/** Writes JSON logs for requests, subgraph requests and supergraph updates. */
export function useLogger(options: LoggerOptions = {}): GatewayPlugin {
  const logger =
    options.logger ??
    pino(
      {
        name: 'orrery-gateway',
        level: options.level ?? 'info',
        // Defence in depth: the lines below are built from an allow-list already.
        redact: {
          paths: [...REDACTED_HEADERS].map((h) => `headers["${h}"]`),
          censor: '[redacted]',
        },
      },
      options.destination ?? pino.destination(1),
    );
  const headerNames = (options.headers ?? DEFAULT_HEADERS).map((h) => h.toLowerCase());
  const START = Symbol('logger-start');
  const ID = Symbol('logger-request-id');

  const requestId = (context: RequestContext): string | undefined =>
    requestIdOf(context) ?? (context.get(ID) as string | undefined);

  return {
    name: 'logger',
    onRequest({ request, context }) {
      context.set(START, performance.now());
      const given = request.headers['x-request-id'];
      // A client's id is kept only when it is short: logs are no place for a megabyte header.
      context.set(
        ID,
        typeof given === 'string' && given && given.length <= 200 ? given : randomUUID(),
      );
    },
    onSubgraphRequest({ context }) {
      return (done) => {
        const fields = {
          requestId: requestId(context),
          subgraph: done.request.serviceName,
          durationMs: round(done.durationMs),
        };
        if (!done.ok) {
          const { error } = done;
          logger.warn(
            {
              ...fields,
              code: error.code,
              ...(error.status === undefined ? {} : { status: error.status }),
              error: error.message,
            },
            'subgraph request failed',
          );
        } else if (logger.isLevelEnabled('debug')) {
          logger.debug(
            { ...fields, errors: done.response.errors?.length ?? 0 },
            'subgraph request',
          );
        }
      };
    },
    onResponse({ request, context, response, graphql }) {
      const start = context.get(START) as number | undefined;
      const level = response.status >= 500 ? 'error' : graphql ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      const q = request.url.indexOf('?');
      const line: Record<string, unknown> = {
        requestId: requestId(context),
        method: request.method,
        path: q === -1 ? request.url : request.url.slice(0, q),
        status: response.status,
      };
      if (start !== undefined) line['durationMs'] = round(performance.now() - start);
      if (graphql) {
        if (graphql.operationName !== undefined) line['operationName'] = graphql.operationName;
        if (graphql.operationType !== undefined) line['operationType'] = graphql.operationType;
        line['cached'] = graphql.cached;
        const errors = graphql.result.errors;
        if (errors && errors.length > 0) {
          line['errors'] = errors.map((e) => {
            const code = e.extensions?.['code'];
            return typeof code === 'string' ? code : 'UNKNOWN';
          });
        }
        if (options.logVariables || options.logQuery) {
          const params = paramsOf(request);
          if (options.logQuery && params.query !== undefined) line['query'] = params.query;
          if (options.logVariables && params.variables !== undefined) {
            line['variables'] = params.variables;
          }
        }
      }
      const headers: Record<string, string> = {};
      for (const name of headerNames) {
        const value = request.headers[name];
        if (value === undefined) continue;
        headers[name] = REDACTED_HEADERS.has(name)
          ? '[redacted]'
          : Array.isArray(value)
            ? value.join(', ')
            : value;
      }
      if (Object.keys(headers).length > 0) line['headers'] = headers;
      logger[level](line, graphql ? 'graphql request' : 'request');
    },
    onSupergraphChange({ supergraphSdl }) {
      const id = createHash('sha256').update(supergraphSdl).digest('hex');
      logger.info({ supergraphId: id }, 'supergraph loaded');
    },
    onSupergraphError({ error }) {
      logger.error({ err: error }, 'supergraph rejected; the previous one keeps serving');
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The query and variables of a GraphQL request, read again only when they are to be logged. */
function paramsOf(request: GatewayRequest): { query?: unknown; variables?: unknown } {
  try {
    if (request.body !== undefined) {
      const body = JSON.parse(request.body) as { query?: unknown; variables?: unknown };
      return { query: body.query, variables: body.variables };
    }
    const search = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    const variables = search.get('variables');
    return {
      query: search.get('query') ?? undefined,
      variables: variables === null ? undefined : (JSON.parse(variables) as unknown),
    };
  } catch {
    return {};
  }
}
