/**
 * `useTracing`: OpenTelemetry spans through `@opentelemetry/api`, a no-op until an SDK is
 * installed. Each request gets a server span, with children:
 * - `graphql.parse`, `graphql.validate`, `graphql.plan`, when this request compiled its operation
 *   (timed as they ran; a plan cache hit has none);
 * - `subgraph <name>`, one per subgraph HTTP request, whose context is sent to the subgraph as a
 *   W3C `traceparent` (and through the SDK's propagator, when one is registered).
 *
 * A client's `traceparent` is continued by default, so the gateway shows up inside the client's
 * trace; without an SDK the client's context is passed through to subgraphs unchanged.
 *
 * @module
 */
import {
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { setSubgraphSpan } from '../observability/fetch-spans.js';
import { readTraceContext, writeTraceContext } from '../observability/trace-context.js';
import type { GatewayPlugin, GraphQLExchange, PhaseTiming } from '../plugin.js';

export interface TracingOptions {
  /** The tracer (default: `trace.getTracer('@orrery/gateway')` from the global provider). */
  readonly tracer?: Tracer;
  /** Continue the trace named by the client's `traceparent` (default true). */
  readonly continueClientTrace?: boolean;
}

/** The request span and its context, per request. */
interface RequestSpan {
  readonly span: Span;
  readonly context: Context;
  /** The operation, once known (`onExecute`), for the subgraph spans. */
  operation?: Attributes;
}

/** Traces requests, their compilation phases and subgraph requests. */
export function useTracing(options: TracingOptions = {}): GatewayPlugin {
  const tracer = options.tracer ?? trace.getTracer('@orrery/gateway');
  const continueClient = options.continueClientTrace !== false;
  // One key per instance: two tracing plugins (two tracers) must not share request spans.
  const REQUEST = Symbol('tracing-request');

  return {
    name: 'tracing',
    onRequest({ request, context }) {
      let parent = ROOT_CONTEXT;
      if (continueClient) {
        // The SDK's propagator first (it may read more than W3C); ours when it found nothing.
        parent = propagation.extract(ROOT_CONTEXT, request.headers);
        if (!trace.getSpanContext(parent)) {
          const remote = readTraceContext(
            request.headers['traceparent'],
            request.headers['tracestate'],
          );
          if (remote) parent = trace.setSpanContext(ROOT_CONTEXT, remote);
        }
      }
      const q = request.url.indexOf('?');
      const path = q === -1 ? request.url : request.url.slice(0, q);
      const span = tracer.startSpan(
        `${request.method} ${path}`,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': request.method, 'url.path': path },
        },
        parent,
      );
      const entry: RequestSpan = { span, context: trace.setSpan(parent, span) };
      context.set(REQUEST, entry);
    },
    onExecute({ context, operation }) {
      const entry = context.get(REQUEST) as RequestSpan | undefined;
      if (!entry?.span.isRecording()) return;
      entry.operation = { 'graphql.operation.type': operation.operation };
      if (operation.name) entry.operation['graphql.operation.name'] = operation.name.value;
    },
    onSubgraphRequest({ request, context }) {
      const entry = context.get(REQUEST) as RequestSpan | undefined;
      const parent = entry?.context ?? ROOT_CONTEXT;
      if (entry && !entry.span.isRecording()) {
        // No SDK, or not sampled: no span to record, only the trace context to pass on.
        writeTraceContext(entry.span.spanContext(), request.headers);
        propagation.inject(parent, request.headers);
        return undefined;
      }
      const span = tracer.startSpan(
        `subgraph ${request.serviceName}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            ...entry?.operation,
            'orrery.subgraph.name': request.serviceName,
            'http.request.method': 'POST',
            'url.full': request.url,
          },
        },
        parent,
      );
      setSubgraphSpan(request, span, tracer);
      writeTraceContext(span.spanContext(), request.headers);
      propagation.inject(trace.setSpan(parent, span), request.headers);
      return (done) => {
        if (done.ok) {
          const count = done.response.errors?.length ?? 0;
          if (count > 0) {
            span.setAttribute('orrery.subgraph.error_count', count);
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: errorSummary(done.response.errors!),
            });
          }
        } else {
          const { error } = done;
          span.recordException(error);
          span.setAttribute('error.type', error.code);
          if (error.status !== undefined)
            span.setAttribute('http.response.status_code', error.status);
          span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        }
        span.end();
      };
    },
    onResponse({ context, response, graphql }) {
      const entry = context.get(REQUEST) as RequestSpan | undefined;
      if (!entry) return;
      const { span } = entry;
      if (!span.isRecording()) {
        span.end();
        return;
      }
      span.setAttribute('http.response.status_code', response.status);
      if (graphql) {
        describeOperation(span, graphql);
        if (graphql.phases) {
          phaseSpan(tracer, 'graphql.parse', graphql.phases.parse, entry.context);
          phaseSpan(tracer, 'graphql.validate', graphql.phases.validate, entry.context);
          phaseSpan(tracer, 'graphql.plan', graphql.phases.plan, entry.context);
        }
      }
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/** Names the request span after its operation (OpenTelemetry's GraphQL conventions). */
function describeOperation(span: Span, graphql: GraphQLExchange): void {
  const attributes: Attributes = { 'orrery.plan_cache.hit': graphql.cached };
  if (graphql.operationName !== undefined) {
    attributes['graphql.operation.name'] = graphql.operationName;
  }
  if (graphql.operationType !== undefined) {
    attributes['graphql.operation.type'] = graphql.operationType;
    span.updateName(
      graphql.operationName
        ? `${graphql.operationType} ${graphql.operationName}`
        : graphql.operationType,
    );
  }
  const errors = graphql.result.errors;
  if (errors && errors.length > 0) {
    attributes['orrery.graphql.error_count'] = errors.length;
    const codes = [...new Set(errors.map(codeOf))];
    attributes['orrery.graphql.error_codes'] = codes;
    span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
  }
  span.setAttributes(attributes);
}

function phaseSpan(
  tracer: Tracer,
  name: string,
  timing: PhaseTiming | undefined,
  parent: Context,
): void {
  if (!timing) return;
  tracer
    .startSpan(name, { kind: SpanKind.INTERNAL, startTime: timing.startTime }, parent)
    .end(timing.startTime + timing.durationMs);
}

function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : 'UNKNOWN';
}

function errorSummary(errors: readonly { message: string }[]): string {
  const first = errors[0]?.message ?? '';
  return errors.length === 1 ? first : `${first} (and ${errors.length - 1} more)`;
}
