import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { composeSubgraphs } from '@orrery/composition';
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGateway, createServer, useMetrics, type Gateway } from '../src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  SUBGRAPHS,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
  type SubgraphMock,
} from './helpers.js';
import { parsePrometheus, post, valueOf, type Sample } from './observability-helpers.js';

const SUPERGRAPH = supergraphSdl();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let gateway: Gateway | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await gateway?.close();
  gateway = undefined;
});

function start(
  metrics: Parameters<typeof useMetrics>[0] = {},
  reviews: SubgraphMock = reviewsSubgraph,
): Gateway {
  const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviews });
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    plugins: [useMetrics({ defaultMetrics: false, ...metrics })],
  });
  return gateway;
}

async function scrape(g: Gateway, path = '/metrics'): Promise<Sample[]> {
  const response = await g.handle({ method: 'GET', url: path, headers: {} });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheus(response.body);
}

describe('useMetrics', () => {
  it('counts requests by operation name, type and outcome, with latency histograms', async () => {
    const g = start();
    const named = { query: 'query Me { me { name } }' };
    expect((await g.handle(post(named))).status).toBe(200);
    await g.handle(post(named));
    await g.handle(post({ query: '{ users { name } }' }));
    // Refused operations are named by the client's `operationName` parameter.
    await g.handle(post({ query: 'query Broken { me { nope } }', operationName: 'Broken' }));
    const mutation = 'mutation Rename { rename(id: "u1", name: "x") { id } }';
    const overGet = await g.handle({
      method: 'GET',
      url: `/graphql?${new URLSearchParams({ query: mutation }).toString()}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(overGet.status).toBe(405);

    const samples = await scrape(g);
    const requests = (labels: Record<string, string>) =>
      valueOf(samples, 'orrery_gateway_requests_total', labels);
    expect(requests({ operation_name: 'Me', operation_type: 'query', outcome: 'success' })).toBe(2);
    expect(
      requests({ operation_name: '(anonymous)', operation_type: 'query', outcome: 'success' }),
    ).toBe(1);
    // Refused by validation: no operation type, no data.
    expect(
      requests({ operation_name: 'Broken', operation_type: '', outcome: 'request_error' }),
    ).toBe(1);
    // A mutation over GET: compiled (so its type is known), then refused.
    expect(
      requests({ operation_name: 'Rename', operation_type: 'mutation', outcome: 'request_error' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'orrery_gateway_request_duration_seconds_count', {
        operation_name: 'Me',
        outcome: 'success',
      }),
    ).toBe(2);
    expect(
      valueOf(samples, 'orrery_gateway_request_duration_seconds_bucket', {
        operation_name: 'Me',
        outcome: 'success',
        le: '+Inf',
      }),
    ).toBe(2);
    // Scrapes are not GraphQL requests.
    expect(samples.filter((s) => s.name === 'orrery_gateway_requests_total')).toHaveLength(4);
  });

  it('counts plan cache hits and misses, and times planning on misses only', async () => {
    const g = start();
    const body = { query: '{ me { name reviews { id } } }' };
    await g.handle(post(body));
    await g.handle(post(body));
    // Same operation, formatted differently: the normalised cache answers.
    await g.handle(post({ query: '{\n  me {\n    name\n    reviews { id }\n  }\n}' }));
    await g.handle(post({ query: '{ users { id } }' }));
    await g.handle(post({ query: '{ me {' })); // a parse error is compiled (and cached) too

    const samples = await scrape(g);
    expect(valueOf(samples, 'orrery_gateway_plan_cache_misses_total')).toBe(3);
    expect(valueOf(samples, 'orrery_gateway_plan_cache_hits_total')).toBe(2);
    // The parse error never reached the planner.
    expect(valueOf(samples, 'orrery_gateway_planning_duration_seconds_count')).toBe(2);
  });

  it('measures subgraph requests and counts their errors by kind', async () => {
    const g = start({}, { error: new Error('connection refused') });
    const response = await g.handle(post({ query: 'query Q { me { name reviews { id } } }' }));
    expect(JSON.parse(response.body)).toMatchObject({
      data: { me: { name: 'Ada', reviews: null } },
    });
    await g.handle(post({ query: '{ me { name } }' }));

    const samples = await scrape(g);
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_errors_total', {
        subgraph: 'reviews',
        kind: 'request',
      }),
    ).toBe(1);
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_errors_total', { subgraph: 'users' }),
    ).toBeUndefined();
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_request_duration_seconds_count', {
        subgraph: 'users',
        outcome: 'success',
      }),
    ).toBe(2);
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_request_duration_seconds_count', {
        subgraph: 'reviews',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(
      valueOf(samples, 'orrery_gateway_requests_total', {
        operation_name: 'Q',
        outcome: 'field_errors',
      }),
    ).toBe(1);
  });

  it('counts subgraph answers with GraphQL errors as kind "graphql"', async () => {
    const g = start({}, () => ({ json: { data: null, errors: [{ message: 'boom' }] } }));
    await g.handle(post({ query: '{ me { reviews { id } } }' }));
    const samples = await scrape(g);
    expect(
      valueOf(samples, 'orrery_gateway_subgraph_errors_total', {
        subgraph: 'reviews',
        kind: 'graphql',
      }),
    ).toBe(1);
  });

  it('reports the supergraph id and age, and the last successful and failed updates', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const g = start();
    const loadedAt = Date.parse('2030-01-01T00:00:00Z') / 1000;
    let samples = await scrape(g);
    expect(valueOf(samples, 'orrery_gateway_supergraph_info', { id: sha256(SUPERGRAPH) })).toBe(1);
    expect(valueOf(samples, 'orrery_gateway_supergraph_last_success_timestamp_seconds')).toBe(
      loadedAt,
    );
    expect(valueOf(samples, 'orrery_gateway_supergraph_last_failure_timestamp_seconds')).toBe(0);

    vi.setSystemTime(new Date('2030-01-01T00:00:42Z'));
    samples = await scrape(g);
    expect(valueOf(samples, 'orrery_gateway_supergraph_age_seconds')).toBe(42);

    expect(g.updateSupergraph('this is not a supergraph').ok).toBe(false);
    samples = await scrape(g);
    expect(valueOf(samples, 'orrery_gateway_supergraph_last_failure_timestamp_seconds')).toBe(
      loadedAt + 42,
    );
    expect(valueOf(samples, 'orrery_gateway_supergraph_updates_total', { result: 'failure' })).toBe(
      1,
    );
    // The old supergraph still serves, and is still the one reported.
    expect(valueOf(samples, 'orrery_gateway_supergraph_info', { id: sha256(SUPERGRAPH) })).toBe(1);

    const composed = composeSubgraphs(
      SUBGRAPHS.map((s) =>
        s.name === 'users'
          ? { ...s, sdl: s.sdl.replace('role: Role', 'role: Role nick: String') }
          : s,
      ),
    );
    if (!composed.ok) throw new Error('fixture does not compose');
    vi.setSystemTime(new Date('2030-01-01T00:01:00Z'));
    expect(g.updateSupergraph(composed.supergraphSdl).ok).toBe(true);
    vi.setSystemTime(new Date('2030-01-01T00:01:05Z'));
    samples = await scrape(g);
    expect(
      samples.filter((s) => s.name === 'orrery_gateway_supergraph_info').map((s) => s.labels['id']),
    ).toEqual([sha256(composed.supergraphSdl)]);
    expect(valueOf(samples, 'orrery_gateway_supergraph_age_seconds')).toBe(5);
    expect(valueOf(samples, 'orrery_gateway_supergraph_updates_total', { result: 'success' })).toBe(
      2,
    );
  });

  it('bounds operation-name label values', async () => {
    const g = start({ maxOperationNames: 2 });
    for (const name of ['A', 'B', 'C']) {
      await g.handle(post({ query: `query ${name} { me { id } }` }));
    }
    await g.handle(post({ query: 'query A { me { id } }' }));
    // Not a GraphQL name: never becomes a label value, even with room left.
    await g.handle(post({ query: '{ me { id } }', operationName: 'x"} 1\nevil_metric{a="' }));
    const samples = await scrape(g);
    const names = samples
      .filter((s) => s.name === 'orrery_gateway_requests_total')
      .map((s) => `${s.labels['operation_name']}=${s.value}`)
      .sort();
    expect(names).toEqual(['(other)=1', '(other)=1', 'A=2', 'B=1']);
    expect(samples.some((s) => s.name === 'evil_metric')).toBe(false);
  });

  it('is served over HTTP at a configurable path, with default process metrics', async () => {
    const g = start({ path: '/internal/metrics', defaultMetrics: true });
    await g.handle(post({ query: '{ me { name } }' }));
    const server = createServer(g);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await request(`http://127.0.0.1:${port}/internal/metrics`);
      expect(response.statusCode).toBe(200);
      const samples = parsePrometheus(await response.body.text());
      expect(
        valueOf(samples, 'orrery_gateway_requests_total', { operation_name: '(anonymous)' }),
      ).toBe(1);
      expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      const old = await request(`http://127.0.0.1:${port}/metrics`);
      expect(old.statusCode).toBe(404);
      await old.body.dump();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
