#!/usr/bin/env node
/**
 * One gateway under test, in its own process (gateway.mjs starts it pinned to its own core):
 *
 *   node apps/bench/src/gateway-server.mjs --gateway orrery|apollo|hive --port 4300 --supergraph FILE
 *     [--hive-dir DIR]
 *
 * - orrery: `createGateway` + `createServer` from the **built** `@orrery/gateway` dist (or the
 *   build `ORRERY_GATEWAY_MODULE` names);
 * - apollo: `@apollo/gateway` 2.14.4 inside `@apollo/server` 5 (`startStandaloneServer`);
 * - hive: `createGatewayRuntime` from `@graphql-hive/gateway-runtime` (the workspace's, a
 *   dependency of apps/bench; `--hive-dir DIR` loads it from another install instead), on a
 *   `node:http` server, forwarding the client's `x-bench-request` header to the subgraphs (see
 *   startHive).
 *
 * All get the same supergraph SDL (composed by `@apollo/composition`, subgraph URLs included)
 * and their defaults otherwise. Prints `listening <port>` once it accepts requests.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

async function startOrrery(supergraphSdl, port) {
  // ORRERY_GATEWAY_MODULE=/path/to/other/dist/index.js runs another build (before/after).
  const { createGateway, createServer } = await import(
    process.env.ORRERY_GATEWAY_MODULE ?? '@orrery/gateway'
  );
  const gateway = createGateway({ supergraph: supergraphSdl });
  await gateway.ready;
  const server = createServer(gateway);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

async function startApollo(supergraphSdl, port) {
  const { ApolloGateway } = await import('@apollo/gateway');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
}

/**
 * `@graphql-mesh/transport-http`, which the runtime loads for `http` subgraphs, comes with
 * `@graphql-hive/gateway` (the CLI package), not with the runtime the workspace installs. That
 * transport hands each subgraph to `buildHTTPExecutor` from `@graphql-tools/executor-http`
 * (a dependency of the runtime); the bench does the same, for queries (all the bench sends).
 */
async function httpTransport() {
  const fromRuntime = createRequire(requireResolve('@graphql-hive/gateway-runtime'));
  const { buildHTTPExecutor } = await import(
    pathToFileURL(fromRuntime.resolve('@graphql-tools/executor-http')).href
  );
  return {
    getSubgraphExecutor: ({ transportEntry, fetch, getDisposeReason }) =>
      buildHTTPExecutor({
        ...transportEntry.options,
        endpoint: transportEntry.location,
        ...(transportEntry.headers ? { headers: Object.fromEntries(transportEntry.headers) } : {}),
        fetch,
        getDisposeReason,
      }),
  };
}

function requireResolve(specifier) {
  return createRequire(import.meta.url).resolve(specifier);
}

async function startHive(supergraphSdl, port, hiveDir) {
  const { createGatewayRuntime } = hiveDir
    ? await import(
        pathToFileURL(
          createRequire(join(hiveDir, 'package.json')).resolve('@graphql-hive/gateway-runtime'),
        ).href
      )
    : await import('@graphql-hive/gateway-runtime');
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    // An install of @graphql-hive/gateway (--hive-dir) has the real transport.
    ...(hiveDir ? {} : { transports: { http: await httpTransport() } }),
    // Hive merges identical in-flight subgraph requests (same body and headers). The bench's
    // clients differ only by their `x-bench-request` header, which Hive does not forward by
    // default, so without this its subgraph requests would all be identical and merged: a
    // figure no real traffic (distinct users, distinct auth headers) would see.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        'x-bench-request': request.headers.get('x-bench-request') ?? '',
      }),
    },
  });
  const server = createServer(gateway);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

const STARTERS = { orrery: startOrrery, apollo: startApollo, hive: startHive };

const { values } = parseArgs({
  options: {
    gateway: { type: 'string' },
    port: { type: 'string' },
    supergraph: { type: 'string' },
    'hive-dir': { type: 'string' },
  },
});
const start = STARTERS[values.gateway ?? ''];
if (start === undefined) throw new Error(`--gateway must be one of ${Object.keys(STARTERS)}`);
await start(readFileSync(values.supergraph ?? '', 'utf8'), Number(values.port), values['hive-dir']);
console.log(`listening ${values.port}`);
