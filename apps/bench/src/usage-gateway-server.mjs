#!/usr/bin/env node
/**
 * Orrery's gateway under the usage bench, in its own process (`usage.mjs` pins it to its own
 * core), with or without `useUsageReporting`:
 *
 *   node apps/bench/src/usage-gateway-server.mjs --port 4400 --supergraph FILE
 *     [--registry-url URL --key KEY --graph-ref graph@variant [--flush-ms 5000]]
 *
 * `createGateway` + `createServer` from the **built** `@orrery/gateway` dist (or the build
 * `ORRERY_GATEWAY_MODULE` names), as `gateway-server.mjs` starts it, plus the usage plugin when
 * `--registry-url` is given. The plugin reports through its `send` option with the registry
 * client call its built-in sender makes (`reportUsage`, no retries, 10 s timeout), so that this
 * process can count the rows it sent and the registry accepted.
 *
 * Prints `listening <port>` once it accepts requests. On a `stop` line on stdin: stops the plugin
 * (it sends what is left), closes the server and prints `stats <json>` (the plugin's counters and
 * the registry's answers), then exits.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    supergraph: { type: 'string' },
    'registry-url': { type: 'string' },
    key: { type: 'string' },
    'graph-ref': { type: 'string' },
    'flush-ms': { type: 'string', default: '5000' },
  },
});

const { createGateway, createServer, useUsageReporting } = await import(
  process.env.ORRERY_GATEWAY_MODULE ?? '@orrery/gateway'
);

const sent = { reports: 0, rows: 0, accepted: 0, rejected: 0, droppedInReports: 0, failures: 0 };
let firstFailure;
let usage;
if (values['registry-url']) {
  const { createRegistryClient } = await import('@orrery/registry-client');
  const client = createRegistryClient({
    url: values['registry-url'],
    key: values.key,
    retries: 0,
    timeoutMs: 10_000,
    userAgent: 'orrery-gateway',
  });
  const ref = values['graph-ref'];
  usage = useUsageReporting({
    flushIntervalMs: Number(values['flush-ms']),
    send: async (report, signal) => {
      sent.reports++;
      sent.rows += report.rows.length;
      sent.droppedInReports += report.dropped ?? 0;
      const answer = await client.reportUsage(ref, report, { signal });
      sent.accepted += answer.accepted;
      sent.rejected += answer.rejected;
      if (answer.rejected > 0) firstFailure ??= JSON.stringify(answer.errors).slice(0, 300);
      return answer;
    },
    onError: (error) => {
      sent.failures++;
      firstFailure ??= error.message;
    },
  });
}

const gateway = createGateway({
  supergraph: readFileSync(values.supergraph ?? '', 'utf8'),
  ...(usage ? { plugins: [usage] } : {}),
});
await gateway.ready;
const server = createServer(gateway);
await new Promise((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
console.log(`listening ${values.port}`);

const input = createInterface({ input: process.stdin });
input.on('line', async (line) => {
  if (line.trim() !== 'stop') return;
  input.close();
  await usage?.stop(15_000);
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
  await gateway.close();
  const stats = usage ? { plugin: usage.stats(), sent, firstFailure } : {};
  console.log(`stats ${JSON.stringify(stats)}`);
  process.exit(0);
});
