#!/usr/bin/env node
/**
 * The usage reporting and checks benchmark (issue 9), in one run:
 *
 *   node scripts/pnpm.mjs turbo run build --filter @orrery/gateway --filter @orrery/registry
 *   node apps/bench/src/usage.mjs [--parts overhead,ingest,checks] [--storages pglite,postgres]
 *     [--check-storages pglite] [--postgres-url URL] [--warmup 5] [--duration 15]
 *     [--connections 50] [--clients 20] [--operations 5] [--flush-ms 5000] [--rounds 1]
 *     [--port 4250] [--ingest-reports 20] [--ingest-warmup 2] [--ingest-rows 2000]
 *     [--ingest-operations 500] [--check-subgraphs 40] [--check-operations 1000]
 *     [--check-runs 5] [--seed 42] [--no-pin] [--json FILE]
 *
 * 1. overhead (`usage-overhead.mjs`): the gateway benchmark's deep query through Orrery's gateway
 *    without and with `useUsageReporting` (to a real registry on PGlite), RPS, latency, gateway
 *    CPU per request, the reports and rows the plugin sent and the registry accepted, and the
 *    registry's counts read back against the requests answered (MISMATCH when they differ);
 * 2. ingest (`usage-ingest.mjs`): reports of 2,000 rows / 500 operations POSTed to a registry on
 *    PGlite and on PostgreSQL (a fresh database created on `--postgres-url`'s server, dropped at
 *    the end): ms per report and rows per second;
 * 3. checks (`usage-checks.mjs`): a 40-subgraph generated graph with 1,000 operations of traffic
 *    over 7 days; a safe addition and a removal of a used field, plan regressions on and off.
 *
 * Registries are `registry-server.mjs` processes (the built `@orrery/registry`). Layout on a
 * 2-core machine: the gateway on core 1 and everything else on core 0 during part 1; then the
 * registry on core 1 and this process (the clients) on core 0. Prints tables, writes JSON to
 * apps/bench/results/ (git-ignored). Exits 1 when a count does not add up. Never in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  fmt,
  freshPostgresDatabase,
  here,
  loadAverage,
  log,
  pinProcess,
  printTable,
  startRegistryProcess,
  stopChild,
} from './usage-common.mjs';
import { measureChecks } from './usage-checks.mjs';
import { measureIngest } from './usage-ingest.mjs';
import { measureOverhead } from './usage-overhead.mjs';

const list = (value) => value.split(',').filter(Boolean);

function printOverhead(overhead) {
  const { settings } = overhead;
  console.log(
    `\n1. Gateway overhead of usage reporting: deep query under ${settings.operationCount} operation ` +
      `names, ${settings.clientCount} clients, ${settings.connections} connections, ` +
      `${settings.warmup} s warm-up, ${settings.duration} s measured, flush every ${settings.flushMs / 1000} s\n`,
  );
  printTable(
    ['Round', 'Usage reporting', 'RPS', 'p50 ms', 'p99 ms', 'Errors', 'CPU gw', 'gw CPU ms/req'],
    overhead.runs.map((r) => [
      r.round,
      r.mode,
      fmt(r.measured.rps),
      fmt(r.measured.latencyMs.p50),
      fmt(r.measured.latencyMs.p99),
      r.measured.errors,
      `${fmt(r.gatewayCpuShare * 100, 0)}%`,
      fmt(r.gatewayCpuMsPerRequest, 3),
    ]),
  );
  for (const round of new Set(overhead.runs.map((r) => r.round))) {
    const off = overhead.runs.find((r) => r.round === round && r.mode === 'without');
    const on = overhead.runs.find((r) => r.round === round && r.mode === 'with');
    if (!off || !on) continue;
    console.log(
      `\nRound ${round}, with / without: RPS ${fmt(on.measured.rps / off.measured.rps, 3)}x, ` +
        `p50 ${fmt(on.measured.latencyMs.p50 / off.measured.latencyMs.p50, 3)}x, ` +
        `p99 ${fmt(on.measured.latencyMs.p99 / off.measured.latencyMs.p99, 3)}x, ` +
        `gateway CPU per request ${fmt(on.gatewayCpuMsPerRequest / off.gatewayCpuMsPerRequest, 3)}x ` +
        `(${fmt((on.gatewayCpuMsPerRequest - off.gatewayCpuMsPerRequest) * 1000, 0)} us)`,
    );
  }
  const reporting = overhead.runs.filter((r) => r.mode === 'with');
  const sum = (pick) => reporting.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const dropped =
    sum((r) => r.stats?.plugin?.dropped) + sum((r) => r.stats?.sent?.droppedInReports);
  const { readBack } = overhead;
  console.log(
    `Reports sent ${sum((r) => r.stats?.plugin?.reportsSent)} (failed ${sum((r) => r.stats?.plugin?.reportsFailed)}), ` +
      `rows sent ${sum((r) => r.stats?.sent?.rows)}, accepted ${sum((r) => r.stats?.sent?.accepted)}, ` +
      `rejected ${sum((r) => r.stats?.sent?.rejected)}, requests recorded ${sum((r) => r.stats?.plugin?.recorded)}, ` +
      `dropped ${dropped}${dropped === 0 ? '' : ' (must be 0)'}`,
  );
  console.log(
    `Registry read-back: ${readBack.totalRequests} requests, ${readBack.operations} operations, ` +
      `${readBack.clients} clients; the load generator had ${readBack.expected} answered by the ` +
      `reporting gateway (warm-up and sanity requests included): ${readBack.match ? 'match' : 'MISMATCH'}`,
  );
  for (const r of reporting) {
    if (r.stats?.firstFailure)
      log(`round ${r.round}: first report problem: ${r.stats.firstFailure}`);
    if (!r.stats) log(`round ${r.round}: the reporting gateway printed no stats`);
  }
  return (
    readBack.match &&
    dropped === 0 &&
    sum((r) => r.stats?.sent?.rejected) === 0 &&
    reporting.every((r) => r.stats)
  );
}

function printIngest(ingest) {
  if (ingest.length === 0) return true;
  const first = ingest[0];
  console.log(
    `\n2. Ingest: reports of ${first.rowsPerReport} rows / ${first.operationsPerReport} operations, ` +
      `one after the other, each a new minute (${first.warmup} untimed first)\n`,
  );
  printTable(
    ['Storage', 'Reports', 'KB/report', 'p50 ms', 'p95 ms', 'max ms', 'rows/s', 'Accepted'],
    ingest.map((r) => [
      r.storage,
      r.reports,
      fmt(r.reportBytes / 1024, 0),
      fmt(r.latencyMs.p50),
      fmt(r.latencyMs.p95),
      fmt(r.latencyMs.max),
      fmt(r.rowsPerSecond, 0),
      `${r.accepted} / ${r.expectedAccepted}`,
    ]),
  );
  for (const r of ingest) if (r.firstRejection) log(`${r.storage}: ${r.firstRejection}`);
  return ingest.every((r) => r.accepted === r.expectedAccepted && r.rejected === 0);
}

function printChecks(checks) {
  for (const c of checks) {
    console.log(
      `\n3. Checks on ${c.storage}: ${c.graph.subgraphs} subgraphs, ${c.graph.types} types ` +
        `(supergraph ${fmt(c.graph.supergraphBytes / 1024, 0)} KiB, seeded in ${fmt(c.seedSeconds)} s), ` +
        `${c.traffic.operations} operations (${fmt(c.traffic.meanCoordinates, 0)} coordinates each on average), ` +
        `${c.traffic.rows} rows, ${c.traffic.requests} requests over 7 days\n`,
    );
    printTable(
      [
        'Check',
        'Plan regressions',
        'Runs',
        'p50 ms',
        'max ms',
        'Status',
        'Changes',
        'Broken',
        'Affected ops',
        'Plans',
      ],
      c.cases.map((k) => [
        k.name,
        k.planRegressions,
        k.latencyMs.count,
        fmt(k.latencyMs.p50, 0),
        fmt(k.latencyMs.max, 0),
        k.result.status,
        k.result.changes,
        k.result.broken,
        k.result.affectedOperations,
        `${k.result.planRegressions} (${k.result.regressions})`,
      ]),
    );
  }
  return true;
}

async function main() {
  const { values } = parseArgs({
    options: {
      parts: { type: 'string', default: 'overhead,ingest,checks' },
      storages: { type: 'string', default: 'pglite,postgres' },
      'check-storages': { type: 'string', default: 'pglite' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
      warmup: { type: 'string', default: '5' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '50' },
      clients: { type: 'string', default: '20' },
      operations: { type: 'string', default: '5' },
      'flush-ms': { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '1' },
      port: { type: 'string', default: '4250' },
      'ingest-reports': { type: 'string', default: '20' },
      'ingest-warmup': { type: 'string', default: '2' },
      'ingest-rows': { type: 'string', default: '2000' },
      'ingest-operations': { type: 'string', default: '500' },
      'check-subgraphs': { type: 'string', default: '40' },
      'check-operations': { type: 'string', default: '1000' },
      'check-runs': { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
      'no-pin': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const parts = list(values.parts);
  const ingestStorages = parts.includes('ingest') ? list(values.storages) : [];
  const checkStorages = parts.includes('checks') ? list(values['check-storages']) : [];
  const options = {
    warmup: Number(values.warmup),
    duration: Number(values.duration),
    connections: Number(values.connections),
    clientCount: Number(values.clients),
    operationCount: Number(values.operations),
    flushMs: Number(values['flush-ms']),
    rounds: Number(values.rounds),
    port: Number(values.port),
    ingestReports: Number(values['ingest-reports']),
    ingestWarmup: Number(values['ingest-warmup']),
    ingestRows: Number(values['ingest-rows']),
    ingestOperations: Number(values['ingest-operations']),
    checkSubgraphs: Number(values['check-subgraphs']),
    checkOperations: Number(values['check-operations']),
    checkRuns: Number(values['check-runs']),
    seed: Number(values.seed),
  };
  const pin = !values['no-pin'] && availableParallelism() >= 2;
  if (pin) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  const started = performance.now();
  const loadBefore = loadAverage();
  const work = mkdtempSync(join(tmpdir(), 'orrery-usage-bench-'));
  const results = { overhead: undefined, ingest: [], checks: [], skipped: [] };

  try {
    const storages = [
      ...(parts.includes('overhead') ||
      ingestStorages.includes('pglite') ||
      checkStorages.includes('pglite')
        ? ['pglite']
        : []),
      ...(ingestStorages.includes('postgres') || checkStorages.includes('postgres')
        ? ['postgres']
        : []),
    ];
    for (const storage of storages) {
      let database;
      if (storage === 'postgres') {
        try {
          database = await freshPostgresDatabase(values['postgres-url']);
        } catch (error) {
          results.skipped.push(`postgres: ${error.message}`);
          log(`PostgreSQL skipped: ${error.message}`);
          continue;
        }
      }
      // Part 1 keeps core 1 for the gateway: the registry starts on core 0 then moves.
      const overheadHere = storage === 'pglite' && parts.includes('overhead');
      log(`starting a registry on ${storage}`);
      const registry = await startRegistryProcess({
        ...(database ? { databaseUrl: database.url } : { dataDir: join(work, 'pglite') }),
        core: overheadHere ? 0 : 1,
        pin,
      });
      try {
        if (overheadHere) {
          results.overhead = await measureOverhead({ registry, pin, work, options });
          pinProcess(registry.child.pid, 1, pin);
        }
        if (ingestStorages.includes(storage)) {
          results.ingest.push(await measureIngest({ registry, label: storage, options }));
        }
        if (checkStorages.includes(storage)) {
          results.checks.push(await measureChecks({ registry, label: storage, options }));
        }
      } finally {
        await stopChild(registry.child);
        await database?.drop().catch((error) => log(`could not drop ${database.name}: ${error}`));
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const seconds = (performance.now() - started) / 1000;
  const loadAfter = loadAverage();
  console.log(
    `\nUsage reporting and checks, Node ${process.version}, ${pin ? 'pinned' : 'not pinned'}, ` +
      `load average ${fmt(loadBefore, 2)} at start, ${fmt(loadAfter, 2)} at end, ${fmt(seconds, 0)} s in all`,
  );
  let ok = true;
  if (results.overhead) ok = printOverhead(results.overhead) && ok;
  ok = printIngest(results.ingest) && ok;
  printChecks(results.checks);
  for (const line of results.skipped) console.log(`\nskipped: ${line}`);

  const date = new Date().toISOString();
  const out = values.json ?? here(`../results/usage-${date.replace(/[:.]/g, '-')}.json`);
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date, node: process.version, pinned: pin, loadAverage: { start: loadBefore, end: loadAfter }, seconds, options, ...results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
  if (!ok) {
    console.log('\nSOMETHING DID NOT ADD UP (see above)');
    process.exitCode = 1;
  }
}

await main();
