/**
 * Runs a demo subgraph at one of its versions: a real `@apollo/server` with a schema built by
 * `@apollo/subgraph`, as most subgraphs in the wild are.
 *
 * "Deploying" a new version is a rolling deploy, as the seeds assume ("first deploy all
 * replicas"): the new version's server starts, new requests go to it, and the old one stops once
 * its in-flight requests are answered. The listening socket stays open throughout, so a deploy
 * never refuses a connection; a scenario that fails does so for the reason it shows, not because
 * the demo restarted a server. Deploying "at a new URL" starts another subgraph on another port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { DemoSubgraph } from './subgraphs/index.js';

export interface RunningSubgraph {
  readonly name: string;
  /** The version serving new requests. */
  readonly version: string;
  readonly url: string;
  /** GraphQL requests answered since the start (the gateway's fetches). */
  readonly requests: number;
  /** Rolling deploy of another version on the same URL. */
  deploy(version: string): Promise<void>;
  stop(): Promise<void>;
}

interface Instance {
  readonly version: string;
  readonly server: ApolloServer;
  inFlight: number;
  drained?: () => void;
}

async function startInstance(subgraph: DemoSubgraph, version: string): Promise<Instance> {
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
  await server.start();
  return { version, server, inFlight: 0 };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  return (request.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text;
}

/** What `startStandaloneServer` does for one request, against whichever instance is current. */
async function answer(
  instance: Instance,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search: new URL(request.url ?? '/', 'http://subgraph').search,
    body: await readBody(request),
  };
  const result = await instance.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: async () => ({}),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

export async function startSubgraph(
  subgraph: DemoSubgraph,
  version: string,
  port: number = subgraph.port,
): Promise<RunningSubgraph> {
  let current = await startInstance(subgraph, version);
  let requests = 0;
  let stopped: Promise<void> | undefined;

  const http = createServer((request, response) => {
    const instance = current;
    instance.inFlight += 1;
    requests += 1;
    answer(instance, request, response)
      .catch((error: Error) => {
        if (!response.headersSent) response.statusCode = 400;
        response.end(JSON.stringify({ errors: [{ message: error.message }] }));
      })
      .finally(() => {
        instance.inFlight -= 1;
        if (instance.inFlight === 0) instance.drained?.();
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;

  const retire = async (instance: Instance) => {
    if (instance.inFlight > 0) await new Promise<void>((r) => (instance.drained = r));
    await instance.server.stop();
  };

  return {
    name: subgraph.name,
    get version() {
      return current.version;
    },
    url,
    get requests() {
      return requests;
    },
    async deploy(next) {
      const previous = current;
      current = await startInstance(subgraph, next);
      await retire(previous);
    },
    stop() {
      // Idempotent: a scenario retires old replicas, and the stack stops everything at the end.
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
        await retire(current);
      })();
      return stopped;
    },
  };
}
