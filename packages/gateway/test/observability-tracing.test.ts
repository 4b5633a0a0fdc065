import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway, useMetrics, useTracing, type Gateway } from '../src/index.js';
import {
  REVIEWS_URL,
  runSubgraph,
  supergraphSdl,
  USERS_URL,
  type ReceivedRequest,
} from './helpers.js';
import { post } from './observability-helpers.js';

const SUPERGRAPH = supergraphSdl();

let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface Received {
  readonly subgraph: string;
  readonly headers: Record<string, string>;
}

/** Real subgraph schemas behind a MockAgent that records each request's headers. */
function subgraphs(options: { failReviews?: boolean } = {}): {
  agent: MockAgent;
  received: Received[];
} {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const received: Received[] = [];
  for (const [name, url] of [
    ['users', USERS_URL],
    ['reviews', REVIEWS_URL],
  ] as const) {
    const { origin, pathname } = new URL(url);
    const interceptor = agent.get(origin).intercept({ path: pathname, method: 'POST' });
    if (name === 'reviews' && options.failReviews) {
      interceptor.replyWithError(new Error('connection refused')).persist();
      continue;
    }
    interceptor
      .reply(200, async (opts) => {
        received.push({ subgraph: name, headers: opts.headers as Record<string, string> });
        const request = JSON.parse(String(opts.body)) as ReceivedRequest;
        return JSON.stringify(await runSubgraph(name, request));
      })
      .persist();
  }
  return { agent, received };
}

function tracedGateway(options: { failReviews?: boolean } = {}) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const { agent, received } = subgraphs(options);
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    plugins: [useTracing({ tracer: provider.getTracer('test') })],
  });
  return { gateway, exporter, received };
}

const CLIENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`;

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const byName = (spans: readonly ReadableSpan[], name: string) =>
  spans.filter((s) => s.name === name);

describe('useTracing', () => {
  it('makes a request span with parse, validate, plan and one span per subgraph request', async () => {
    const { gateway, exporter, received } = tracedGateway();
    const response = await gateway.handle(
      post(
        { query: 'query MyReviews { me { name reviews { body } } }' },
        { traceparent: TRACEPARENT, tracestate: 'vendor=abc' },
      ),
    );
    expect(JSON.parse(response.body).data).toEqual({
      me: { name: 'Ada', reviews: [{ body: 'Great' }] },
    });

    const spans = exporter.getFinishedSpans();
    const [root] = byName(spans, 'query MyReviews');
    expect(root).toBeDefined();
    expect(root!.kind).toBe(SpanKind.SERVER);
    // The client's trace continues through the gateway.
    expect(root!.spanContext().traceId).toBe(CLIENT_TRACE);
    expect(parentOf(root!)).toBe(CLIENT_SPAN);
    expect(root!.attributes).toMatchObject({
      'graphql.operation.name': 'MyReviews',
      'graphql.operation.type': 'query',
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'http.response.status_code': 200,
      'orrery.plan_cache.hit': false,
    });
    expect(root!.status.code).toBe(SpanStatusCode.UNSET);

    const rootId = root!.spanContext().spanId;
    for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.plan']) {
      const [span] = byName(spans, phase);
      expect(span, phase).toBeDefined();
      expect(parentOf(span!)).toBe(rootId);
      expect(span!.spanContext().traceId).toBe(CLIENT_TRACE);
    }

    const fetches = spans.filter((s) => s.name.startsWith('subgraph '));
    expect(fetches.map((s) => s.name).sort()).toEqual(['subgraph reviews', 'subgraph users']);
    expect(received.map((r) => r.subgraph).sort()).toEqual(['reviews', 'users']);
    for (const fetch of fetches) {
      expect(fetch.kind).toBe(SpanKind.CLIENT);
      expect(parentOf(fetch)).toBe(rootId);
      const subgraph = fetch.attributes['orrery.subgraph.name'];
      expect(fetch.attributes['graphql.operation.name']).toBe('MyReviews');
      expect(fetch.attributes['graphql.operation.type']).toBe('query');
      expect(fetch.attributes['url.full']).toBe(subgraph === 'users' ? USERS_URL : REVIEWS_URL);
      // Each subgraph saw the context of its own fetch span, and the client's tracestate.
      const headers = received.find((r) => r.subgraph === subgraph)!.headers;
      expect(headers['traceparent']).toBe(`00-${CLIENT_TRACE}-${fetch.spanContext().spanId}-01`);
      expect(headers['tracestate']).toBe('vendor=abc');
    }
  });

  it('has no compilation spans when the plan cache answers', async () => {
    const { gateway, exporter } = tracedGateway();
    const body = { query: '{ me { name } }' };
    await gateway.handle(post(body));
    exporter.reset();
    await gateway.handle(post(body));
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name).sort()).toEqual(['query', 'subgraph users']);
    const root = byName(spans, 'query')[0]!;
    expect(root.attributes['orrery.plan_cache.hit']).toBe(true);
    // No client trace: a new trace, still sent to the subgraph.
    expect(parentOf(root)).toBeUndefined();
    expect(byName(spans, 'subgraph users')[0]!.spanContext().traceId).toBe(
      root.spanContext().traceId,
    );
  });

  it('marks failed subgraph requests and requests with errors', async () => {
    const { gateway, exporter } = tracedGateway({ failReviews: true });
    await gateway.handle(post({ query: 'query Q { me { name reviews { body } } }' }));
    const spans = exporter.getFinishedSpans();
    const fetch = byName(spans, 'subgraph reviews')[0]!;
    expect(fetch.status.code).toBe(SpanStatusCode.ERROR);
    expect(fetch.status.message).toMatch(/connection refused/);
    expect(fetch.attributes['error.type']).toBe('ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED');
    expect(fetch.events.map((e) => e.name)).toEqual(['exception']);
    expect(byName(spans, 'subgraph users')[0]!.status.code).toBe(SpanStatusCode.UNSET);

    const root = byName(spans, 'query Q')[0]!;
    expect(root.status.code).toBe(SpanStatusCode.ERROR);
    expect(root.attributes['orrery.graphql.error_codes']).toEqual([
      'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED',
    ]);
  });

  it('traces refused operations: the phases that ran, and the error codes', async () => {
    const { gateway, exporter } = tracedGateway();
    await gateway.handle(post({ query: '{ me { nope } }' }));
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name).sort()).toEqual([
      'POST /graphql',
      'graphql.parse',
      'graphql.validate',
    ]);
    const root = byName(spans, 'POST /graphql')[0]!;
    expect(root.attributes['orrery.graphql.error_codes']).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('starts a new trace on a malformed traceparent, and can ignore the client trace', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const { agent } = subgraphs();
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      dispatcher: agent,
      plugins: [
        useTracing({ tracer: provider.getTracer('a') }),
        useTracing({ tracer: provider.getTracer('b'), continueClientTrace: false }),
      ],
    });
    await gateway.handle(
      post({ query: '{ me { id } }' }, { traceparent: `00-${'0'.repeat(32)}-${CLIENT_SPAN}-01` }),
    );
    await gateway.handle(post({ query: '{ me { id } }' }, { traceparent: TRACEPARENT }));
    const roots = byName(exporter.getFinishedSpans(), 'query');
    expect(roots).toHaveLength(4);
    const traces = roots.map((s) => ({
      tracer: s.instrumentationScope.name,
      continued: s.spanContext().traceId === CLIENT_TRACE,
    }));
    expect(traces).toEqual([
      { tracer: 'a', continued: false },
      { tracer: 'b', continued: false },
      { tracer: 'a', continued: true },
      { tracer: 'b', continued: false },
    ]);
  });

  it('ends the request span of a request that failed inside the gateway', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      plugins: [
        useTracing({ tracer: provider.getTracer('t') }),
        {
          onExecute() {
            throw new Error('plugin bug');
          },
        },
      ],
    });
    const response = await gateway.handle(post({ query: '{ me { id } }' }));
    expect(response.status).toBe(500);
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({
      name: 'POST /graphql',
      status: { code: SpanStatusCode.ERROR },
      attributes: expect.objectContaining({ 'http.response.status_code': 500 }),
    });
  });

  it('without an SDK, passes the client trace context to subgraphs unchanged', async () => {
    const { agent, received } = subgraphs();
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      dispatcher: agent,
      plugins: [useTracing()],
    });
    const response = await gateway.handle(
      post({ query: '{ me { name } }' }, { traceparent: TRACEPARENT }),
    );
    expect(JSON.parse(response.body).data).toEqual({ me: { name: 'Ada' } });
    expect(received.map((r) => r.headers['traceparent'])).toEqual([TRACEPARENT]);
  });

  it('leaves /metrics scrapes answered by an earlier plugin untraced', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      plugins: [
        useMetrics({ defaultMetrics: false }),
        useTracing({ tracer: provider.getTracer('t') }),
      ],
    });
    const response = await gateway.handle({ method: 'GET', url: '/metrics', headers: {} });
    expect(response.status).toBe(200);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
