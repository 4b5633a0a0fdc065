/**
 * End to end: the gateway over real `@apollo/subgraph` servers on loopback ports, through its
 * own `node:http` server and undici pools. Answers are compared with what one server holding the
 * whole graph would return (computed from the same data below).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSubgraphs } from '@orrery/composition';
import type * as GraphQL from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDisposalStack,
  graphql,
  startSubgraphServer,
  type SubgraphRuntime,
  type SubgraphServer,
} from '../../../internal/testing/src/index.js';
import { createGateway, createServer, type Gateway } from '../src/index.js';

const gql = createRequire(import.meta.url)('graphql') as typeof GraphQL;

type Resolvers = NonNullable<
  Parameters<typeof buildSubgraphSchema>[0] extends infer M
    ? M extends { resolvers?: infer R }
      ? R
      : never
    : never
>;

const runtime: SubgraphRuntime<string, Resolvers, GraphQL.GraphQLSchema> = {
  buildSchema: (typeDefs, resolvers) =>
    buildSubgraphSchema([{ typeDefs: gql.parse(typeDefs), resolvers }]),
  async execute(schema, req) {
    const document = gql.parse(req.query);
    const errors = gql.validate(schema, document);
    if (errors.length > 0) return { errors };
    return gql.execute({
      schema,
      document,
      variableValues: req.variables ?? undefined,
      operationName: req.operationName ?? undefined,
    });
  },
};

// ---- Data: the benchmark graph's shape, small --------------------------------------------

const USERS = [
  { id: '1', name: 'Ada Lovelace', username: '@ada' },
  { id: '2', name: 'Alan Turing', username: '@alan' },
];
const PRODUCTS = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Chair', price: 54, weight: 50 },
];
const STOCK: Record<string, boolean> = { '1': true, '2': false, '3': true };
const REVIEWS = [
  { id: '1', authorId: '1', upc: '1', body: 'Love it!' },
  { id: '2', authorId: '1', upc: '2', body: 'Too expensive.' },
  { id: '3', authorId: '2', upc: '3', body: 'Could be better.' },
  { id: '4', authorId: '2', upc: '1', body: 'Prefer something else.' },
];
const shipping = (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : p.weight / 2);

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3"';

const SUBGRAPHS = [
  {
    name: 'accounts',
    typeDefs: graphql`
      ${LINK}, import: ["@key", "@shareable"])
      type Query { me: User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }
    `,
    resolvers: {
      Query: { me: () => USERS[0], users: () => USERS },
      User: { __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) },
    } as Resolvers,
  },
  {
    name: 'products',
    typeDefs: graphql`
      ${LINK}, import: ["@key"])
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }
    `,
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc),
      },
    } as Resolvers,
  },
  {
    name: 'inventory',
    typeDefs: graphql`
      ${LINK}, import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }
    `,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
        inStock: (p: { upc: string }) => STOCK[p.upc],
        shippingEstimate: (p: { price?: number; weight?: number }) => {
          if (p.price === undefined || p.weight === undefined) throw new Error('requires not sent');
          return shipping({ price: p.price, weight: p.weight });
        },
      },
    } as Resolvers,
  },
  {
    name: 'reviews',
    typeDefs: graphql`
      ${LINK}, import: ["@key", "@external", "@provides"])
      type Review @key(fields: "id") {
        id: ID!
        body: String
        product: Product
        author: User @provides(fields: "username")
        flaky: String
      }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }
    `,
    resolvers: {
      Review: {
        author: (r: { authorId: string }) => ({
          __typename: 'User',
          id: r.authorId,
          username: USERS.find((u) => u.id === r.authorId)!.username,
        }),
        product: (r: { upc: string }) => ({ __typename: 'Product', upc: r.upc }),
        flaky: (r: { id: string }) => {
          if (r.id === '2') throw new Error('flaky failed');
          return `ok ${r.id}`;
        },
      },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ref,
        reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.upc === p.upc),
      },
    } as Resolvers,
  },
];

// ---- The "monolith": the same answers computed directly from the data -------------------

const product = (upc: string) => PRODUCTS.find((p) => p.upc === upc)!;
const user = (id: string) => USERS.find((u) => u.id === id)!;

const disposal = createDisposalStack();
let servers: SubgraphServer[] = [];
let gateway: Gateway;
let url: string;

async function post(body: unknown) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    json: (await response.body.json()) as Record<string, unknown>,
  };
}

beforeAll(async () => {
  servers = await Promise.all(
    SUBGRAPHS.map((s) =>
      startSubgraphServer({ name: s.name, typeDefs: s.typeDefs, resolvers: s.resolvers, runtime }),
    ),
  );
  for (const server of servers) disposal.defer(() => server.close());
  const composed = composeSubgraphs(
    SUBGRAPHS.map((s, i) => ({ name: s.name, url: servers[i]!.url, sdl: s.typeDefs })),
  );
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  gateway = createGateway({ supergraph: composed.supergraphSdl });
  disposal.defer(() => gateway.close());
  const server = createServer(gateway);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  disposal.defer(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => disposal.disposeAll());

describe('gateway over real subgraphs', () => {
  it('answers a deep query (entities, @requires, @provides) like the monolith', async () => {
    const query = `query Deep {
      topProducts { upc name price shippingEstimate inStock
        reviews { id body author { id username name reviews { id product { name } } } } }
    }`;
    const expected = {
      topProducts: PRODUCTS.map((p) => ({
        upc: p.upc,
        name: p.name,
        price: p.price,
        shippingEstimate: shipping(p),
        inStock: STOCK[p.upc],
        reviews: REVIEWS.filter((r) => r.upc === p.upc).map((r) => ({
          id: r.id,
          body: r.body,
          author: {
            id: r.authorId,
            username: user(r.authorId).username,
            name: user(r.authorId).name,
            reviews: REVIEWS.filter((x) => x.authorId === r.authorId).map((x) => ({
              id: x.id,
              product: { name: product(x.upc).name },
            })),
          },
        })),
      })),
    };
    const before = servers.map((s) => s.requests.length);
    const response = await post({ query });
    expect(response).toEqual({ status: 200, json: { data: expected } });
    const fetches = servers.reduce((n, s, i) => n + s.requests.length - before[i]!, 0);
    // One fetch per subgraph per plan level, representations deduplicated.
    expect(fetches).toBeLessThanOrEqual(7);
  });

  it('answers aliases, fragments and variables like the monolith', async () => {
    const response = await post({
      query: `query Q($first: Int, $withBody: Boolean!) {
        first: topProducts(first: $first) { ...P }
        everyone: users { handle: username }
      }
      fragment P on Product { upc reviews { body @include(if: $withBody) who: author { name } } }`,
      variables: { first: 1, withBody: false },
    });
    expect(response.json).toEqual({
      data: {
        first: [
          {
            upc: '1',
            reviews: REVIEWS.filter((r) => r.upc === '1').map((r) => ({
              who: { name: user(r.authorId).name },
            })),
          },
        ],
        everyone: USERS.map((u) => ({ handle: u.username })),
      },
    });
  });

  it('keeps field errors at their client path, with the rest of the data', async () => {
    const response = await post({ query: '{ users { id reviews { id flaky } } }' });
    expect(response.json['data']).toEqual({
      users: USERS.map((u) => ({
        id: u.id,
        reviews: REVIEWS.filter((r) => r.authorId === u.id).map((r) => ({
          id: r.id,
          flaky: r.id === '2' ? null : `ok ${r.id}`,
        })),
      })),
    });
    expect(response.json['errors']).toEqual([
      expect.objectContaining({
        message: 'flaky failed',
        path: ['users', 0, 'reviews', 1, 'flaky'],
        extensions: expect.objectContaining({ serviceName: 'reviews' }),
      }),
    ]);
  });

  it('serves partial data when a subgraph goes down', async () => {
    const composed = composeSubgraphs(
      SUBGRAPHS.map((s, i) => ({
        name: s.name,
        // Port 9 (discard) on loopback refuses connections: a subgraph that is down.
        url: s.name === 'inventory' ? 'http://127.0.0.1:9/graphql' : servers[i]!.url,
        sdl: s.typeDefs,
      })),
    );
    if (!composed.ok) throw new Error('does not compose');
    const down = createGateway({ supergraph: composed.supergraphSdl });
    try {
      const result = await down.execute({ query: '{ topProducts { name inStock } }' });
      expect(result.data).toEqual({
        topProducts: PRODUCTS.map((p) => ({ name: p.name, inStock: null })),
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED',
        serviceName: 'inventory',
      });
    } finally {
      await down.close();
    }
  });
});
