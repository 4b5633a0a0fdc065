/**
 * The production set of observability plugins together, as docs/gateway-plugins.md recommends,
 * over real HTTP in front of real `@apollo/server` subgraphs: one client request must show up
 * with the same request id and trace in the response, the logs, the metrics, the spans and the
 * subgraphs' requests.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGateway,
  createServer,
  useFederatedTracing,
  useLogger,
  useMetrics,
  useRequestId,
  useTracing,
  type Gateway,
} from '../src/index.js';
import { supergraphSdl } from './helpers.js';
import { startApolloSubgraphs, type ApolloSubgraphs } from './observability-apollo-subgraphs.js';
import { parsePrometheus, valueOf } from './observability-helpers.js';

let subgraphs: ApolloSubgraphs;
let gateway: Gateway;
let server: Server;
let base: string;
const exporter = new InMemorySpanExporter();
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  subgraphs = await startApolloSubgraphs();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  gateway = createGateway({
    supergraph: supergraphSdl(),
    subgraphs: subgraphs.settings,
    plugins: [
      useRequestId(),
      useLogger({
        destination: { write: (line: string) => logs.push(JSON.parse(line) as never) },
      }),
      useMetrics({ defaultMetrics: false }),
      useTracing({ tracer: provider.getTracer('together') }),
      useFederatedTracing(),
    ],
  });
  server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await gateway.close();
  await subgraphs.stop();
});

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('observability plugins together', () => {
  it('tie one request together across response, logs, metrics, spans and subgraphs', async () => {
    const response = await request(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${TRACE}-00f067aa0ba902b7-01`,
        authorization: 'Bearer do-not-log-me',
      },
      body: JSON.stringify({ query: 'query Reviews { users { name reviews { rating } } }' }),
    });
    const text = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(text).not.toContain('ftv1');
    expect(JSON.parse(text)).toMatchObject({
      data: { users: [{ name: 'Ada' }, { name: 'Alan' }, { name: 'Grace' }] },
      errors: [expect.objectContaining({ path: ['users', 1, 'reviews', 0, 'rating'] })],
    });
    const requestId = response.headers['x-request-id'];
    expect(typeof requestId).toBe('string');

    // Logs: the request line carries the id, and no credential.
    const [line] = logs.filter((l) => l['msg'] === 'graphql request');
    expect(line).toMatchObject({ requestId, operationName: 'Reviews', status: 200 });
    expect(JSON.stringify(logs)).not.toContain('do-not-log-me');

    // Subgraphs: the request id, the trace of their own fetch span, the ftv1 request.
    const spans = exporter.getFinishedSpans();
    for (const { subgraph, headers } of subgraphs.received) {
      const fetch = spans.find((s) => s.name === `subgraph ${subgraph}`)!;
      expect(headers['x-request-id']).toBe(requestId);
      expect(headers['traceparent']).toBe(`00-${TRACE}-${fetch.spanContext().spanId}-01`);
      expect(headers['apollo-federation-include-trace']).toBe('ftv1');
      // Field spans from the subgraph's ftv1 trace hang under the fetch span.
      expect(spans.some((s) => s.parentSpanContext?.spanId === fetch.spanContext().spanId)).toBe(
        true,
      );
    }
    expect(subgraphs.received.map((r) => r.subgraph)).toEqual(['users', 'reviews']);
    expect(spans.find((s) => s.name === 'query Reviews')!.spanContext().traceId).toBe(TRACE);

    // Metrics, scraped over HTTP like Prometheus does.
    const scrape = await request(`${base}/metrics`);
    const samples = parsePrometheus(await scrape.body.text());
    expect(
      valueOf(samples, 'orrery_gateway_requests_total', {
        operation_name: 'Reviews',
        outcome: 'field_errors',
      }),
    ).toBe(1);
    const subgraphCount = (subgraph: string, outcome: string) =>
      valueOf(samples, 'orrery_gateway_subgraph_request_duration_seconds_count', {
        subgraph,
        outcome,
      });
    expect(subgraphCount('users', 'success')).toBe(1);
    // Review r2's rating failed in the subgraph: its response carried an error.
    expect(subgraphCount('reviews', 'error')).toBe(1);
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_errors_total', {
        subgraph: 'reviews',
        kind: 'graphql',
      }),
    ).toBe(1);
    // The scrape is neither logged as a GraphQL request nor traced.
    expect(logs.filter((l) => l['msg'] === 'graphql request')).toHaveLength(1);
    expect(exporter.getFinishedSpans().filter((s) => s.name.startsWith('GET'))).toEqual([]);
  });
});
