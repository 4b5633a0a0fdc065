/**
 * `createGateway`: the runtime that serves a supergraph's API schema. One request goes
 * HTTP params -> cached compiled operation (parse, validate, plan) -> plan execution through the
 * subgraph fetcher -> response shaping -> JSON. The supergraph can be swapped at any time;
 * each request keeps the state it started with.
 *
 * @module
 */
import { channel } from 'node:diagnostics_channel';
import type { Dispatcher } from 'undici';
import {
  execute,
  getVariableValues,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  graphQLError,
  InvalidConfigError,
  NotReadyError,
  SubgraphRequestError,
  SupergraphLoadError,
  type GraphQLErrorJson,
} from '../errors.js';
import { executePlan, type PlanFetch } from '../execution/execute-plan.js';
import { shapeResponse } from '../execution/shape-response.js';
import {
  createSubgraphFetcher,
  type SubgraphFetch,
  type SubgraphRequest,
  type SubgraphResponse,
} from '../fetch/subgraph-fetcher.js';
import {
  APPLICATION_JSON,
  csrfRefusal,
  GRAPHQL_RESPONSE_JSON,
  isRefusal,
  negotiate,
  readGraphQLParams,
  type GraphQLParams,
} from '../http/request.js';
import type { GatewayRequest, GatewayResponse } from '../http/types.js';
import type {
  GatewayPlugin,
  GraphQLExchange,
  OnResponsePayload,
  OnSubgraphResponse,
  OnSubgraphResponsePayload,
  RequestContext,
} from '../plugin.js';
import { useOperationLimits, type OperationLimits } from '../plugins/use-operation-limits.js';
import { useDisableIntrospection } from '../plugins/use-disable-introspection.js';
import { useExposeQueryPlan } from '../plugins/use-expose-query-plan.js';
import { useSandbox, type SandboxOptions } from '../sandbox/use-sandbox.js';
import type { SupergraphSource } from '../supergraph-source/source.js';
import { shapeFor } from './compile-operation.js';
import { SupergraphState } from './supergraph-state.js';

/** Diagnostics channel for unexpected errors (`{ error }`). */
export const ERROR_CHANNEL = 'orrery:gateway:error';
/** Diagnostics channel for supergraph loads (`{ ok, error? }`). */
export const SUPERGRAPH_CHANNEL = 'orrery:gateway:supergraph';
const errorChannel = channel(ERROR_CHANNEL);
const supergraphChannel = channel(SUPERGRAPH_CHANNEL);

/** Limits on what one request may ask; each guards the gateway against a hostile client. */
export interface GatewayLimits extends OperationLimits {
  /**
   * Most tokens an operation may have (default 10 000): parsing stops there, so huge documents
   * cost nothing more than reading them.
   */
  readonly maxTokens?: number;
  /** Largest request body in bytes (default 1 MiB): bigger bodies get 413 before parsing. */
  readonly maxBodyBytes?: number;
}

export interface GatewayOptions {
  /** The supergraph: SDL text, or a source that loads and watches it. */
  readonly supergraph: string | SupergraphSource;
  /** Plugins, run in order; built-ins for the options below are added before them. */
  readonly plugins?: readonly GatewayPlugin[];
  /** Sends subgraph requests (tests pass undici's `MockAgent`); default: a keep-alive pool per subgraph. */
  readonly dispatcher?: Dispatcher;
  /** Default subgraph timeout in ms (default 30 000). */
  readonly subgraphTimeoutMs?: number;
  /** Per-subgraph settings by subgraph name: URL override, timeout. */
  readonly subgraphs?: Readonly<
    Record<string, { readonly url?: string; readonly timeoutMs?: number }>
  >;
  readonly limits?: GatewayLimits;
  /** Answer `__schema`/`__type` (default: true, false when `NODE_ENV=production`). */
  readonly introspection?: boolean;
  /**
   * Answer `orrery-expose-query-plan`/`Apollo-Expose-Query-Plan` request headers with the query
   * plan in `extensions` (`useExposeQueryPlan`; default: true, false when `NODE_ENV=production`).
   */
  readonly exposeQueryPlan?: boolean;
  /**
   * Serve the sandbox (GraphiQL with a query plan panel) to browsers at `GET /` (`useSandbox`;
   * default: true, false when `NODE_ENV=production`). Options set where and what it shows.
   */
  readonly sandbox?: boolean | SandboxOptions;
  /** Refuse simple cross-site requests without a preflight header (default true). */
  readonly csrfPrevention?: boolean;
  /** Where GraphQL is served (default `/graphql`). */
  readonly path?: string;
  /** Compiled operations kept per supergraph (default 1000). */
  readonly operationCacheSize?: number;
  /** Progressive `@override` labels that are on. */
  readonly overrideLabels?: readonly string[];
}

