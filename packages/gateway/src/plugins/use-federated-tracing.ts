/**
 * `useFederatedTracing`: resolver timings from subgraphs, through Apollo's federated tracing
 * (ftv1). Subgraph requests carry `apollo-federation-include-trace: ftv1`; subgraphs built with
 * Apollo Server (and others that implement ftv1) answer with `extensions.ftv1`, a base64
 * protobuf `Trace` of every field they resolved. The plugin decodes it and, with `useTracing`
 * installed, adds one span per resolved field under that request's `subgraph <name>` span,
 * nested like the fields. The trace never reaches clients: it is removed from the subgraph
 * response as soon as it is read.
 *
 * Field times are offsets from the subgraph's own start; they are placed from the moment the
 * gateway sent the request, so clock skew between machines cannot move them outside the fetch.
 * List this plugin after `useTracing`: its completion callback then runs while the fetch span is
 * still open.
 *
 * @module
 */
import { Trace } from '@apollo/usage-reporting-protobuf';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { SubgraphRequest } from '../fetch/subgraph-fetcher.js';
import { getSubgraphSpan } from '../observability/fetch-spans.js';
import type { GatewayPlugin, RequestContext } from '../plugin.js';

export interface FederatedTracingOptions {
  /** Subgraphs asked for traces, by name (default: every subgraph). */
  readonly subgraphs?: readonly string[];
  /**
   * Most field spans made from one subgraph response (default 500): a list of thousands of
   * objects would otherwise make thousands of spans. The fetch span says when it was cut.
   */
  readonly maxFieldSpans?: number;
  /** Receives every decoded trace (for example to aggregate resolver timings yourself). */
  readonly onTrace?: (trace: Trace, info: FederatedTraceInfo) => void;
}

/** Where a decoded trace came from. */
export interface FederatedTraceInfo {
  readonly serviceName: string;
  readonly request: SubgraphRequest;
  readonly context: RequestContext;
}

/** The request header that asks a subgraph for an ftv1 trace. */
export const INCLUDE_TRACE_HEADER = 'apollo-federation-include-trace';

/** Asks subgraphs for ftv1 traces and turns them into spans. */
export function useFederatedTracing(options: FederatedTracingOptions = {}): GatewayPlugin {
  const only = options.subgraphs ? new Set(options.subgraphs) : undefined;
  const maxSpans = options.maxFieldSpans ?? 500;
  return {
    name: 'federated-tracing',
    onSubgraphRequest({ request, context }) {
      if (only && !only.has(request.serviceName)) return undefined;
      request.headers[INCLUDE_TRACE_HEADER] = 'ftv1';
      return (done) => {
        if (!done.ok) return;
        const extensions = done.response.extensions;
        const encoded = extensions?.['ftv1'];
        if (encoded === undefined) return;
        delete extensions!['ftv1'];
        const fetch = getSubgraphSpan(request);
        let decoded: Trace;
        try {
          if (typeof encoded !== 'string') throw new TypeError('extensions.ftv1 is not a string');
          decoded = Trace.decode(Buffer.from(encoded, 'base64'));
        } catch (error) {
          fetch?.span.setAttribute('orrery.ftv1.error', (error as Error).message);
          return;
        }
        if (fetch) addFieldSpans(decoded, fetch.span, fetch.tracer, done.startTime, maxSpans);
        options.onTrace?.(decoded, { serviceName: request.serviceName, request, context });
      };
    },
  };
}

/** One span per resolved field, nested as the fields are, under the fetch span. */
function addFieldSpans(
  decoded: Trace,
  fetchSpan: Span,
  tracer: Tracer,
  anchor: number,
  maxSpans: number,
): void {
  let made = 0;
  let cut = false;
  // Nanosecond offsets from the subgraph's start, placed from when the gateway sent the request.
  const at = (ns: number | null | undefined) => anchor + (ns ?? 0) / 1e6;
  const visit = (node: Trace.INode, parent: Span, path: readonly (string | number)[]): void => {
    // A node is a field (`responseName`) or a list item (`index`, a oneof with it).
    const here = node.responseName
      ? [...path, node.responseName]
      : (node as Trace.Node).id === 'index'
        ? [...path, node.index ?? 0]
        : path;
    let span = parent;
    if (node.responseName) {
      if (made >= maxSpans) {
        cut = true;
        return;
      }
      made++;
      const field = node.originalFieldName || node.responseName;
      span = tracer.startSpan(
        `${node.parentType ?? ''}.${field}`,
        {
          kind: SpanKind.INTERNAL,
          startTime: at(node.startTime),
          attributes: {
            'graphql.field.path': here.join('.'),
            'graphql.field.name': field,
            'graphql.field.type': node.type ?? '',
            'graphql.field.parent_type': node.parentType ?? '',
          },
        },
        trace.setSpan(ROOT_CONTEXT, parent),
      );
      recordErrors(span, node.error);
    }
    for (const child of node.child ?? []) visit(child, span, here);
    if (span !== parent) span.end(at(node.endTime));
  };
  if (decoded.root) {
    recordErrors(fetchSpan, decoded.root.error);
    for (const child of decoded.root.child ?? []) visit(child, fetchSpan, []);
  }
  fetchSpan.setAttribute('orrery.ftv1.field_spans', made);
  if (decoded.durationNs) fetchSpan.setAttribute('orrery.ftv1.duration_ns', decoded.durationNs);
  if (cut) fetchSpan.setAttribute('orrery.ftv1.truncated', true);
}

function recordErrors(span: Span, errors: readonly Trace.IError[] | null | undefined): void {
  if (!errors || errors.length === 0) return;
  for (const error of errors) span.addEvent('graphql.error', { message: error.message ?? '' });
  span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]!.message ?? '' });
}
