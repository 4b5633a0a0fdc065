/**
 * Federated tracing against real `@apollo/server` subgraphs (schemas from `@apollo/subgraph`)
 * listening on local ports: asked with `apollo-federation-include-trace: ftv1`, they answer with
 * real ftv1 traces, which the gateway decodes into spans and keeps from clients.
 */
import type { Trace } from '@apollo/usage-reporting-protobuf';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGateway,
  INCLUDE_TRACE_HEADER,
  useFederatedTracing,
  useTracing,
  type FederatedTracingOptions,
  type Gateway,
  type GatewayPlugin,
} from '../src/index.js';
import { supergraphSdl } from './helpers.js';
import { startApolloSubgraphs, type ApolloSubgraphs } from './observability-apollo-subgraphs.js';
import { post } from './observability-helpers.js';

let subgraphs: ApolloSubgraphs;
beforeAll(async () => {
  subgraphs = await startApolloSubgraphs();
});
afterAll(async () => {
  await subgraphs.stop();
});
const received = () => subgraphs.received;

let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  subgraphs.received.length = 0;
});

function start(plugins: GatewayPlugin[]): Gateway {
  gateway = createGateway({
    supergraph: supergraphSdl(),
    subgraphs: subgraphs.settings,
    plugins,
  });
  return gateway;
}

function traced(options: FederatedTracingOptions = {}) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const traces: { serviceName: string; trace: Trace }[] = [];
  const g = start([
    useTracing({ tracer: provider.getTracer('test') }),
    useFederatedTracing({
      ...options,
      onTrace: (trace, info) => traces.push({ serviceName: info.serviceName, trace }),
    }),
  ]);
  return { gateway: g, exporter, traces };
}

const QUERY = 'query Reviews { users { name reviews { body rating } } }';

const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('useFederatedTracing', () => {
  it('turns ftv1 traces from Apollo Server subgraphs into field spans under each fetch span', async () => {
    const { gateway, exporter, traces } = traced();
    const response = await gateway.handle(post({ query: QUERY }));
    const body = JSON.parse(response.body) as { data: unknown; errors?: unknown[] };
    expect(body.data).toEqual({
      users: [
        { name: 'Ada', reviews: [{ body: 'Great', rating: 5 }] },
        {
          name: 'Alan',
          reviews: [
            { body: 'Fine', rating: null },
            { body: 'Meh', rating: 2 },
          ],
        },
        { name: 'Grace', reviews: [] },
      ],
    });
    // The traces stay between the gateway and its subgraphs.
    expect(response.body).not.toContain('ftv1');

    expect(received().map((r) => [r.subgraph, r.headers[INCLUDE_TRACE_HEADER]])).toEqual([
      ['users', 'ftv1'],
      ['reviews', 'ftv1'],
    ]);
    expect(traces.map((t) => t.serviceName)).toEqual(['users', 'reviews']);

    const spans = exporter.getFinishedSpans();
    const usersFetch = spans.find((s) => s.name === 'subgraph users')!;
    const reviewsFetch = spans.find((s) => s.name === 'subgraph reviews')!;

    // users: Query.users, then the fields of every User under it.
    const [queryUsers] = spans.filter((s) => s.name === 'Query.users');
    expect(parentOf(queryUsers!)).toBe(idOf(usersFetch));
    expect(queryUsers!.attributes).toMatchObject({
      'graphql.field.path': 'users',
      'graphql.field.type': '[User!]!',
      'graphql.field.parent_type': 'Query',
    });
    const names = spans.filter((s) => s.name === 'User.name');
    expect(names.map((s) => s.attributes['graphql.field.path']).sort()).toEqual([
      'users.0.name',
      'users.1.name',
      'users.2.name',
    ]);
    for (const span of names) expect(parentOf(span)).toBe(idOf(queryUsers!));

    // reviews: _entities, User.reviews per entity, Review fields under each.
    const [entities] = spans.filter((s) => s.name === 'Query._entities');
    expect(parentOf(entities!)).toBe(idOf(reviewsFetch));
    const reviews = spans.filter((s) => s.name === 'User.reviews');
    expect(reviews).toHaveLength(3);
    for (const span of reviews) expect(parentOf(span)).toBe(idOf(entities!));
    const ratings = spans.filter((s) => s.name === 'Review.rating');
    expect(ratings.map((s) => s.attributes['graphql.field.path']).sort()).toEqual([
      '_entities.0.reviews.0.rating',
      '_entities.1.reviews.0.rating',
      '_entities.1.reviews.1.rating',
    ]);
    const failed = ratings.find(
      (s) => s.attributes['graphql.field.path'] === '_entities.1.reviews.0.rating',
    )!;
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.events.map((e) => e.name)).toEqual(['graphql.error']);
    expect(ratings.filter((s) => s.status.code === SpanStatusCode.ERROR).map(idOf)).toEqual([
      idOf(failed),
    ]);
    const failedParent = spans.find((s) => idOf(s) === parentOf(failed))!;
    expect(failedParent.name).toBe('User.reviews');

    // Every field span is in the fetch's trace; the fetch spans say how many they hold.
    const fieldSpans = spans.filter((s) => s.attributes['graphql.field.path'] !== undefined);
    for (const span of fieldSpans) {
      expect(span.spanContext().traceId).toBe(usersFetch.spanContext().traceId);
    }
    expect(
      (usersFetch.attributes['orrery.ftv1.field_spans'] as number) +
        (reviewsFetch.attributes['orrery.ftv1.field_spans'] as number),
    ).toBe(fieldSpans.length);
    expect(usersFetch.attributes['orrery.ftv1.duration_ns']).toBe(traces[0]!.trace.durationNs);
  });

  it('caps the field spans of one response, and says so on the fetch span', async () => {
    const { gateway, exporter } = traced({ maxFieldSpans: 2 });
    await gateway.handle(post({ query: QUERY }));
    const spans = exporter.getFinishedSpans();
    for (const name of ['subgraph users', 'subgraph reviews']) {
      const fetch = spans.find((s) => s.name === name)!;
      expect(fetch.attributes['orrery.ftv1.field_spans']).toBe(2);
      expect(fetch.attributes['orrery.ftv1.truncated']).toBe(true);
      expect(spans.filter((s) => parentOf(s) === idOf(fetch))).toHaveLength(1);
    }
    expect(spans.filter((s) => s.attributes['graphql.field.path'] !== undefined)).toHaveLength(4);
  });

  it('asks only the listed subgraphs for traces', async () => {
    const { gateway, traces } = traced({ subgraphs: ['reviews'] });
    await gateway.handle(post({ query: QUERY }));
    expect(received().map((r) => [r.subgraph, r.headers[INCLUDE_TRACE_HEADER]])).toEqual([
      ['users', undefined],
      ['reviews', 'ftv1'],
    ]);
    expect(traces.map((t) => t.serviceName)).toEqual(['reviews']);
  });

  it('without useTracing, still decodes traces for onTrace and keeps them from clients', async () => {
    const traces: string[] = [];
    const g = start([
      useFederatedTracing({
        onTrace: (trace, info) =>
          traces.push(`${info.serviceName}:${trace.root?.child?.[0]?.responseName}`),
      }),
    ]);
    const response = await g.handle(post({ query: QUERY }));
    expect(response.body).not.toContain('ftv1');
    expect(traces).toEqual(['users:users', 'reviews:_entities']);
  });
});
