/**
 * The span `useTracing` opened for each subgraph request, so other plugins can hang their own
 * spans under it (`useFederatedTracing` adds the subgraph's resolver timings there). Keyed by
 * the request object, which is unique per subgraph request; nothing to clean up.
 *
 * @module
 */
import type { Span, Tracer } from '@opentelemetry/api';
import type { SubgraphRequest } from '../fetch/subgraph-fetcher.js';

const spans = new WeakMap<SubgraphRequest, { readonly span: Span; readonly tracer: Tracer }>();

export function setSubgraphSpan(request: SubgraphRequest, span: Span, tracer: Tracer): void {
  spans.set(request, { span, tracer });
}

/** The span of a subgraph request and the tracer that made it, when `useTracing` runs. */
export function getSubgraphSpan(
  request: SubgraphRequest,
): { readonly span: Span; readonly tracer: Tracer } | undefined {
  return spans.get(request);
}
