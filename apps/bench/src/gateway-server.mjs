#!/usr/bin/env node
/**
 * One gateway under test, in its own process (gateway.mjs starts it pinned to its own core):
 *
 *   node apps/bench/src/gateway-server.mjs --gateway orrery|apollo|hive --port 4300 --supergraph FILE
 *     [--hive-dir DIR]
 *
 * - orrery: `createGateway` + `createServer` from the **built** `@orrery/gateway` dist;
 * - apollo: `@apollo/gateway` 2.14.4 inside `@apollo/server` 5 (`startStandaloneServer`);
 * - hive: `createGatewayRuntime` from `@graphql-hive/gateway-runtime` installed in `--hive-dir`,
 *   outside the repo (it is not a dependency: no published version installs without an override,
 *   see ../README.md), on a `node:http` server.
 *
 * Both get the same supergraph SDL (composed by `@apollo/composition`, subgraph URLs included)
 * and their defaults otherwise. Prints `listening <port>` once it accepts requests.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

async function startOrrery(supergraphSdl, port) {
  const { createGateway, createServer } = await import('@orrery/gateway');
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

async function startHive(supergraphSdl, port, hiveDir) {
  if (!hiveDir) throw new Error('--gateway hive needs --hive-dir');
  const entry = createRequire(join(hiveDir, 'package.json')).resolve(
    '@graphql-hive/gateway-runtime',
  );
  const { createGatewayRuntime } = await import(pathToFileURL(entry).href);
  const gateway = createGatewayRuntime({ supergraph: supergraphSdl, logging: false });
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
