#!/usr/bin/env node
/**
 * One gateway under test, in its own process (gateway.mjs starts it pinned to its own core):
 *
 *   node apps/bench/src/gateway-server.mjs --gateway orrery|apollo --port 4300 --supergraph FILE
 *
 * - orrery: `createGateway` + `createServer` from the **built** `@orrery/gateway` dist;
 * - apollo: `@apollo/gateway` 2.14.4 inside `@apollo/server` 5 (`startStandaloneServer`).
 *
 * Both get the same supergraph SDL (composed by `@apollo/composition`, subgraph URLs included)
 * and their defaults otherwise. Prints `listening <port>` once it accepts requests.
 */
import { readFileSync } from 'node:fs';
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

const STARTERS = { orrery: startOrrery, apollo: startApollo };

const { values } = parseArgs({
  options: {
    gateway: { type: 'string' },
    port: { type: 'string' },
    supergraph: { type: 'string' },
  },
});
const start = STARTERS[values.gateway ?? ''];
if (start === undefined) throw new Error(`--gateway must be one of ${Object.keys(STARTERS)}`);
await start(readFileSync(values.supergraph ?? '', 'utf8'), Number(values.port));
console.log(`listening ${values.port}`);
