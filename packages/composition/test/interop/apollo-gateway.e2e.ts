/**
 * Interop: a supergraph served by `@apollo/gateway` over real subgraph servers answers like the
 * subgraphs say it should, for Apollo's own supergraph (the harness's control) and for Orrery's:
 * our supergraph loads and serves queries in Apollo's gateway.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { ApolloGateway } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type * as GraphQL from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDisposalStack,
  graphql,
  startSubgraphServer,
  type DisposalStack,
  type SubgraphRuntime,
  type SubgraphServer,
} from '../../../../internal/testing/src/index.js';
import { applyContract, composeSubgraphs } from '../../src/index.js';
import { apolloCompose } from '../api-schema/apollo-oracle.js';

// Apollo's packages load graphql's CommonJS build; their schemas and documents must come from it.
const { parse, validate, execute } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

type Resolvers = Parameters<typeof buildSubgraphSchema>[0] extends infer M
  ? M extends { resolvers?: infer R }
    ? R
    : never
  : never;

const runtime: SubgraphRuntime<string, Resolvers, GraphQL.GraphQLSchema> = {
  buildSchema: (typeDefs, resolvers) =>
    buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]),
  async execute(schema, request) {
    const document = parse(request.query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors };
    return execute({
      schema,
      document,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
    });
  },
};

// ---- The subgraphs: users, products (an interface), reviews (@provides, @requires) ----------

const LINK = '@link(url: "https://specs.apollo.dev/federation/v2.3"';

const USERS = [
  { id: 'u1', name: 'Ada Lovelace', username: '@ada' },
  { id: 'u2', name: 'Alan Turing', username: '@alan' },
];
const PRODUCTS = [
  { __typename: 'Book', upc: 'b1', name: 'Notes on the Engine', price: 12, weight: 3, pages: 40 },
  { __typename: 'Furniture', upc: 'f1', name: 'Chair', price: 80, weight: 70, material: 'oak' },
  { __typename: 'Book', upc: 'b2', name: 'Computable Numbers', price: 20, weight: 5, pages: 36 },
];
const REVIEWS = [
  { id: 'r1', body: 'Visionary', authorId: 'u2', upc: 'b1' },
  { id: 'r2', body: 'Dense', authorId: 'u1', upc: 'b1' },
  { id: 'r3', body: 'Foundational', authorId: 'u1', upc: 'b2' },
];

const SUBGRAPHS = [
  {
    name: 'users',
    typeDefs: graphql`
      extend schema ${LINK}, import: ["@key", "@shareable"])
      type Query { me: User user(id: ID!): User }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }
    `,
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id),
      },
      User: { __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) },
    },
  },
  {
    name: 'products',
    typeDefs: graphql`
      extend schema ${LINK}, import: ["@key"])
      type Query { topProducts(first: Int = 5): [Product] }
      interface Product { upc: String! name: String price: Int }
      type Book implements Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int pages: Int }
      type Furniture implements Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int material: String }
    `,
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
      },
      Product: { __resolveType: (p: { __typename: string }) => p.__typename },
      Book: {
        __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc),
      },
      Furniture: {
        __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc),
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: graphql`
      extend schema ${LINK}, import: ["@key", "@external", "@provides", "@requires", "@tag"])
      type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Book }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Book @key(fields: "upc") {
        upc: String!
        weight: Int @external
        shippingEstimate: Int @requires(fields: "weight") @tag(name: "beta")
        reviews: [Review]
      }
    `,
    resolvers: {
      Review: {
        // Provides username: the reviews store knows it, so the gateway must not ask users.
        author: (r: { authorId: string }) => ({
          id: r.authorId,
          username: USERS.find((u) => u.id === r.authorId)?.username,
        }),
        product: (r: { upc: string }) => ({ upc: r.upc }),
      },
      User: {
        reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id),
      },
      Book: {
        __resolveReference: (ref: { upc: string; weight?: number }) => ref,
        // Only computable with the weight the gateway fetched from products (@requires).
        shippingEstimate: (b: { weight?: number }) =>
          b.weight === undefined ? null : b.weight * 2,
        reviews: (b: { upc: string }) => REVIEWS.filter((r) => r.upc === b.upc),
      },
    },
  },
] as const;

// ---- Composers: one line each -----------------------------------------------------------

interface Composer {
  readonly name: string;
  compose(subgraphs: readonly { name: string; url: string; sdl: string }[]): string;
}

const COMPOSERS: readonly Composer[] = [
  { name: '@apollo/composition', compose: (subgraphs) => apolloCompose(subgraphs).supergraphSdl },
  {
    name: 'orrery',
    compose: (subgraphs) => {
      const result = composeSubgraphs(subgraphs);
      if (!result.ok)
        throw new Error(result.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
      return result.supergraphSdl;
    },
  },
];

// ---- The queries ------------------------------------------------------------------------

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

type Run = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

/** Starts the three subgraphs; their URLs go into the supergraph. */
async function startSubgraphs(stack: DisposalStack) {
  const servers = new Map<string, SubgraphServer<GraphQL.GraphQLSchema>>();
  for (const subgraph of SUBGRAPHS) {
    const server = await startSubgraphServer({
      name: subgraph.name,
      typeDefs: subgraph.typeDefs,
      resolvers: subgraph.resolvers as Resolvers,
      runtime,
    });
    servers.set(subgraph.name, stack.use(server));
  }
  const inputs = SUBGRAPHS.map((s) => ({
    name: s.name,
    url: servers.get(s.name)!.url,
    sdl: s.typeDefs,
  }));
  return { servers, inputs };
}

