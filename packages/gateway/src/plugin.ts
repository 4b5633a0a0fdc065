/**
 * Gateway plugins: objects of optional hooks, created by `useXxx(options)` factories. The core
 * stays small; limits, introspection control, header propagation and request ids are plugins
 * built on the same hooks users get.
 *
 * Hooks run in plugin order. Where a hook can end the request early (`setResponse`), the first
 * plugin to do so wins and later plugins' hooks of that phase do not run.
 *
 * Cost model: `onParse`, `onValidate` and `onPlan` run when an operation is compiled, i.e. once per
 * (supergraph, operation text) — not on every request, because the compiled operation is cached.
 * `onRequest`, `onSubgraphRequest` and `onResponse` run on every request; keep them cheap.
 *
 * The whole API, with an example per hook, is described in `docs/gateway-plugins.md`.
 *
 * @module
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';
import type { QueryPlan } from '@orrery/query-planner';
import type { GraphQLErrorJson, SubgraphRequestError } from './errors.js';
import type { ExecutionResponse } from './gateway/create-gateway.js';
import type { SubgraphFetch, SubgraphRequest, SubgraphResponse } from './fetch/subgraph-fetcher.js';
import type { GatewayRequest, GatewayResponse } from './http/types.js';

/** `onRequest`: every HTTP request, before anything else. */
export interface OnRequestPayload {
  readonly request: GatewayRequest;
  /** Per-request state shared by a plugin's hooks (keyed by the plugin's own symbols). */
  readonly context: RequestContext;
  /** Answers the request now, without running the operation. */
  setResponse(response: GatewayResponse): void;
}

/** `onParse`: the operation text is about to be parsed (once per distinct operation). */
export interface OnParsePayload {
  readonly source: string;
  /** Limits passed to graphql-js `parse` (`maxTokens`); plugins may lower or raise them. */
  readonly parseOptions: { maxTokens?: number };
}

/** `onValidate`: the parsed operation is about to be validated against the API schema. */
export interface OnValidatePayload {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** Adds a validation rule (graphql-js `ValidationRule`) for this validation. */
  addRule(rule: ValidationRule): void;
  /** Reports an error directly (checks that are not visitor-shaped, like depth limits). */
  reportError(error: GraphQLErrorJson): void;
}

/** `onPlan`: a plan was built for an operation (once per operation). */
export interface OnPlanPayload {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly plan: QueryPlan;
}

/**
 * `onExecute`: every request whose operation compiled, before its plan runs (once per request,
 * unlike `onPlan`). Plugins see the plan, may add response `extensions`, or answer without
 * running the plan.
 */
export interface OnExecutePayload {
  /** The client request; `undefined` for `gateway.execute()`. */
  readonly request: GatewayRequest | undefined;
  readonly context: RequestContext;
  readonly document: DocumentNode;
  /** The operation that runs (picked by `operationName`). */
  readonly operation: OperationDefinitionNode;
  readonly plan: QueryPlan;
  /** Coerced variables. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Added to the response's `extensions` (sent only when a plugin adds to it). */
  readonly extensions: Record<string, unknown>;
  /** Answers with `result` and skips execution (a dry run, a refusal). */
  setResult(result: ExecutionResponse): void;
}

/** `onSubgraphRequest`: every subgraph request, before it is sent. */
export interface OnSubgraphRequestPayload {
  /** The request; plugins may add to `request.headers`. */
  readonly request: SubgraphRequest;
  /** The client request this fetch serves. */
  readonly clientRequest: GatewayRequest;
  readonly context: RequestContext;
  /**
   * How the request will be sent now: the gateway's fetcher, or what an earlier plugin set. Wrap
   * it to see the response (its `headers`, timings) without replacing the transport.
   */
  readonly fetcher: SubgraphFetch;
  /** Replaces how this request is sent (retries, caching, a custom transport). */
  setFetcher(fetch: SubgraphFetch): void;
}

