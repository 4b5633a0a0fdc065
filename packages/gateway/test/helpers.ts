/**
 * Shared fixtures for the gateway's unit tests: a small composed supergraph (users, reviews) and
 * undici `MockAgent` subgraphs whose answers are written per test.
 */
import { composeSubgraphs } from '@orrery/composition';
import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type * as GraphQL from 'graphql';
import { MockAgent } from 'undici';
import { dedent } from '../../../internal/testing/src/index.js';

// @apollo/subgraph loads graphql's CommonJS build; its schemas need documents from the same copy.
const gql = createRequire(import.meta.url)('graphql') as typeof GraphQL;

export const USERS_URL = 'http://users.test/graphql';
export const REVIEWS_URL = 'http://reviews.test/graphql';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible"])';

export const SUBGRAPHS = [
  {
    name: 'users',
    url: USERS_URL,
    sdl: dedent`
      ${LINK}
      type Query { me: User users: [User!]! user(id: ID!): User secret: String @inaccessible }
      type Mutation { rename(id: ID!, name: String!): User }
      type User @key(fields: "id") { id: ID! name: String! role: Role }
      enum Role { ADMIN USER HIDDEN @inaccessible }
    `,
  },
  {
    name: 'reviews',
    url: REVIEWS_URL,
    sdl: dedent`
      ${LINK}
      type User @key(fields: "id") { id: ID! reviews: [Review!] }
      type Review { id: ID! body: String! rating: Int }
    `,
  },
];

export function supergraphSdl(): string {
  const result = composeSubgraphs(SUBGRAPHS);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** A GraphQL request as a mocked subgraph receives it. */
export interface ReceivedRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown> & { representations?: Record<string, unknown>[] };
}

export type MockAnswer = { json: unknown; status?: number } | { text: string; status?: number };

/** How a mocked subgraph behaves: answer per request, fail at the transport, or answer late. */
export type SubgraphMock =
  | ((request: ReceivedRequest) => MockAnswer)
  | { readonly error: Error }
  | {
      /** Answers with 200 and the JSON this resolves to (real subgraph execution is async). */
      readonly run: (request: ReceivedRequest) => Promise<unknown>;
      readonly delayMs?: number;
    };

/** A MockAgent with one behaviour per subgraph URL; records every request. */
export function mockSubgraphs(mocks: Record<string, SubgraphMock>): {
  agent: MockAgent;
  received: Record<string, ReceivedRequest[]>;
} {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const received: Record<string, ReceivedRequest[]> = {};
  for (const [url, mock] of Object.entries(mocks)) {
    const { origin, pathname } = new URL(url);
    const requests: ReceivedRequest[] = [];
    received[url] = requests;
    const interceptor = agent.get(origin).intercept({ path: pathname, method: 'POST' });
    if (typeof mock === 'object' && 'error' in mock) {
      interceptor.replyWithError(mock.error).persist();
      continue;
    }
    if (typeof mock === 'object') {
      const scope = interceptor.reply(
        200,
        async (opts) => {
          const request = JSON.parse(String(opts.body)) as ReceivedRequest;
          requests.push(request);
          return JSON.stringify(await mock.run(request));
        },
        { headers: { 'content-type': 'application/json' } },
      );
      if (mock.delayMs) scope.delay(mock.delayMs);
      scope.persist();
      continue;
    }
    const handler = mock;
    const scope = interceptor.reply((opts) => {
      const request = JSON.parse(String(opts.body)) as ReceivedRequest;
      requests.push(request);
      const answer = handler(request);
      return {
        statusCode: answer.status ?? 200,
        data: 'json' in answer ? JSON.stringify(answer.json) : answer.text,
        responseOptions: { headers: { 'content-type': 'application/json' } },
      };
    });
    scope.persist();
  }
  return { agent, received };
}

/** In-memory users data and resolvers good enough for the mocked subgraphs. */
export const USERS = [
  { id: 'u1', name: 'Ada', role: 'ADMIN' },
  { id: 'u2', name: 'Alan', role: 'USER' },
  { id: 'u3', name: 'Grace', role: 'USER' },
];

export const REVIEWS: Record<string, { id: string; body: string | null; rating: number }[]> = {
  u1: [{ id: 'r1', body: 'Great', rating: 5 }],
  u2: [
    { id: 'r2', body: 'Fine', rating: 3 },
    { id: 'r3', body: 'Meh', rating: 2 },
  ],
  u3: [],
};

type Resolvers = NonNullable<
  Parameters<typeof buildSubgraphSchema>[0] extends infer M
    ? M extends { resolvers?: infer R }
      ? R
      : never
    : never
>;

const RESOLVERS: Record<string, Resolvers> = {
  users: {
    Query: {
      me: () => USERS[0],
      users: () => USERS,
      user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id),
    },
    User: { __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) },
  } as Resolvers,
  reviews: {
    User: {
      __resolveReference: (ref: { id: string }) => ref,
      reviews: (user: { id: string }) => REVIEWS[user.id] ?? null,
    },
  } as Resolvers,
};

const schemas = new Map<string, GraphQL.GraphQLSchema>();

/** Runs a request on a real `@apollo/subgraph` schema for the named subgraph. */
export async function runSubgraph(
  name: string,
  request: ReceivedRequest,
): Promise<{
  data?: Record<string, unknown> | null;
  errors?: readonly unknown[];
}> {
  let schema = schemas.get(name);
  if (!schema) {
    const subgraph = SUBGRAPHS.find((s) => s.name === name)!;
    schema = buildSubgraphSchema([
      { typeDefs: gql.parse(subgraph.sdl), resolvers: RESOLVERS[name]! },
    ]);
    schemas.set(name, schema);
  }
  const document = gql.parse(request.query);
  const errors = gql.validate(schema, document);
  if (errors.length > 0) return { errors };
  const result = await gql.execute({
    schema,
    document,
    variableValues: request.variables ?? {},
    ...(request.operationName ? { operationName: request.operationName } : {}),
  });
  return JSON.parse(JSON.stringify(result)) as { data?: Record<string, unknown> | null };
}

/** The users subgraph (root fields, User entities). */
export const usersSubgraph: SubgraphMock = { run: (request) => runSubgraph('users', request) };

/** The reviews subgraph (`User.reviews`). */
export const reviewsSubgraph: SubgraphMock = { run: (request) => runSubgraph('reviews', request) };
