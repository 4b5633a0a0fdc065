/**
 * W3C Trace Context (`traceparent`/`tracestate`, https://www.w3.org/TR/trace-context/) read and
 * written by hand. `@opentelemetry/api` alone propagates nothing (its global propagator is a
 * no-op until an SDK registers one), yet a gateway must pass a client's trace on to its
 * subgraphs either way; when an SDK is installed its propagator runs as well.
 *
 * @module
 */
import { createTraceState, isSpanContextValid, type SpanContext } from '@opentelemetry/api';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * The remote span context a `traceparent` (and optional `tracestate`) header names, or
 * `undefined` when it is absent or malformed (the spec says: then start a new trace).
 */
export function readTraceContext(
  traceparent: string | string[] | undefined,
  tracestate?: string | string[],
): SpanContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields; later versions may add fields.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const context: SpanContext = {
    traceId: traceId!,
    spanId: spanId!,
    traceFlags: parseInt(flags!, 16) & 0x01,
    isRemote: true,
  };
  if (!isSpanContextValid(context)) return undefined;
  const state = Array.isArray(tracestate) ? tracestate.join(',') : tracestate;
  if (state) context.traceState = createTraceState(state);
  return context;
}

/** Writes `traceparent` (and `tracestate` when there is one) for `context` into `headers`. */
export function writeTraceContext(context: SpanContext, headers: Record<string, string>): void {
  if (!isSpanContextValid(context)) return;
  const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0');
  headers['traceparent'] = `00-${context.traceId}-${context.spanId}-${flags}`;
  const state = context.traceState?.serialize();
  if (state) headers['tracestate'] = state;
}
