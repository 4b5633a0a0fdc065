/**
 * Subgraph servers for interop tests: a GraphQL schema served over `node:http` on an ephemeral
 * loopback port. The schema builder and executor come from the caller (for example
 * `@apollo/subgraph`'s `buildSubgraphSchema` and graphql-js `execute`), so this package imports
 * neither and each suite uses its own graphql-js copy.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GraphQL-over-HTTP request body. */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

/** How to turn (typeDefs, resolvers) into a schema and run requests on it. */
export interface SubgraphRuntime<TypeDefs, Resolvers, Schema> {
  buildSchema(typeDefs: TypeDefs, resolvers: Resolvers): Schema;
  /** Runs one request; returns the JSON-serialisable `{ data, errors }` result. */
  execute(schema: Schema, request: GraphQLRequest): unknown;
}

export interface SubgraphServerOptions<TypeDefs, Resolvers, Schema> {
  readonly name: string;
  readonly typeDefs: TypeDefs;
  readonly resolvers: Resolvers;
  readonly runtime: SubgraphRuntime<TypeDefs, Resolvers, Schema>;
  /** Refuse bodies above this size (default 1 MiB): a guard, even in tests. */
  readonly maxBodyBytes?: number;
}

/** A running subgraph. */
export interface SubgraphServer<Schema = unknown> {
  readonly name: string;
  /** `http://127.0.0.1:<port>/graphql` */
  readonly url: string;
  readonly schema: Schema;
  /** Every request the server received, in order (to assert what a gateway fetched). */
  readonly requests: GraphQLRequest[];
  close(): Promise<void>;
}

/** Starts a subgraph server on an ephemeral loopback port. */
export async function startSubgraphServer<TypeDefs, Resolvers, Schema>(
  options: SubgraphServerOptions<TypeDefs, Resolvers, Schema>,
): Promise<SubgraphServer<Schema>> {
  const schema = options.runtime.buildSchema(options.typeDefs, options.resolvers);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const requests: GraphQLRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      return send(res, 405, { errors: [{ message: 'POST a GraphQL request' }] });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) return send(res, 413, { errors: [{ message: 'body too large' }] });
      chunks.push(chunk);
    }
    let body: GraphQLRequest;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLRequest;
    } catch {
      return send(res, 400, { errors: [{ message: 'invalid JSON body' }] });
    }
    if (typeof body?.query !== 'string') {
      return send(res, 400, { errors: [{ message: 'missing query' }] });
    }
    requests.push(body);
    try {
      send(res, 200, await options.runtime.execute(schema, body));
    } catch (error) {
      send(res, 500, {
        errors: [{ message: error instanceof Error ? error.message : String(error) }],
      });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { errors: [{ message: String(error) }] });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}/graphql`,
    schema,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}