/** A GraphQL response body. */
export interface ExecutionResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorJson[];
  extensions?: Record<string, unknown>;
}

export type UpdateResult = { readonly ok: true } | { readonly ok: false; readonly error: Error };

/** A running gateway. */
export interface Gateway {
  /** Serves one HTTP request (GraphQL, `/health`, `/ready`). Never rejects. */
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  /** Runs one operation directly (no HTTP): for tests and embedding. */
  execute(params: {
    query: string;
    operationName?: string;
    variables?: Record<string, unknown>;
  }): Promise<ExecutionResponse>;
  /** Resolves once the first supergraph is loaded; rejects if it cannot be. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Swaps in a new supergraph; on failure the current one keeps serving. */
  updateSupergraph(supergraphSdl: string): UpdateResult;
  /** The API schema served now (throws `NotReadyError` before the first load). */
  readonly apiSchema: GraphQLSchema;
  readonly supergraphSdl: string | undefined;
  /** Stops the source and closes subgraph connections. */
  close(): Promise<void>;
}

/** What `run` learnt about the operation, for the `GraphQLExchange` given to `onResponse`. */
interface CompileInfo {
  cached: boolean;
  /** The client's `operationName` parameter. */
  operationName?: string;
  phases?: GraphQLExchange['phases'];
  operation?: OperationDefinitionNode;
}

const DEFAULT_LIMITS = { maxTokens: 10_000, maxBodyBytes: 1024 * 1024 } as const;

function validateOptions(options: GatewayOptions): void {
  if (options.supergraph === undefined || options.supergraph === null) {
    throw new InvalidConfigError('createGateway: "supergraph" is required (SDL text or a source)');
  }
  for (const [name, value] of Object.entries(options.limits ?? {})) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new InvalidConfigError(`createGateway: limits.${name} must be a positive integer`);
    }
  }
  if (options.subgraphTimeoutMs !== undefined && !(options.subgraphTimeoutMs > 0)) {
    throw new InvalidConfigError('createGateway: subgraphTimeoutMs must be positive');
  }
}

/**
 * Creates a gateway. With SDL text it is ready at once (and throws `SupergraphLoadError` if the
 * supergraph is invalid); with a source, `gateway.ready` settles when the first load does.
 *
 * @example
 * const gateway = createGateway({ supergraph: readFileSync('supergraph.graphql', 'utf8') });
 * createServer(gateway).listen(4000);
 */