/** Loads a supergraph into `@apollo/gateway` and returns a function running operations. */
async function serve(stack: DisposalStack, supergraphSdl: string): Promise<Run> {
  // A local supergraph only: no Apollo key or graph ref, so no uplink and no usage reporting.
  const gateway = stack.use(new ApolloGateway({ supergraphSdl, logger: silentLogger }));
  const { schema, executor } = await gateway.load();
  return async (query, variables = {}) => {
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors: errors.map((e) => e.message) };
    const result = await executor({
      request: { query, variables },
      document,
      source: query,
      queryHash: createHash('sha256').update(query).digest('hex'),
      operationName: null,
      metrics: {},
      logger: silentLogger,
      context: {},
    } as unknown as Parameters<typeof executor>[0]);
    return JSON.parse(JSON.stringify(result)) as unknown;
  };
}

describe.each(COMPOSERS)('@apollo/gateway serving the supergraph of $name', (composer) => {
  const stack = createDisposalStack();
  let servers: Map<string, SubgraphServer<GraphQL.GraphQLSchema>>;
  let run: Run;

  beforeAll(async () => {
    const started = await startSubgraphs(stack);
    servers = started.servers;
    run = await serve(stack, composer.compose(started.inputs));
  });
  afterAll(() => stack.disposeAll());

  const requestsTo = (name: string) => servers.get(name)!.requests.length;

  it('follows entities across subgraphs (users -> reviews -> products)', async () => {
    expect(
      await run(graphql`
        {
          me {
            id
            name
            username
            reviews {
              body
              product {
                name
                price
              }
            }
          }
        }
      `),
    ).toEqual({
      data: {
        me: {
          id: 'u1',
          name: 'Ada Lovelace',
          username: '@ada',
          reviews: [
            { body: 'Dense', product: { name: 'Notes on the Engine', price: 12 } },
            { body: 'Foundational', product: { name: 'Computable Numbers', price: 20 } },
          ],
        },
      },
    });
  });

  it('resolves an interface with type conditions, and a @requires field', async () => {
    expect(
      await run(
        graphql`
          query ($first: Int) {
            topProducts(first: $first) {
              __typename
              upc
              name
              ... on Book {
                pages
                shippingEstimate
              }
              ... on Furniture {
                material
              }
            }
          }
        `,
        { first: 3 },
      ),
    ).toEqual({
      data: {
        topProducts: [
          {
            __typename: 'Book',
            upc: 'b1',
            name: 'Notes on the Engine',
            pages: 40,
            shippingEstimate: 6,
          },
          { __typename: 'Furniture', upc: 'f1', name: 'Chair', material: 'oak' },
          {
            __typename: 'Book',
            upc: 'b2',
            name: 'Computable Numbers',
            pages: 36,
            shippingEstimate: 10,
          },
        ],
      },
    });
  });

  it('uses @provides: a provided field does not hit the owning subgraph', async () => {
    const before = requestsTo('users');
    expect(
      await run(graphql`
        {
          topProducts(first: 1) {
            ... on Book {
              reviews {
                body
                author {
                  username
                }
              }
            }
          }
        }
      `),
    ).toEqual({
      data: {
        topProducts: [
          {
            reviews: [
              { body: 'Visionary', author: { username: '@alan' } },
              { body: 'Dense', author: { username: '@ada' } },
            ],
          },
        ],
      },
    });
    expect(requestsTo('users')).toBe(before);
    // Asking for a field reviews does not provide goes to users.
    expect(
      await run(graphql`
        {
          topProducts(first: 1) {
            ... on Book {
              reviews {
                author {
                  username
                  name
                }
              }
            }
          }
        }
      `),
    ).toEqual({
      data: {
        topProducts: [
          {
            reviews: [
              { author: { username: '@alan', name: 'Alan Turing' } },
              { author: { username: '@ada', name: 'Ada Lovelace' } },
            ],
          },
        ],
      },
    });
    expect(requestsTo('users')).toBe(before + 1);
  });

  it('passes arguments and variables through, and rejects unknown fields', async () => {
    expect(
      await run(
        graphql`
          query ($id: ID!) {
            user(id: $id) {
              name
            }
          }
        `,
        { id: 'u2' },
      ),
    ).toEqual({
      data: { user: { name: 'Alan Turing' } },
    });
    const invalid = (await run(graphql`
      {
        me {
          ssn
        }
      }
    `)) as { errors: string[] };
    expect(invalid.errors[0]).toMatch(/Cannot query field "ssn" on type "User"/);
  });
});

describe('@apollo/gateway serving an Orrery contract of the supergraph', () => {
  const stack = createDisposalStack();
  let run: Run;

  beforeAll(async () => {
    const { inputs } = await startSubgraphs(stack);
    const contract = applyContract(apolloCompose(inputs).supergraphSdl, { excludeTags: ['beta'] });
    if (!contract.ok) throw new Error(contract.errors.map((e) => e.message).join('\n'));
    run = await serve(stack, contract.supergraphSdl);
  });
  afterAll(() => stack.disposeAll());

  it('hides the excluded field from clients', async () => {
    const result = (await run(graphql`
      {
        topProducts {
          ... on Book {
            shippingEstimate
          }
        }
      }
    `)) as {
      errors: string[];
    };
    expect(result.errors[0]).toMatch(/Cannot query field "shippingEstimate" on type "Book"/);
  });

  it('still serves the rest, through the same subgraphs', async () => {
    expect(
      await run(graphql`
        {
          topProducts(first: 1) {
            name
            ... on Book {
              reviews {
                body
              }
            }
          }
        }
      `),
    ).toEqual({
      data: {
        topProducts: [
          { name: 'Notes on the Engine', reviews: [{ body: 'Visionary' }, { body: 'Dense' }] },
        ],
      },
    });
  });
});
