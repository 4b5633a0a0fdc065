/**
 * Runs a demo subgraph at one of its versions: a real `@apollo/server` with a schema built by
 * `@apollo/subgraph`, as most subgraphs in the wild are. "Deploying" a new version restarts the
 * server on the same port; deploying "at a new URL" starts it on another port.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { DemoSubgraph } from './subgraphs/index.js';

export interface RunningSubgraph {
  readonly name: string;
  readonly version: string;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startSubgraph(
  subgraph: DemoSubgraph,
  version: string,
  port: number = subgraph.port,
): Promise<RunningSubgraph> {
  const definition = subgraph.versions[version];
  if (!definition) throw new Error(`subgraph ${subgraph.name} has no version ${version}`);
  const server = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(definition.typeDefs),
        resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
      },
    ]),
    // Nothing leaves this machine: no Apollo key is ever set, and the landing page stays local.
    introspection: true,
    // Quiet: Apollo Server announces inline tracing at info level for every subgraph.
    logger: {
      debug: () => {},
      info: () => {},
      warn: (message: unknown) => console.warn(`[${subgraph.name}]`, message),
      error: (message: unknown) => console.error(`[${subgraph.name}]`, message),
    },
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return {
    name: subgraph.name,
    version,
    url: url.replace('localhost', '127.0.0.1'),
    stop: () => server.stop(),
  };
}
