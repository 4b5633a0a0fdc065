import { createQueryPlanner, printQueryPlan } from '@orrery/query-planner';
import { parse } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createGateway,
  type Gateway,
  type GatewayOptions,
  type GatewayRequest,
} from '../src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
} from './helpers.js';

const SUPERGRAPH = supergraphSdl();
const QUERY = '{ users { name reviews { body } } }';
let gateway: Gateway | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await gateway?.close();
  gateway = undefined;
});

function start(options: Partial<GatewayOptions> = {}) {
  const { agent, received } = mockSubgraphs({
    [USERS_URL]: usersSubgraph,
    [REVIEWS_URL]: reviewsSubgraph,
  });
  gateway = createGateway({ supergraph: SUPERGRAPH, dispatcher: agent, ...options });
  return { gateway, received };
}

const post = (query: string, headers: Record<string, string> = {}): GatewayRequest => ({
  method: 'POST',
  url: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query }),
});

async function send(request: GatewayRequest) {
  const response = await gateway!.handle(request);
  return JSON.parse(response.body) as {
    data?: { users: { name: string; reviews: unknown[] }[] };
    errors?: unknown[];
    extensions?: Record<string, { text: string; object: unknown }>;
  };
}

/** The plan as the planner makes it, independently of the gateway. */
function expectedPlan(query: string) {
  const plan = createQueryPlanner(SUPERGRAPH).plan(parse(query));
  if (!plan.ok) throw new Error('not plannable');
  return { text: printQueryPlan(plan.plan), object: JSON.parse(JSON.stringify(plan.plan)) };
}

describe('query plans on request', () => {
  it('adds the printed plan and its JSON for orrery-expose-query-plan: true', async () => {
    start();
    const body = await send(post(QUERY, { 'orrery-expose-query-plan': 'true' }));
    expect(body.data?.users.map((u) => u.name)).toEqual(['Ada', 'Alan', 'Grace']);
    expect(body.extensions?.['queryPlan']).toEqual(expectedPlan(QUERY));
    expect(body.extensions?.['queryPlan']?.text).toContain('Fetch(service: "reviews")');
    expect(body.extensions?.['apolloQueryPlan']).toBeUndefined();
  });

  it("answers Apollo's header in the router's apolloQueryPlan shape", async () => {
    start();
    const body = await send(post(QUERY, { 'apollo-expose-query-plan': 'true' }));
    expect(body.data?.users).toHaveLength(3);
    expect(body.extensions).toEqual({ apolloQueryPlan: expectedPlan(QUERY) });
  });

  it('plans without running on dry-run', async () => {
    const { received } = start();
    const body = await send(post(QUERY, { 'orrery-expose-query-plan': 'dry-run' }));
    expect(body).toEqual({ extensions: { queryPlan: expectedPlan(QUERY) } });
    expect(received[USERS_URL]).toHaveLength(0);
    expect(received[REVIEWS_URL]).toHaveLength(0);
  });

  it('adds nothing without the header, or for other values', async () => {
    start();
    expect((await send(post(QUERY))).extensions).toBeUndefined();
    expect(
      (await send(post(QUERY, { 'orrery-expose-query-plan': 'yes please' }))).extensions,
    ).toBeUndefined();
  });

  it('is off when NODE_ENV=production unless exposeQueryPlan turns it on', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    start();
    const off = await send(post(QUERY, { 'orrery-expose-query-plan': 'true' }));
    expect(off.data?.users).toHaveLength(3);
    expect(off.extensions).toBeUndefined();
    await gateway!.close();
    start({ exposeQueryPlan: true });
    const on = await send(post(QUERY, { 'orrery-expose-query-plan': 'true' }));
    expect(on.extensions?.['queryPlan']).toEqual(expectedPlan(QUERY));
  });

  it('can be turned off in development', async () => {
    start({ exposeQueryPlan: false });
    const body = await send(post(QUERY, { 'orrery-expose-query-plan': 'dry-run' }));
    expect(body.extensions).toBeUndefined();
    expect(body.data?.users).toHaveLength(3);
  });
});

describe('introspection follows the same rule', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('is on in development and off when NODE_ENV=production', async () => {
    start();
    expect((await send(post(INTROSPECT))).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    await gateway!.close();
    vi.stubEnv('NODE_ENV', 'production');
    start();
    const refused = await send(post(INTROSPECT));
    expect(refused.data).toBeUndefined();
    expect(JSON.stringify(refused.errors)).toContain('ERR_GATEWAY_INTROSPECTION_DISABLED');
  });

  it('can be turned on in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    start({ introspection: true });
    expect((await send(post(INTROSPECT))).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });
});
