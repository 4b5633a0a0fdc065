#!/usr/bin/env node
/**
 * The gateway benchmark: Orrery's gateway, `@apollo/gateway` (in `@apollo/server`) and
 * `@graphql-hive/gateway-runtime` serve the public gateway benchmark's deep query over the same
 * four subgraphs, one after the other.
 *
 *   node apps/bench/src/gateway.mjs [--gateways orrery,apollo,hive] [--warmup 10] [--duration 20]
 *     [--connections 50] [--overhead-duration 5] [--port 4200] [--no-pin] [--json FILE]
 *     [--hive-dir DIR]
 *
 * `hive` runs the workspace's `@graphql-hive/gateway-runtime` (a dependency of apps/bench);
 * `--hive-dir DIR` loads it from another install instead (to compare another version).
 *
 * Layout on a 2-core machine: this process (the load generator) and the subgraphs' process on
 * core 0, each gateway in its own process on core 1 (`taskset`). Steps:
 * 1. every gateway answers the deep query once; the answers must be equal (else exit 1);
 * 2. per gateway: warm-up, then a measured run (RPS, p50/p99, errors), the subgraph server's
 *    request counts over the measured run, and the gateway process's RSS (peak `VmHWM`, and the
 *    highest `VmRSS` sampled during the measured run);
 * 3. overhead: a trivial query (`{ users { id } }`, one subgraph fetch) on one connection,
 *    through each gateway and straight to the subgraph.
 * Prints a table with ratios and writes JSON to apps/bench/results/ (git-ignored). Never in CI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, subgraphSdl } from './gateway-subgraphs.mjs';
import { requestOnce, runLoad } from './load-generator.mjs';

const GATEWAYS = ['orrery', 'apollo', 'hive'];
const LABELS = { orrery: 'Orrery', apollo: 'Apollo', hive: 'Hive', direct: 'subgraph direct' };
const TRIVIAL_QUERY = '{ users { id } }';
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DEEP_QUERY = readFileSync(here('../fixtures/planning/deep-query.graphql'), 'utf8');

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

/** Spawns a node script, pinned to `core` when pinning; resolves once it prints `marker`. */
function startProcess(script, args, core, pin, marker) {
  const command = pin ? 'taskset' : process.execPath;
  const argv = pin ? ['-c', String(core), process.execPath, script, ...args] : [script, ...args];
  const child = spawn(command, argv, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(marker)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before "${marker}"`)));
  });
}

function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    // Hive's runtime keeps its server up on SIGTERM (it only disposes plugins): escalate.
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** `VmRSS` / `VmHWM` of a process in MB (Linux). `taskset` execs node, so the pid is node's. */
function memoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/** CPU seconds (user + system) a process has used so far (Linux), NaN if unreadable. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function subgraphCounts(origin, reset = false) {
  const { text } = await requestOnce(origin, reset ? '/__reset' : '/__stats', {});
  return JSON.parse(text);
}

const responseError = (text) => {
  const parsed = JSON.parse(text);
  if (parsed.errors?.length) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (parsed.data == null) return 'no data';
  return undefined;
};

/** The first path where two JSON values differ, or undefined when they are equal (order too). */
function firstDifference(a, b, path = '') {
  if (
    typeof a !== typeof b ||
    Array.isArray(a) !== Array.isArray(b) ||
    (a === null) !== (b === null)
  ) {
    return `${path || '<root>'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (typeof a !== 'object' || a === null) {
    return a === b
      ? undefined
      : `${path || '<root>'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join() !== keysB.join()) return `${path || '<root>'}: keys ${keysA} vs ${keysB}`;
  for (const key of keysA) {
    const difference = firstDifference(a[key], b[key], `${path}.${key}`);
    if (difference !== undefined) return difference;
  }
  return undefined;
}

const fmt = (value, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : 'n/a';

function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const row of rows) console.log(line(row));
}

async function main() {
  const { values } = parseArgs({
    options: {
      gateways: { type: 'string' },
      'hive-dir': { type: 'string' },
      warmup: { type: 'string', default: '10' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      'overhead-duration': { type: 'string', default: '5' },
      port: { type: 'string', default: '4200' },
      'no-pin': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const hiveDir = values['hive-dir'];
  const gateways = (values.gateways ?? 'orrery,apollo,hive').split(',').filter(Boolean);
  for (const name of gateways) {
    if (!GATEWAYS.includes(name)) throw new Error(`unknown gateway "${name}" (${GATEWAYS})`);
  }
  const warmup = Number(values.warmup);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const overheadDuration = Number(values['overhead-duration']);
  const pin = !values['no-pin'] && availableParallelism() >= 2;
  const subgraphPort = Number(values.port);
  const gatewayPort = subgraphPort + 100;
  const subgraphOrigin = `http://127.0.0.1:${subgraphPort}`;
  const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
  const log = (message) => console.error(`[gateway bench] ${message}`);

  // The load generator shares core 0 with the subgraphs; the gateways get core 1 to themselves.
  if (pin) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });

  const work = mkdtempSync(join(tmpdir(), 'orrery-gateway-bench-'));
  const supergraphFile = join(work, 'supergraph.graphql');
  writeFileSync(supergraphFile, composeSupergraph(subgraphOrigin));
  const subgraphs = await startProcess(
    here('./gateway-subgraphs.mjs'),
    ['--port', String(subgraphPort)],
    0,
    pin,
    'listening',
  );
  const startGateway = (name) =>
    startProcess(
      here('./gateway-server.mjs'),
      [
        '--gateway',
        name,
        '--port',
        String(gatewayPort),
        '--supergraph',
        supergraphFile,
        ...(hiveDir ? ['--hive-dir', hiveDir] : []),
      ],
      1,
      pin,
      'listening',
    );

  try {
    // 1. Same answer everywhere, before measuring anything.
    const answers = {};
    for (const name of gateways) {
      const child = await startGateway(name);
      try {
        const { status, text } = await requestOnce(gatewayOrigin, '/graphql', {
          query: DEEP_QUERY,
        });
        const problem = status === 200 ? responseError(text) : `HTTP ${status}`;
        if (problem !== undefined) throw new Error(`${name}: deep query failed: ${problem}`);
        answers[name] = { text, json: JSON.parse(text) };
        log(`${name}: deep query answered, ${fmt(text.length / 1024)} KB`);
      } finally {
        await stopProcess(child);
      }
    }
    const [reference, ...others] = gateways;
    for (const name of others) {
      const difference = firstDifference(answers[reference].json, answers[name].json);
      if (difference !== undefined) {
        throw new Error(
          `${LABELS[name]}'s deep-query answer differs from ${LABELS[reference]}'s at ${difference}`,
        );
      }
    }
    log(`deep-query answers equal across ${gateways.join(', ')}`);

    // 2. Load, one gateway at a time.
    const results = {};
    for (const name of gateways) {
      const child = await startGateway(name);
      try {
        const load = (seconds, conns, query, origin = gatewayOrigin, path = '/graphql') =>
          runLoad({
            origin,
            path,
            body: { query },
            connections: conns,
            seconds,
            check: responseError,
          });
        log(`${name}: warm-up ${warmup} s`);
        await load(warmup, connections, DEEP_QUERY);
        await subgraphCounts(subgraphOrigin, true);
        let sampledRss = 0;
        const sampler = setInterval(() => {
          sampledRss = Math.max(sampledRss, memoryMb(child.pid).rss);
        }, 200);
        log(`${name}: measuring ${duration} s`);
        const cpuBefore = { gateway: cpuSeconds(child.pid), subgraphs: cpuSeconds(subgraphs.pid) };
        const deep = await load(duration, connections, DEEP_QUERY);
        clearInterval(sampler);
        // Share of one core each process used during the run: a subgraph server near its core's
        // limit means the run measured the subgraphs, not the gateway.
        const cpu = {
          gateway: (cpuSeconds(child.pid) - cpuBefore.gateway) / deep.seconds,
          subgraphs: (cpuSeconds(subgraphs.pid) - cpuBefore.subgraphs) / deep.seconds,
        };
        const counts = await subgraphCounts(subgraphOrigin);
        const memory = memoryMb(child.pid);
        const subgraphRequests = Object.values(counts).reduce((sum, n) => sum + n, 0);
        log(`${name}: trivial query, 1 connection, ${overheadDuration} s`);
        const trivial = await load(overheadDuration, 1, TRIVIAL_QUERY);
        results[name] = {
          deep,
          subgraphRequests: counts,
          subgraphRequestsPerClientRequest: subgraphRequests / Math.max(1, deep.requests),
          rssMb: { peak: memory.peak, maxSampledDuringRun: sampledRss, afterRun: memory.rss },
          cpuCoresDuringRun: cpu,
          trivial,
        };
        if (deep.errors > 0) log(`${name}: ${deep.errors} errors, first: ${deep.firstError}`);
      } finally {
        await stopProcess(child);
      }
    }
    log(`direct subgraph: trivial query, 1 connection, ${overheadDuration} s`);
    const direct = await runLoad({
      origin: subgraphOrigin,
      path: '/accounts',
      body: { query: TRIVIAL_QUERY },
      connections: 1,
      seconds: overheadDuration,
      check: responseError,
    });

    // 3. Report.
    console.log(
      `\nDeep query (${fmt(answers[reference].text.length / 1024)} KB), ${connections} connections, ` +
        `${warmup} s warm-up, ${duration} s measured${pin ? ', gateway pinned to core 1' : ', not pinned'}\n`,
    );
    printTable(
      [
        'Gateway',
        'RPS',
        'p50 ms',
        'p99 ms',
        'Errors',
        'Subgraph req/req',
        'Peak RSS MB',
        'Max RSS in run MB',
        'CPU gw/subgraphs',
        'Req per gw CPU-s',
      ],
      gateways.map((name) => {
        const r = results[name];
        return [
          LABELS[name],
          fmt(r.deep.rps),
          fmt(r.deep.latencyMs.p50),
          fmt(r.deep.latencyMs.p99),
          r.deep.errors,
          fmt(r.subgraphRequestsPerClientRequest, 2),
          fmt(r.rssMb.peak, 0),
          fmt(r.rssMb.maxSampledDuringRun, 0),
          `${fmt(r.cpuCoresDuringRun.gateway * 100, 0)}% / ${fmt(r.cpuCoresDuringRun.subgraphs * 100, 0)}%`,
          fmt(r.deep.rps / r.cpuCoresDuringRun.gateway, 0),
        ];
      }),
    );
    console.log(`\nTrivial query \`${TRIVIAL_QUERY}\`, 1 connection, ${overheadDuration} s each\n`);
    const overheadRows = [
      ['direct', direct],
      ...gateways.map((name) => [name, results[name].trivial]),
    ];
    printTable(
      ['Target', 'RPS', 'p50 ms', 'p99 ms', 'Overhead p50 ms'],
      overheadRows.map(([name, r]) => [
        LABELS[name],
        fmt(r.rps),
        fmt(r.latencyMs.p50, 3),
        fmt(r.latencyMs.p99, 3),
        name === 'direct' ? '' : fmt(r.latencyMs.p50 - direct.latencyMs.p50, 3),
      ]),
    );
    // Every other gateway against Orrery; above 1 means Orrery is better.
    const ratios = {};
    const o = results.orrery;
    for (const name of o ? gateways.filter((g) => g !== 'orrery') : []) {
      const a = results[name];
      const overhead = (r) => r.trivial.latencyMs.p50 - direct.latencyMs.p50;
      const perCpu = (r) => r.deep.rps / r.cpuCoresDuringRun.gateway;
      const entry = {
        rps: o.deep.rps / a.deep.rps,
        p50: a.deep.latencyMs.p50 / o.deep.latencyMs.p50,
        p99: a.deep.latencyMs.p99 / o.deep.latencyMs.p99,
        peakRss: a.rssMb.peak / o.rssMb.peak,
        requestsPerGatewayCpuSecond: perCpu(o) / perCpu(a),
        trivialOverheadP50: overhead(a) / overhead(o),
      };
      ratios[`${name}VsOrrery`] = entry;
      console.log(
        `\nOrrery vs ${LABELS[name]} (above 1 means Orrery is better): RPS ${fmt(entry.rps, 2)}x, ` +
          `p50 ${fmt(entry.p50, 2)}x, p99 ${fmt(entry.p99, 2)}x, peak RSS ${fmt(entry.peakRss, 2)}x, ` +
          `requests per gateway CPU-second ${fmt(entry.requestsPerGatewayCpuSecond, 2)}x, ` +
          `trivial-query overhead ${fmt(entry.trivialOverheadP50, 2)}x`,
      );
    }

    const outFile =
      values.json ??
      here(`../results/gateway-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    mkdirSync(join(outFile, '..'), { recursive: true });
    writeFileSync(
      outFile,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          settings: { gateways, warmup, duration, connections, overheadDuration, pinned: pin },
          deepQueryBytes: answers[reference].text.length,
          results,
          direct,
          ratios,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwrote ${outFile}`);
  } finally {
    await stopProcess(subgraphs);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