export function createGateway(options: GatewayOptions): Gateway {
  validateOptions(options);
  const builtIns: GatewayPlugin[] = [useOperationLimits(options.limits ?? {})];
  // Apollo's convention: what reveals the schema or the subgraphs is on in development and off
  // in production unless the options turn it on.
  const development = process.env['NODE_ENV'] !== 'production';
  if (!(options.introspection ?? development)) builtIns.push(useDisableIntrospection());
  if (options.exposeQueryPlan ?? development) builtIns.push(useExposeQueryPlan());
  const sandbox = options.sandbox ?? development;
  if (sandbox) {
    builtIns.push(
      useSandbox({ endpoint: options.path ?? '/graphql', ...(sandbox === true ? {} : sandbox) }),
    );
  }
  const plugins = [...builtIns, ...(options.plugins ?? [])];
  const requestPlugins = plugins.filter((p) => p.onRequest);
  const subgraphPlugins = plugins.filter((p) => p.onSubgraphRequest);
  const executePlugins = plugins.filter((p) => p.onExecute);
  const responsePlugins = plugins.filter((p) => p.onResponse);
  const maxBodyBytes = options.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;
  const graphqlPath = options.path ?? '/graphql';
  const csrf = options.csrfPrevention !== false;

  const timeouts: Record<string, number> = {};
  const urls: Record<string, string> = {};
  for (const [name, settings] of Object.entries(options.subgraphs ?? {})) {
    if (settings.timeoutMs !== undefined) timeouts[name] = settings.timeoutMs;
    if (settings.url !== undefined) urls[name] = settings.url;
  }
  const fetcher = createSubgraphFetcher({
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.subgraphTimeoutMs ? { timeoutMs: options.subgraphTimeoutMs } : {}),
    timeouts,
  });
  const stateOptions = {
    plugins,
    maxTokens: options.limits?.maxTokens ?? DEFAULT_LIMITS.maxTokens,
    urls,
    overrideLabels: options.overrideLabels ?? [],
    cacheSize: options.operationCacheSize ?? 1000,
  };

  let state: SupergraphState | undefined;

  const load = (sdl: string): SupergraphState => {
    const next = new SupergraphState(sdl, stateOptions);
    for (const plugin of plugins) {
      plugin.onSupergraphChange?.({ supergraphSdl: sdl, apiSchema: next.schema });
    }
    return next;
  };

  const updateSupergraph = (sdl: string): UpdateResult => {
    if (state && state.supergraphSdl === sdl) return { ok: true };
    try {
      state = load(sdl);
      if (supergraphChannel.hasSubscribers) supergraphChannel.publish({ ok: true });
      return { ok: true };
    } catch (error) {
      const wrapped =
        error instanceof SupergraphLoadError
          ? error
          : new SupergraphLoadError(
              `The supergraph cannot be loaded: ${(error as Error).message}`,
              {
                cause: error,
              },
            );
      if (supergraphChannel.hasSubscribers)
        supergraphChannel.publish({ ok: false, error: wrapped });
      for (const plugin of plugins)
        plugin.onSupergraphError?.({ supergraphSdl: sdl, error: wrapped });
      return { ok: false, error: wrapped };
    }
  };

  const source = typeof options.supergraph === 'string' ? undefined : options.supergraph;
  let ready: Promise<void>;
  if (source === undefined) {
    const result = updateSupergraph(options.supergraph as string);
    if (!result.ok) throw result.error;
    ready = Promise.resolve();
  } else {
    ready = source
      .start((sdl) => {
        if (updateSupergraph(sdl).ok) source.confirm?.(sdl);
      })
      .then((sdl) => {
        const result = updateSupergraph(sdl);
        if (!result.ok) throw result.error;
        source.confirm?.(sdl);
      });
    // The caller may never await `ready`; the failure is also visible through isReady/503s.
    ready.catch(() => {});
  }

  const planFetch = (
    current: SupergraphState,
    clientRequest: GatewayRequest | undefined,
    context: RequestContext,
  ): PlanFetch => {
    return (serviceName, body) => {
      const request: SubgraphRequest = {
        serviceName,
        url: current.urls.get(serviceName) ?? '',
        body,
        headers: {},
      };
      if (subgraphPlugins.length === 0 || !clientRequest) return fetcher.fetch(request);
      let send: SubgraphFetch = fetcher.fetch;
      let done: OnSubgraphResponse[] | undefined;
      for (const plugin of subgraphPlugins) {
        const callback = plugin.onSubgraphRequest!({
          request,
          clientRequest,
          context,
          get fetcher() {
            return send;
          },
          setFetcher: (fetch) => {
            send = fetch;
          },
        });
        if (callback) (done ??= []).push(callback);
      }
      return done ? sendObserved(send, request, context, done) : send(request);
    };
  };

  /** Sends `request`, then tells each `onSubgraphRequest` callback (last plugin first) how it went. */
  const sendObserved = async (
    send: SubgraphFetch,
    request: SubgraphRequest,
    context: RequestContext,
    done: readonly OnSubgraphResponse[],
  ): Promise<SubgraphResponse> => {
    const start = performance.now();
    const startTime = performance.timeOrigin + start;
    let payload: OnSubgraphResponsePayload;
    let response: SubgraphResponse | undefined;
    try {
      response = await send(request);
      payload = {
        request,
        context,
        startTime,
        durationMs: performance.now() - start,
        ok: true,
        response,
      };
    } catch (error) {
      const failure =
        error instanceof SubgraphRequestError
          ? error
          : new SubgraphRequestError(request.serviceName, 'request', (error as Error).message, {
              cause: error,
            });
      payload = {
        request,
        context,
        startTime,
        durationMs: performance.now() - start,
        ok: false,
        error: failure,
      };
      for (let i = done.length - 1; i >= 0; i--) done[i]!(payload);
      throw error;
    }
    for (let i = done.length - 1; i >= 0; i--) done[i]!(payload);
    return response;
  };

  /** Runs GraphQL params on a state; `request` is absent for `gateway.execute`. */
  const run = async (
    current: SupergraphState,
    params: GraphQLParams,
    request: GatewayRequest | undefined,
    context: RequestContext,
    info?: CompileInfo,
  ): Promise<{ response: ExecutionResponse; requestError: boolean; status?: number }> => {
    const { compiled, cached } = current.lookup(params.query, params.operationName);
    if (info) {
      info.cached = cached;
      if (!cached) info.phases = compiled.phases;
      if (compiled.ok) info.operation = compiled.operation;
    }
    if (!compiled.ok) return { response: { errors: [...compiled.errors] }, requestError: true };
    if (request?.method === 'GET' && compiled.operation.operation !== 'query') {
      return {
        response: {
          errors: [
            graphQLError(
              'ERR_GATEWAY_BAD_REQUEST',
              `Can only perform a ${compiled.operation.operation} operation from a POST request.`,
            ),
          ],
        },
        requestError: true,
        status: 405,
      };
    }
    let variables: Record<string, unknown> = params.variables ?? {};
    if (compiled.operation.variableDefinitions?.length) {
      const coerced = getVariableValues(
        current.schema,
        compiled.operation.variableDefinitions,
        variables,
        { maxErrors: 50 },
      );
      if (coerced.errors) {
        return {
          response: {
            errors: coerced.errors.map((e) => graphQLError('BAD_USER_INPUT', e.message)),
          },
          requestError: true,
        };
      }
      variables = coerced.coerced;
    }
    let extensions: Record<string, unknown> | undefined;
    if (executePlugins.length > 0) {
      let answer: ExecutionResponse | undefined;
      const added: Record<string, unknown> = {};
      const payload = {
        request,
        context,
        document: compiled.document,
        operation: compiled.operation,
        plan: compiled.prepared.plan,
        variables,
        extensions: added,
        setResult: (result: ExecutionResponse) => {
          answer = result;
        },
      };
      for (const plugin of executePlugins) {
        plugin.onExecute!(payload);
        if (answer) break;
      }
      // The response carries `extensions` only when a plugin put something in them.
      for (const _ in added) {
        extensions = added;
        break;
      }
      if (answer) {
        const merged = extensions ? { ...extensions, ...answer.extensions } : answer.extensions;
        return {
          response: merged ? { ...answer, extensions: merged } : answer,
          requestError: false,
        };
      }
    }
    const result = await executePlan(compiled.prepared, {
      variables,
      fetch: planFetch(current, request, context),
      matches: current.matches,
      isObjectType: current.isObjectType,
      interfaceObjectName: current.interfaceObjectName,
      nullEntity: current.nullEntity,
    });
    const shape = shapeFor(current.schema, compiled, variables);
    let introspection: Record<string, unknown> | undefined;
    if (shape.hasIntrospection && compiled.introspection) {
      const executed = await execute({
        schema: current.schema,
        document: compiled.introspection,
        variableValues: variables,
      });
      introspection = executed.data ?? undefined;
      for (const error of executed.errors ?? []) {
        result.errors.push({ message: error.message, ...(error.path ? { path: error.path } : {}) });
      }
    }
    const shaped = shapeResponse(shape, result.data, result.errors, introspection);
    const response: ExecutionResponse = { data: shaped.data };
    if (shaped.errors.length > 0) response.errors = shaped.errors;
    if (extensions) response.extensions = extensions;
    return { response, requestError: false };
  };

  const json = (
    status: number,
    type: string,
    body: unknown,
    headers?: Record<string, string>,
  ): GatewayResponse => ({
    status,
    headers: { 'content-type': `${type}; charset=utf-8`, ...headers },
    body: JSON.stringify(body),
  });

  const handleGraphQL = async (
    request: GatewayRequest,
    context: RequestContext,
    out: { graphql?: GraphQLExchange },
  ): Promise<GatewayResponse> => {
    const info: CompileInfo = { cached: false };
    // Every answer goes through here so `onResponse` plugins learn what ran (GraphQLExchange).
    const answer = (
      status: number,
      type: string,
      result: ExecutionResponse,
      headers?: Record<string, string>,
    ): GatewayResponse => {
      out.graphql = {
        operationName: info.operationName ?? info.operation?.name?.value,
        operationType: info.operation?.operation,
        cached: info.cached,
        ...(info.phases ? { phases: info.phases } : {}),
        result,
      };
      return json(status, type, result, headers);
    };
    const type = negotiate(request);
    if (type === undefined) {
      return answer(406, APPLICATION_JSON, {
        errors: [
          graphQLError(
            'ERR_GATEWAY_BAD_REQUEST',
            `Accept must allow ${GRAPHQL_RESPONSE_JSON} or ${APPLICATION_JSON}.`,
          ),
        ],
      });
    }
    if (csrf) {
      const refusal = csrfRefusal(request);
      if (refusal) return answer(refusal.status, type, { errors: [refusal.error] });
    }
    if (request.body !== undefined && request.body.length > maxBodyBytes) {
      return answer(413, type, {
        errors: [
          graphQLError(
            'ERR_GATEWAY_BODY_TOO_LARGE',
            `The request body is larger than ${maxBodyBytes} bytes.`,
          ),
        ],
      });
    }
    const params = readGraphQLParams(request);
    if (isRefusal(params))
      return answer(params.status, type, { errors: [params.error] }, params.headers);
    if (params.operationName !== undefined) info.operationName = params.operationName;
    const current = state;
    if (!current) {
      return answer(503, type, {
        errors: [graphQLError('ERR_GATEWAY_NOT_READY', new NotReadyError().message)],
      });
    }
    const outcome = await run(current, params, request, context, info);
    // GraphQL over HTTP: application/json answers 200 to every well-formed request; the
    // graphql-response+json media type answers 400 when the response has no data.
    const status =
      outcome.status ?? (outcome.requestError && type === GRAPHQL_RESPONSE_JSON ? 400 : 200);
    return answer(status, type, outcome.response, status === 405 ? { allow: 'POST' } : undefined);
  };

  const route = async (
    request: GatewayRequest,
    context: RequestContext,
    out: { graphql?: GraphQLExchange },
  ): Promise<GatewayResponse> => {
    const q = request.url.indexOf('?');
    const pathname = q === -1 ? request.url : request.url.slice(0, q);
    if (pathname === graphqlPath) return handleGraphQL(request, context, out);
    if (pathname === '/health') return json(200, APPLICATION_JSON, { status: 'pass' });
    if (pathname === '/ready') {
      return state
        ? json(200, APPLICATION_JSON, { status: 'ready' })
        : json(503, APPLICATION_JSON, { status: 'not ready' });
    }
    return json(404, APPLICATION_JSON, { errors: [{ message: `Not found: ${pathname}` }] });
  };

  const internalError = (error: unknown): GatewayResponse => {
    if (errorChannel.hasSubscribers) errorChannel.publish({ error });
    return json(500, APPLICATION_JSON, {
      errors: [graphQLError('ERR_GATEWAY_INTERNAL', 'Internal gateway error')],
    });
  };

  const handle = async (request: GatewayRequest): Promise<GatewayResponse> => {
    const context: RequestContext = new Map();
    let response: GatewayResponse | undefined;
    const out: { graphql?: GraphQLExchange } = {};
    try {
      for (const plugin of requestPlugins) {
        const pending = plugin.onRequest!({
          request,
          context,
          setResponse: (r) => {
            response = r;
          },
        });
        if (pending) await pending;
        if (response) break;
      }
      response ??= await route(request, context, out);
    } catch (error) {
      // `onResponse` still runs on the 500, so what plugins opened (spans) is closed and logged.
      response = internalError(error);
    }
    if (responsePlugins.length === 0) return response;
    try {
      const payload: OnResponsePayload = out.graphql
        ? { request, context, response, graphql: out.graphql }
        : { request, context, response };
      for (const plugin of responsePlugins) plugin.onResponse!(payload);
      return payload.response;
    } catch (error) {
      return internalError(error);
    }
  };

  return {
    handle,
    async execute(params) {
      const current = state;
      if (!current)
        return { errors: [graphQLError('ERR_GATEWAY_NOT_READY', new NotReadyError().message)] };
      const outcome = await run(
        current,
        {
          query: params.query,
          operationName: params.operationName,
          variables: params.variables,
          extensions: undefined,
        },
        undefined,
        new Map(),
      );
      return outcome.response;
    },
    ready,
    isReady: () => state !== undefined,
    updateSupergraph,
    get apiSchema() {
      if (!state) throw new NotReadyError();
      return state.schema;
    },
    get supergraphSdl() {
      return state?.supergraphSdl;
    },
    async close() {
      await source?.stop();
      await fetcher.close();
    },
  };
}
