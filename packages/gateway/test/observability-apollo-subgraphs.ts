/**
 * The users/reviews test subgraphs as real `@apollo/server` servers with `@apollo/subgraph`
 * schemas, on free local ports: they answer `apollo-federation-include-trace: ftv1` with real
 * ftv1 traces.
 */
import { createRequire } from 'node:module';
import type * as ApolloServerModule from '@apollo/server';
import type * as DisabledModule from '@apollo/server/plugin/disabled';
import type * as StandaloneModule from '@apollo/server/standalone';
import type * as SubgraphModule from '@apollo/subgraph';
import type * as GraphQL from 'graphql';
import { REVIEWS, SUBGRAPHS, USERS } from './helpers.js';

// Apollo Server, @apollo/subgraph and the schema must share one copy of graphql: the CommonJS one.
const require = createRequire(import.meta.url);
const { ApolloServer } = require('@apollo/server') as typeof ApolloServerModule;
const { ApolloServerPluginUsageReportingDisabled } =
  require('@apollo/server/plugin/disabled') as typeof DisabledModule;
const { startStandaloneServer } = require('@apollo/server/standalone') as typeof StandaloneModule;
const { buildSubgraphSchema } = require('@apollo/subgraph') as typeof SubgraphModule;
const gql = require('graphql') as typeof GraphQL;

const RESOLVERS = {
  users: {
    Query: { users: () => USERS, me: () => USERS[0] },
    User: { __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) },
  },
  reviews: {
    User: {
      __resolveReference: (ref: { id: string }) => ref,
      reviews: async (user: { id: string }) => {
        // A resolver that waits, as real ones do (traces record it; nothing asserts on it).
        await new Promise((resolve) => setTimeout(resolve, 5));
        return REVIEWS[user.id] ?? null;
      },
    },
    Review: {
      rating: (review: { id: string; rating: number }) => {
        if (review.id === 'r2') throw new Error('rating unavailable');
        return review.rating;
      },
    },
  },
} as const;

/** The running subgraphs: gateway settings pointing at them, and what they received. */
export interface ApolloSubgraphs {
  /** For `createGateway({ subgraphs })`. */
  readonly settings: Record<string, { url: string }>;
  /** The headers of every request, in order (clear it between tests). */
  readonly received: { subgraph: string; headers: Record<string, string | string[] | undefined> }[];
  stop(): Promise<void>;
}

/**
 * Starts the users and reviews subgraphs as `@apollo/server` servers on free local ports. Review
 * r2's rating fails, so traces carry a field error.
 */
export async function startApolloSubgraphs(): Promise<ApolloSubgraphs> {
  const servers: { stop(): Promise<void> }[] = [];
  const settings: Record<string, { url: string }> = {};
  const received: ApolloSubgraphs['received'] = [];
  for (const subgraph of SUBGRAPHS) {
    const name = subgraph.name as keyof typeof RESOLVERS;
    const server = new ApolloServer({
      schema: buildSubgraphSchema([
        {
          typeDefs: gql.parse(subgraph.sdl),
          resolvers: RESOLVERS[name] as unknown as SubgraphModule.GraphQLResolverMap<unknown>,
        },
      ]),
      // Nothing leaves this machine, whatever the environment says.
      plugins: [ApolloServerPluginUsageReportingDisabled()],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const { url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => {
        received.push({ subgraph: name, headers: { ...req.headers } });
        return {};
      },
    });
    servers.push(server);
    settings[name] = { url };
  }
  return {
    settings,
    received,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
