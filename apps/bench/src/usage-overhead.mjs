/**
 * Part 1 of the usage bench: what `useUsageReporting` costs Orrery's gateway. The gateway
 * benchmark's deep query (`gateway.mjs`) through two gateway processes started the same way, one
 * without the plugin and one reporting to a real registry, each warmed up then measured; then
 * the registry's counts are read back and must equal the requests the load generator had
 * answered by the reporting gateway (warm-up and sanity requests included), exactly.
 *
 * Layout: the subgraphs, the registry and this process on core 0, the gateway on core 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { createRegistryClient } from '@orrery/registry-client';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, subgraphSdl } from './gateway-subgraphs.mjs';
import { cpuSeconds, here, log, startNode, stopChild } from './usage-common.mjs';
import { benchClients, runMixedLoad, sendOnce } from './usage-load.mjs';

const DEEP_QUERY = readFileSync(here('../fixtures/planning/deep-query.graphql'), 'utf8');
export const OVERHEAD_GRAPH_REF = 'usagebench@prod';

const responseProblem = (text) => {
  const parsed = JSON.parse(text);
  if (parsed.errors?.length) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (parsed.data == null) return 'no data';
  return undefined;
};

/** The deep query under `count` operation names (same work each; distinct operations in usage). */
export function deepQueryPayloads(count) {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      query: DEEP_QUERY.replace(/query TestQuery\b/, `query TestQuery${i === 0 ? '' : i + 1}`),
    }),
  );
}

function composeSupergraph(subgraphOrigin) {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `${subgraphOrigin}/${name}`,
      typeDefs: parse(subgraphSdl(name)),
    })),
  );
  if (result.errors) throw new Error(`composition failed: ${result.errors[0].message}`);
  return result.supergraphSdl;
}

/** Stops a gateway started by `startGateway`: `stop` on stdin, then its `stats` line. */
async function stopGateway(gateway) {
  const stats = gateway.waitForLine(
    (line) => (line.startsWith('stats ') ? JSON.parse(line.slice(6)) : undefined),
    'its stats',
  );
  gateway.child.stdin.write('stop\n');
  const result = await Promise.race([
    stats,
    new Promise((resolve) => setTimeout(() => resolve(undefined), 30_000)),
  ]);
  await stopChild(gateway.child);
  return result;
}

/**
 * Runs part 1 against `registry` (`{ url, adminKey }`). Returns the per-run results and the
 * registry's read-back.
 */
export async function measureOverhead({ registry, pin, work, options }) {
  const { port, warmup, duration, connections, clientCount, operationCount, flushMs, rounds } =
    options;
  const subgraphOrigin = `http://127.0.0.1:${port}`;
  const gatewayPort = port + 100;
  const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
  const supergraphFile = join(work, 'usage-supergraph.graphql');
  writeFileSync(supergraphFile, composeSupergraph(subgraphOrigin));

  // The variant must exist for the registry to take reports: publish the same four subgraphs.
  const admin = createRegistryClient({
    url: registry.url,
    key: registry.adminKey,
    timeoutMs: 120_000,
  });
  for (const name of SUBGRAPH_NAMES) {
    await admin.publishSubgraph(OVERHEAD_GRAPH_REF, name, {
      sdl: subgraphSdl(name),
      url: `${subgraphOrigin}/${name}`,
    });
  }
  const { key } = await admin.createKey({
    name: 'usage-bench-gateway',
    role: 'gateway',
    scope: { variants: [OVERHEAD_GRAPH_REF] },
  });

  const clients = benchClients(clientCount);
  const payloads = deepQueryPayloads(operationCount);
  const subgraphs = await startNode(here('./gateway-subgraphs.mjs'), ['--port', String(port)], {
    core: 0,
    pin,
    ready: (line) => (line.includes('listening') ? true : undefined),
  });
  const runs = [];
  let reportedRequestsExpected = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so that a drift in the machine's load over a multi-round
      // run does not always favour the same side.
      const order = round % 2 === 1 ? ['without', 'with'] : ['with', 'without'];
      for (const mode of order) {
        const reporting = mode === 'with';
        const gateway = await startNode(
          here('./usage-gateway-server.mjs'),
          [
            '--port',
            String(gatewayPort),
            '--supergraph',
            supergraphFile,
            ...(reporting
              ? [
                  '--registry-url',
                  registry.url,
                  '--key',
                  key,
                  '--graph-ref',
                  OVERHEAD_GRAPH_REF,
                  '--flush-ms',
                  String(flushMs),
                ]
              : []),
          ],
          { core: 1, pin, ready: (line) => (line.startsWith('listening') ? true : undefined) },
        );
        let stats;
        try {
          const load = (seconds, conns) =>
            runMixedLoad({
              origin: gatewayOrigin,
              path: '/graphql',
              payloads,
              clients,
              connections: conns,
              seconds,
              check: responseProblem,
            });
          // Sanity: each operation once, every answer checked (and counted: it is reported too).
          let sanityOk = 0;
          for (const [i, payload] of payloads.entries()) {
            const { status, text } = await sendOnce({
              origin: gatewayOrigin,
              path: '/graphql',
              payload,
              client: clients[i % clients.length],
            });
            const problem = status === 200 ? responseProblem(text) : `HTTP ${status}`;
            if (problem !== undefined) throw new Error(`${mode} usage reporting: ${problem}`);
            sanityOk++;
          }
          log(`round ${round}, ${mode} usage reporting: warm-up ${warmup} s`);
          const warm = await load(warmup, connections);
          log(`round ${round}, ${mode} usage reporting: measuring ${duration} s`);
          const cpuBefore = cpuSeconds(gateway.child.pid);
          const measured = await load(duration, connections);
          const cpu = cpuSeconds(gateway.child.pid) - cpuBefore;
          stats = await stopGateway(gateway);
          if (reporting) reportedRequestsExpected += sanityOk + warm.ok + measured.ok;
          runs.push({
            round,
            mode,
            measured,
            warmup: { answered: warm.answered, ok: warm.ok, errors: warm.errors },
            sanity: sanityOk,
            gatewayCpuSeconds: cpu,
            gatewayCpuMsPerRequest: (cpu * 1000) / Math.max(1, measured.answered),
            gatewayCpuShare: cpu / measured.seconds,
            stats,
          });
          if (measured.errors > 0 || warm.errors > 0) {
            log(
              `${mode}: ${measured.errors + warm.errors} errors, first: ${measured.firstError ?? warm.firstError}`,
            );
          }
        } finally {
          if (gateway.child.exitCode === null) await stopChild(gateway.child);
        }
      }
    }
  } finally {
    await stopChild(subgraphs.child);
  }

  // Read back what the registry stored for the variant (every reporting run went there).
  const view = await admin.listOperationUsage(OVERHEAD_GRAPH_REF, { limit: 1000 });
  const clientsSeen = new Set(
    view.operations.flatMap((o) => o.clients.map((c) => `${c.name}@${c.version}`)),
  );
  const registryErrors = view.operations.reduce((sum, o) => sum + o.errors, 0);
  return {
    runs,
    readBack: {
      totalRequests: view.totalRequests,
      expected: reportedRequestsExpected,
      match: view.totalRequests === reportedRequestsExpected,
      operations: view.operations.length,
      clients: clientsSeen.size,
      errors: registryErrors,
    },
    settings: { warmup, duration, connections, clientCount, operationCount, flushMs, rounds },
  };
}
