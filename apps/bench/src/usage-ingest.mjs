/**
 * Part 2 of the usage bench: how fast a registry stores usage reports. Reports of `rows` rows
 * over `operations` operations (each operation with `rows / operations` clients), each report
 * for a new minute, POSTed one after the other with a gateway key, as a gateway's reporter sends
 * them (`reportUsage`, no retries). The first `warmup` reports (the operations' first insert,
 * JIT) are not timed. Every row must be accepted.
 */
import {
  USAGE_REPORT_VERSION,
  createRegistryClient,
  usageOperationId,
} from '@orrery/registry-client';
import { log, summarize } from './usage-common.mjs';

const INGEST_REF = 'usageingest@prod';
const SUBGRAPH =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n' +
  'type Query { things: [Thing!]! }\ntype Thing @key(fields: "id") { id: ID! name: String }\n';

/** `count` synthetic operations, each touching a few coordinates of its own and shared ones. */
export function syntheticOperations(count) {
  return Array.from({ length: count }, (_, i) => {
    const name = `IngestOp${i}`;
    const signature = `query ${name}{things{id name thing${i}(first:0){id}}}`;
    const coordinates = [
      'Query',
      'Query.things',
      'Thing',
      'Thing.id',
      'Thing.name',
      `Thing.thing${i}`,
      `Thing.thing${i}(first:)`,
    ].sort();
    const operation = { name, type: 'query', signature, coordinates };
    return { id: usageOperationId(operation), operation };
  });
}

/** Report `k`: every operation with `rows / operations` clients, all in the minute `minute`. */
export function ingestReport(operations, rows, minute) {
  const perOperation = Math.ceil(rows / operations.length);
  const reportRows = [];
  for (let c = 0; c < perOperation && reportRows.length < rows; c++) {
    for (const { id } of operations) {
      if (reportRows.length === rows) break;
      reportRows.push({
        operationId: id,
        clientName: `client-${c}`,
        clientVersion: '1.0.0',
        minute,
        count: 1 + (c % 7),
        errors: c % 5 === 0 ? 1 : 0,
      });
    }
  }
  return {
    version: USAGE_REPORT_VERSION,
    agent: 'orrery-bench usage-ingest',
    operations: Object.fromEntries(operations.map(({ id, operation }) => [id, operation])),
    rows: reportRows,
  };
}

/** Runs part 2 against `registry` (`{ url, adminKey }`). */
export async function measureIngest({ registry, label, options }) {
  const { ingestReports, ingestWarmup, ingestRows, ingestOperations } = options;
  const admin = createRegistryClient({
    url: registry.url,
    key: registry.adminKey,
    timeoutMs: 120_000,
  });
  await admin.publishSubgraph(INGEST_REF, 'things', {
    sdl: SUBGRAPH,
    url: 'http://things.invalid/graphql',
  });
  const { key } = await admin.createKey({
    name: 'usage-bench-ingest',
    role: 'gateway',
    scope: { variants: [INGEST_REF] },
  });
  const gateway = createRegistryClient({
    url: registry.url,
    key,
    retries: 0,
    timeoutMs: 120_000,
    userAgent: 'orrery-gateway',
  });
  const operations = syntheticOperations(ingestOperations);
  // Minutes going back from the last full one: every report writes new rollup rows.
  const lastMinute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  const total = ingestWarmup + ingestReports;
  const latencies = [];
  let accepted = 0;
  let rejected = 0;
  let firstRejection;
  let timedRows = 0;
  let timedMs = 0;
  let bytes = 0;
  log(`${label}: ingest, ${total} reports of ${ingestRows} rows / ${ingestOperations} operations`);
  for (let k = 0; k < total; k++) {
    const report = ingestReport(
      operations,
      ingestRows,
      new Date(lastMinute - k * 60_000).toISOString(),
    );
    if (k === 0) bytes = JSON.stringify(report).length;
    const t0 = performance.now();
    const answer = await gateway.reportUsage(INGEST_REF, report);
    const ms = performance.now() - t0;
    accepted += answer.accepted;
    rejected += answer.rejected;
    if (answer.rejected > 0) firstRejection ??= JSON.stringify(answer.errors).slice(0, 300);
    if (k >= ingestWarmup) {
      latencies.push(ms);
      timedRows += report.rows.length;
      timedMs += ms;
    }
  }
  return {
    storage: label,
    reports: ingestReports,
    warmup: ingestWarmup,
    rowsPerReport: ingestRows,
    operationsPerReport: ingestOperations,
    reportBytes: bytes,
    latencyMs: summarize(latencies),
    rowsPerSecond: timedRows / (timedMs / 1000),
    accepted,
    rejected,
    expectedAccepted: total * ingestRows,
    firstRejection,
  };
}
