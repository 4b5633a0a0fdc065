/**
 * Apollo Uplink compatibility, proven with Apollo's own client: `@apollo/gateway` in managed
 * mode, pointed at the registry's `/uplink` with an Orrery gateway key as its "Apollo key",
 * serves a graph published to the registry and picks up a second publish.
 *
 * Nothing reaches Apollo: the key is an Orrery key given only to the gateway's `load()` (never
 * through APOLLO_KEY in the environment), the only Uplink endpoint is ours, there is no Apollo
 * Server (so no usage or schema reporting plugin), and the gateway's own telemetry exporter is
 * switched off with APOLLO_TELEMETRY_DISABLED before the gateway is constructed.
 */
import { createHash } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import type * as GraphQL from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlJs, subgraphRuntime, toJson } from '../../../internal/e2e/src/graphql-runtime.js';
import type { Resolvers } from '../../../internal/e2e/src/scenario.js';
import {
  createDisposalStack,
  graphql,
  startSubgraphServer,
  type SubgraphServer,
} from '../../../internal/testing/src/index.js';
import { startRegistry, type RunningRegistry } from '../src/server.js';
import { until } from './http/harness.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const PRODUCTS = [
  { upc: '1', name: 'Table' },
  { upc: '2', name: 'Couch' },
];
const REVIEWS = [
  { id: 'r1', upc: '1', body: 'Sturdy.' },
  { id: 'r2', upc: '1', body: 'Wobbles.' },
  { id: 'r3', upc: '2', body: 'Comfy.' },
];

const SUBGRAPHS: Record<'products' | 'reviews', { typeDefs: string; resolvers: Resolvers }> = {
  products: {
    typeDefs: graphql`
      ${LINK}
      type Query {
        products: [Product]
      }
      type Product @key(fields: "upc") {
        upc: ID!
        name: String
      }
    `,
    resolvers: {
      Query: { products: () => PRODUCTS },
      Product: {
        __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc),
      },
    },
  },
  reviews: {
    typeDefs: graphql`
      ${LINK}
      type Review {
        id: ID!
        body: String
      }
      type Product @key(fields: "upc") {
        upc: ID!
        reviews: [Review]
      }
    `,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
        reviews: (product: { upc: string }) =>
          REVIEWS.filter((r) => r.upc === product.upc).map(({ id, body }) => ({ id, body })),
      },
    },
  },
};

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

type Executor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];

describe('@apollo/gateway polling the registry through /uplink', () => {
  const stack = createDisposalStack();
  const servers: Record<string, SubgraphServer> = {};
  let registry: RunningRegistry;
  let adminKey: string;
  let gatewayKey: string;
  const telemetry = process.env['APOLLO_TELEMETRY_DISABLED'];

  const api = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await request(`${registry.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: response.statusCode, body: (await response.body.json()) as never };
  };
  const publish = async (name: keyof typeof SUBGRAPHS) => {
    const reply = await api('POST', `/api/v1/graphs/shop/variants/prod/subgraphs/${name}`, {
      sdl: SUBGRAPHS[name].typeDefs,
      url: servers[name]!.url,
    });
    expect(reply.status).toBe(200);
    return reply.body as { launch: { id: number; status: string } };
  };

  /** Every outgoing node:http(s) request of this process (the gateway's Uplink fetcher uses them). */
  const outgoing: string[] = [];
  const onRequest = (message: unknown) => {
    const { request: req } = message as { request: ClientRequest };
    outgoing.push(`${req.protocol}//${req.host}${req.path}`);
  };

  beforeAll(async () => {
    subscribe('http.client.request.start', onRequest);
    stack.defer(() => unsubscribe('http.client.request.start', onRequest));
    process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
    stack.defer(() => {
      if (telemetry === undefined) delete process.env['APOLLO_TELEMETRY_DISABLED'];
      else process.env['APOLLO_TELEMETRY_DISABLED'] = telemetry;
    });
    for (const [name, subgraph] of Object.entries(SUBGRAPHS)) {
      servers[name] = stack.use(
        await startSubgraphServer({ name, ...subgraph, runtime: subgraphRuntime }),
      );
    }
    // In-memory PGlite; `env: {}` so an ORRERY_ADMIN_KEY of the machine is not picked up.
    registry = stack.use(await startRegistry({ port: 0, env: {} }));
    adminKey = registry.adminKey!;
    const created = await api('POST', '/api/v1/keys', {
      name: 'apollo-gateway',
      role: 'gateway',
      scope: { variants: ['shop@prod'] },
    });
    gatewayKey = (created.body as { key: string }).key;
  });
  afterAll(() => stack.disposeAll());

  it('serves the published graph and picks up a second publish', async () => {
    const first = await publish('products');
    expect(first.launch.status).toBe('success');

    const gateway = new ApolloGateway({
      uplinkEndpoints: [`${registry.url}/uplink`],
      // Apollo's gateway never polls Uplink more often than every 10 s.
      fallbackPollIntervalInMs: 10_000,
      uplinkMaxRetries: 2,
      logger: silentLogger,
    });
    stack.defer(() => gateway.stop());
    let apiSchema: GraphQL.GraphQLSchema | undefined;
    let supergraphSdl = '';
    gateway.onSchemaLoadOrUpdate((context) => {
      apiSchema = context.apiSchema;
      supergraphSdl = context.coreSupergraphSdl;
    });
    const { executor } = await gateway.load({
      apollo: {
        key: gatewayKey,
        keyHash: createHash('sha256').update(gatewayKey).digest('hex'),
        graphRef: 'shop@prod',
      },
    });
    const execute = (query: string) => run(executor, apiSchema!, query);

    expect(await execute('{ products { upc name } }')).toEqual({
      data: { products: PRODUCTS },
    });
    // Before the second publish, reviews are not part of the graph.
    const early = await execute('{ products { reviews { body } } }');
    expect(early.errors?.[0]?.message).toContain('reviews');

    const second = await publish('reviews');
    expect(second.launch.status).toBe('success');
    await until(() => supergraphSdl.includes('type Review'), 45_000);

    expect(await execute('{ products { name reviews { body } } }')).toEqual({
      data: {
        products: [
          { name: 'Table', reviews: [{ body: 'Sturdy.' }, { body: 'Wobbles.' }] },
          { name: 'Couch', reviews: [{ body: 'Comfy.' }] },
        ],
      },
    });
    // The subgraphs were really called by the gateway.
    expect(servers['reviews']!.requests.some((r) => r.query.includes('_entities'))).toBe(true);
    // Every request the gateway made went to loopback: our /uplink and the subgraphs.
    expect(outgoing.filter((url) => url.endsWith('/uplink')).length).toBeGreaterThanOrEqual(2);
    expect(outgoing.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
  }, 90_000);
});

/** Runs an operation through the gateway's executor, validating against its API schema first. */
async function run(executor: Executor, schema: GraphQL.GraphQLSchema, query: string) {
  const document = graphqlJs.parse(query);
  const errors = graphqlJs.validate(schema, document);
  if (errors.length > 0) return toJson({ errors });
  // The executor expects Apollo Server's request context; these are the fields it reads.
  const result = await executor({
    request: { query, variables: {} },
    document,
    source: query,
    queryHash: createHash('sha256').update(query).digest('hex'),
    operationName: null,
    metrics: {},
    logger: silentLogger,
    context: {},
    cache: undefined,
    overallCachePolicy: { restrict() {}, replace() {} },
  } as unknown as Parameters<Executor>[0]);
  return toJson(result);
}