/**
 * What `onSubgraphRequest` may return: called once the subgraph request settled, with how long
 * it took and its response or failure. Callbacks run in reverse plugin order (the first plugin
 * to see the request is the last to see its end), so a plugin that opens something around a
 * fetch (a span) still has it open while later plugins' callbacks run.
 */
export type OnSubgraphResponse = (payload: OnSubgraphResponsePayload) => void;

/** The end of one subgraph request: a parsed GraphQL response, or why there is none. */
export type OnSubgraphResponsePayload = {
  readonly request: SubgraphRequest;
  readonly context: RequestContext;
  /** When the request was handed to the fetcher, in ms since the epoch (fractional). */
  readonly startTime: number;
  /** From `startTime` until the response was parsed or the request failed, in ms. */
  readonly durationMs: number;
} & (
  | {
      readonly ok: true;
      /**
       * The parsed response, including any top-level `extensions` the subgraph sent (never
       * passed to clients); plugins may read and delete from it.
       */
      readonly response: SubgraphResponse & { extensions?: Record<string, unknown> };
    }
  | { readonly ok: false; readonly error: SubgraphRequestError }
);

/** When one compilation phase ran: start in ms since the epoch (fractional), and its length. */
export interface PhaseTiming {
  readonly startTime: number;
  readonly durationMs: number;
}

/** What a GraphQL request ran, for `onResponse` (metrics, logs, traces). */
export interface GraphQLExchange {
  /** The `operationName` the client sent, else the name of the document's only operation. */
  readonly operationName: string | undefined;
  /** Set once the operation compiled; undefined when it was refused before. */
  readonly operationType: 'query' | 'mutation' | 'subscription' | undefined;
  /**
   * The compiled operation (parse, validate, plan) came from the cache. False when this request
   * compiled it, or when the request was refused before the cache was consulted.
   */
  readonly cached: boolean;
  /** When this request compiled the operation (a cache miss): the phases that ran. */
  readonly phases?: {
    readonly parse?: PhaseTiming;
    readonly validate?: PhaseTiming;
    readonly plan?: PhaseTiming;
  };
  /** The GraphQL response body before it was serialised: do not modify it. */
  readonly result: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly GraphQLErrorJson[];
  };
}

/** `onResponse`: the response is about to be sent. */
export interface OnResponsePayload {
  readonly request: GatewayRequest;
  readonly context: RequestContext;
  /** The response; plugins may add headers or replace it. */
  response: GatewayResponse;
  /** Set when the request went to the GraphQL endpoint (absent for `/health`, 404s, ...). */
  readonly graphql?: GraphQLExchange;
}

/** `onSupergraphChange`: a new supergraph was loaded and now serves new requests. */
export interface OnSupergraphChangePayload {
  readonly supergraphSdl: string;
  readonly apiSchema: GraphQLSchema;
}

/** `onSupergraphError`: a supergraph was offered but could not be loaded; the old one serves on. */
export interface OnSupergraphErrorPayload {
  readonly supergraphSdl: string;
  readonly error: Error;
}

/** Per-request state; plugins store their data under their own symbol keys. */
export type RequestContext = Map<symbol, unknown>;

/** A gateway plugin: every hook optional. */
export interface GatewayPlugin {
  /** For error messages and debugging. */
  readonly name?: string;
  /** May return a promise (answering from an async source); the gateway awaits only then. */
  onRequest?(payload: OnRequestPayload): void | Promise<void>;
  onParse?(payload: OnParsePayload): void;
  onValidate?(payload: OnValidatePayload): void;
  onPlan?(payload: OnPlanPayload): void;
  onExecute?(payload: OnExecutePayload): void;
  /** May return a callback run when the request settles (see {@link OnSubgraphResponse}). */
  onSubgraphRequest?(payload: OnSubgraphRequestPayload): void | OnSubgraphResponse;
  onResponse?(payload: OnResponsePayload): void;
  onSupergraphChange?(payload: OnSupergraphChangePayload): void;
  onSupergraphError?(payload: OnSupergraphErrorPayload): void;
}
