/**
 * The Apollo Uplink endpoint: `routerConfig` answered as Apollo's clients expect, with the
 * queries shaped as `@apollo/gateway` and Apollo Router send them (aliases, fragments,
 * variables), plus each `FetchError` code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS, PRODUCTS_V2, startTestRegistry, type TestRegistry } from './harness.js';

/** The shape `@apollo/gateway` sends: `supergraphSdl` aliased, no `Unchanged` selection. */
const GATEWAY_QUERY = `query SupergraphSdl($apiKey: String!, $ref: String!, $ifAfterId: ID) {
  routerConfig(ref: $ref, apiKey: $apiKey, ifAfterId: $ifAfterId) {
    __typename
    ... on RouterConfigResult { id supergraphSdl: supergraphSDL minDelaySeconds }
    ... on FetchError { code message }
  }
}`;

/** Every member selected, with messages, through a named fragment. */
const FULL_QUERY = `query Full($apiKey: String!, $ref: String!, $ifAfterId: ID) {
  routerConfig(ref: $ref, apiKey: $apiKey, ifAfterId: $ifAfterId) { ...Config }
}
fragment Config on RouterConfigResponse {
  __typename
  ... on RouterConfigResult { id supergraphSDL minDelaySeconds messages { level body } }
  ... on Unchanged { id minDelaySeconds }
  ... on FetchError { code message minDelaySeconds }
}`;

describe('POST /uplink', () => {
  let registry: TestRegistry;
  let gateway: string;
  let launchId: number;

  const uplink = (query: string, variables: Record<string, unknown>) =>
    registry.call('POST', '/uplink', { body: { query, variables } });

  beforeAll(async () => {
    registry = await startTestRegistry({ pollIntervalSeconds: 12 });
    gateway = await registry.createKey('gateway', { variants: ['shop@prod'] });
    launchId = (await registry.publish('shop@prod', 'products', PRODUCTS)).launch.id;
  });
  afterAll(() => registry.close());

  it('returns the supergraph as RouterConfigResult to the gateway query', async () => {
    const reply = await uplink(GATEWAY_QUERY, {
      apiKey: gateway,
      ref: 'shop@prod',
      ifAfterId: null,
    });
    expect(reply.status).toBe(200);
    const supergraph = await registry.call('GET', '/api/v1/graphs/shop/variants/prod/supergraph', {
      key: gateway,
    });
    expect(reply.body).toEqual({
      data: {
        routerConfig: {
          __typename: 'RouterConfigResult',
          id: String(launchId),
          supergraphSdl: supergraph.body,
          minDelaySeconds: 12,
        },
      },
    });
  });

  it('answers Unchanged for the current id and a newer result after a publish', async () => {
    const unchanged = await uplink(FULL_QUERY, {
      apiKey: gateway,
      ref: 'shop@prod',
      ifAfterId: String(launchId),
    });
    expect(unchanged.body.data.routerConfig).toEqual({
      __typename: 'Unchanged',
      id: String(launchId),
      minDelaySeconds: 12,
    });
    const next = (await registry.publish('shop@prod', 'products', PRODUCTS_V2)).launch.id;
    const changed = await uplink(FULL_QUERY, {
      apiKey: gateway,
      ref: 'shop@prod',
      ifAfterId: String(launchId),
    });
    expect(changed.body.data.routerConfig).toMatchObject({
      __typename: 'RouterConfigResult',
      id: String(next),
      supergraphSDL: expect.stringContaining('topProduct'),
      messages: [],
    });
    // An id ahead of ours (never served here) never moves a client backwards.
    const ahead = await uplink(FULL_QUERY, { apiKey: gateway, ref: 'shop@prod', ifAfterId: '999' });
    expect(ahead.body.data.routerConfig.__typename).toBe('Unchanged');
    // An id that is not ours (Apollo's, before switching over) gets the current supergraph.
    const foreign = await uplink(FULL_QUERY, {
      apiKey: gateway,
      ref: 'shop@prod',
      ifAfterId: 'abc-123',
    });
    expect(foreign.body.data.routerConfig.__typename).toBe('RouterConfigResult');
  });

  it('reports FetchError codes: AUTHENTICATION_FAILED, ACCESS_DENIED, UNKNOWN_REF', async () => {
    const code = async (variables: Record<string, unknown>) =>
      (await uplink(FULL_QUERY, variables)).body.data.routerConfig;
    expect(await code({ apiKey: 'service:shop:abc', ref: 'shop@prod' })).toEqual({
      __typename: 'FetchError',
      code: 'AUTHENTICATION_FAILED',
      message: expect.any(String),
      minDelaySeconds: 12,
    });
    const elsewhere = await registry.createKey('gateway', { variants: ['shop@staging'] });
    expect((await code({ apiKey: elsewhere, ref: 'shop@prod' })).code).toBe('ACCESS_DENIED');
    expect((await code({ apiKey: registry.adminKey, ref: 'shop@nope' })).code).toBe('UNKNOWN_REF');
    expect((await code({ apiKey: registry.adminKey, ref: 'not a ref' })).code).toBe('UNKNOWN_REF');
  });

  it('a bare graph name means @current', async () => {
    await registry.publish('shop@current', 'products', PRODUCTS);
    const reply = await uplink(FULL_QUERY, { apiKey: registry.adminKey, ref: 'shop' });
    expect(reply.body.data.routerConfig.__typename).toBe('RouterConfigResult');
  });

  it('runs aliases and inline arguments like any GraphQL server', async () => {
    const reply = await registry.call('POST', '/uplink', {
      body: {
        query: `{ a: routerConfig(ref: "shop@prod", apiKey: "${gateway}") { __typename ... on RouterConfigResult { id } }
                  b: routerConfig(ref: "shop@prod", apiKey: "wrong") { ... on FetchError { code } } }`,
      },
    });
    expect(reply.body.data.a.__typename).toBe('RouterConfigResult');
    expect(reply.body.data.b).toEqual({ code: 'AUTHENTICATION_FAILED' });
  });

  it('400 with GraphQL errors for malformed requests', async () => {
    const syntax = await registry.call('POST', '/uplink', { body: { query: '{ routerConfig(' } });
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
    const invalid = await registry.call('POST', '/uplink', { body: { query: '{ nope }' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].message).toContain('nope');
    const noQuery = await registry.call('POST', '/uplink', { body: {} });
    expect(noQuery.status).toBe(400);
    const notJson = await registry.call('POST', '/uplink', {
      rawBody: 'nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    const get = await registry.call('GET', '/uplink');
    expect(get.status).toBe(400);
    expect(get.headers.allow).toBe('POST');
  });

  it('missing required variables are GraphQL errors, not crashes', async () => {
    const reply = await uplink(GATEWAY_QUERY, { ref: 'shop@prod' });
    expect(reply.status).toBe(200);
    expect(reply.body.errors[0].message).toContain('$apiKey');
  });
});
