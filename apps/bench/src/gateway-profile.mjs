#!/usr/bin/env node
/**
 * Where Orrery's gateway spends its CPU on the gateway benchmark's deep query: the gateway runs
 * in this process (built dist, or `ORRERY_GATEWAY_MODULE`), the four subgraphs and the load
 * generator in child processes. After a warm-up, one window measures CPU per request without
 * the profiler (`process.cpuUsage()` over the requests answered), a second runs under the V8
 * CPU profiler (what `node --cpu-prof` records) and prints the hottest functions by self time,
 * mapped back to `src/` through the dist's source map, and a breakdown by area.
 *
 *   node scripts/pnpm.mjs turbo run build --filter @orrery/gateway   # first: the dist
 *   node apps/bench/src/gateway-profile.mjs [--warmup 5] [--duration 10] [--connections 50]
 *     [--port 4400] [--top 30] [--interval-us 200] [--out /tmp/orrery-gateway.cpuprofile]
 *
 * Pinning as in gateway.mjs: this process (the gateway) on core 1, subgraphs and load on core 0.
 *
 * `--replay`: no sockets at all. The subgraphs' answers to the deep query are recorded once, then
 * `gateway.handle` (body parsing, plan cache, plan execution, response parsing, shaping and
 * serialisation: everything but HTTP and undici) runs `--iterations` times, `--connections` at a
 * time, on a dispatcher that answers from the recording. What is left of the CPU per request is
 * the gateway's own code; the difference with the socket run is node:http and undici.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, subgraphSdl } from './gateway-subgraphs.mjs';
import { loadSourceMap } from './source-map.mjs';

const { values } = parseArgs({
  options: {
    warmup: { type: 'string', default: '5' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '4400' },
    top: { type: 'string', default: '30' },
    'interval-us': { type: 'string', default: '200' },
    out: { type: 'string' },
    replay: { type: 'boolean', default: false },
    iterations: { type: 'string', default: '2000' },
    'no-pin': { type: 'boolean', default: false },
  },
});
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DEEP_QUERY = readFileSync(here('../fixtures/planning/deep-query.graphql'), 'utf8');
const pin = !values['no-pin'] && availableParallelism() >= 2;
const subgraphPort = Number(values.port);
const gatewayPort = subgraphPort + 1;

/** Areas of the hot-function list, by source file (first match wins). */
const AREAS = [
  [/gateway\/src\/execution\/shape/, 'response shaping'],
  [/gateway\/src\/execution\//, 'plan execution'],
  [/gateway\/src\/fetch\//, 'subgraph fetch'],
  [/gateway\/src\/http\//, 'HTTP server'],
  [/gateway\/src\//, 'gateway other'],
  [/undici/, 'undici'],
  [/^node:/, 'node internals'],
];

function startChild(args, core, marker) {
  const command = pin ? 'taskset' : process.execPath;
  const argv = pin ? ['-c', String(core), process.execPath, ...args] : args;
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const done = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}`))));
  });
  if (!marker) return { child, done };
  done.catch(() => {}); // a server child ends with SIGTERM, on purpose
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      if (output.includes(marker)) resolve({ child, done });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited (${code}) before "${marker}"`)));
  });
}

/** Runs the load generator in a child process on core 0; resolves with its result. */
async function load(seconds) {
  const script = `
    import { runLoad } from ${JSON.stringify(pathToFileURL(here('./load-generator.mjs')).href)};
    const result = await runLoad({ origin: 'http://127.0.0.1:${gatewayPort}', path: '/graphql',
      body: { query: ${JSON.stringify(DEEP_QUERY)} }, connections: ${Number(values.connections)},
      seconds: ${seconds} });
    console.log(JSON.stringify(result));`;
  const { done } = startChild(['--input-type=module', '-e', script], 0);
  const result = JSON.parse(await done);
  if (result.errors > 0) throw new Error(`${result.errors} errors, first: ${result.firstError}`);
  return result;
}

function analyse(profile, distFile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const distUrl = pathToFileURL(distFile).href;
  const map = loadSourceMap(distFile);
  const bySelf = new Map();
  const byArea = new Map();
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = nodes.get(samples[i]).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += dt;
    let where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '');
    if (url === distUrl) where = map(lineNumber, columnNumber) ?? `${where}:${lineNumber + 1}`;
    else if (where.startsWith('/')) where = `${relative(process.cwd(), where)}:${lineNumber + 1}`;
    const name = functionName || '(anonymous)';
    const key = `${name}  ${where}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + dt);
    let area = name === '(garbage collector)' ? 'garbage collection' : undefined;
    area ??= AREAS.find(([pattern]) => pattern.test(where))?.[1];
    area ??= url === '' ? `V8 built-ins (${name.includes('JSON') ? 'JSON' : 'other'})` : 'other';
    if (name === 'parse' && url === '') area = 'V8 built-ins (JSON)';
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  }
  return { total, bySelf, byArea };
}

/** Answers each request body from `answers` (recorded by {@link recordingDispatcher}). */
function replayDispatcher(answers) {
  return {
    async request({ body }) {
      const text = answers.get(body);
      if (text === undefined) throw new Error(`no recorded answer for ${body.slice(0, 120)}`);
      return { statusCode: 200, body: { text: async () => text } };
    },
    async close() {},
  };
}

/** Sends through `pool` (an undici Agent) and records each answer by request body. */
function recordingDispatcher(agent, answers) {
  return {
    async request(options) {
      const response = await agent.request(options);
      const text = await response.body.text();
      answers.set(options.body, text);
      return { statusCode: response.statusCode, body: { text: async () => text } };
    },
    async close() {},
  };
}

/** `gateway.handle` in a loop, `concurrency` requests at a time; CPU per request. */
async function replayLoop(gateway, iterations, concurrency) {
  const request = {
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: DEEP_QUERY }),
  };
  let left = iterations;
  const before = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const response = await gateway.handle(request);
        if (response.status !== 200) throw new Error(`status ${response.status}`);
      }
    }),
  );
  const used = process.cpuUsage(before);
  return {
    requests: iterations,
    rps: iterations / ((performance.now() - started) / 1000),
    cpuMsPerRequest: (used.user + used.system) / 1000 / iterations,
  };
}

async function mainReplay(supergraph, modulePath) {
  const { createGateway } = await import(pathToFileURL(modulePath).href);
  const { Agent } = await import(
    pathToFileURL(createRequire(here('../../../packages/gateway/package.json')).resolve('undici'))
      .href
  );
  const answers = new Map();
  const agent = new Agent();
  const recorder = createGateway({ supergraph, dispatcher: recordingDispatcher(agent, answers) });
  await recorder.ready;
  const first = await recorder.handle({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: DEEP_QUERY }),
  });
  await recorder.close();
  await agent.close();
  console.log(
    `Recorded ${answers.size} subgraph answers (${[...answers.values()].reduce((n, t) => n + t.length, 0)} bytes); response ${first.body.length} bytes`,
  );
  const gateway = createGateway({ supergraph, dispatcher: replayDispatcher(answers) });
  await gateway.ready;
  const iterations = Number(values.iterations);
  const concurrency = Number(values.connections);
  await replayLoop(gateway, Math.ceil(iterations / 4), concurrency);
  const plain = await replayLoop(gateway, iterations, concurrency);
  console.log(
    `\nReplay, no profiler: ${plain.requests} requests, ${concurrency} at a time: ` +
      `CPU ${plain.cpuMsPerRequest.toFixed(3)} ms per request (${plain.rps.toFixed(0)} per s)`,
  );
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
  await session.post('Profiler.start');
  const profiled = await replayLoop(gateway, iterations, concurrency);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  await gateway.close();
  return { profile, requests: profiled.requests };
}

async function main() {
  if (pin) spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const subgraphs = await startChild(
    [here('./gateway-subgraphs.mjs'), '--port', String(subgraphPort)],
    0,
    'listening',
  );
  const supergraph = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://127.0.0.1:${subgraphPort}/${name}`,
      typeDefs: parse(subgraphSdl(name)),
    })),
  ).supergraphSdl;
  const modulePath =
    process.env.ORRERY_GATEWAY_MODULE ?? here('../../../packages/gateway/dist/index.js');
  if (values.replay) {
    try {
      const { profile, requests } = await mainReplay(supergraph, modulePath);
      report(profile, requests, undefined, modulePath);
    } finally {
      subgraphs.child.kill('SIGTERM');
    }
    return;
  }
  const { createGateway, createServer } = await import(pathToFileURL(modulePath).href);
  const gateway = createGateway({ supergraph });
  await gateway.ready;
  const server = createServer(gateway);
  await new Promise((resolve) => server.listen(gatewayPort, '127.0.0.1', resolve));
  try {
    console.error(`[gateway profile] warm-up ${values.warmup} s`);
    await load(Number(values.warmup));

    console.error(`[gateway profile] measuring ${values.duration} s (no profiler)`);
    let before = process.cpuUsage();
    const plain = await load(Number(values.duration));
    let used = process.cpuUsage(before);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `\nNo profiler: ${plain.requests} requests, ${plain.rps.toFixed(1)} RPS, ` +
        `p50 ${plain.latencyMs.p50.toFixed(1)} ms, p99 ${plain.latencyMs.p99.toFixed(1)} ms, ` +
        `CPU ${(cpuMs / plain.requests).toFixed(2)} ms per request ` +
        `(user ${(used.user / 1000 / plain.requests).toFixed(2)}, system ${(used.system / 1000 / plain.requests).toFixed(2)})`,
    );

    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
    await session.post('Profiler.start');
    console.error(`[gateway profile] profiling ${values.duration} s`);
    before = process.cpuUsage();
    const profiled = await load(Number(values.duration));
    used = process.cpuUsage(before);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();

    console.log(`\nProfiled: ${profiled.requests} requests, ${profiled.rps.toFixed(1)} RPS`);
    report(profile, profiled.requests, (used.user + used.system) / 1000, modulePath);
  } finally {
    server.close();
    await gateway.close();
    subgraphs.child.kill('SIGTERM');
  }
}

function report(profile, requests, processCpuMs, modulePath) {
  if (values.out) writeFileSync(values.out, JSON.stringify(profile));
  const { total, bySelf, byArea } = analyse(profile, modulePath);
  const perRequest = (ms) => `${(ms / requests).toFixed(3)} ms/req`;
  const pct = (ms) => `${((100 * ms) / total).toFixed(1)}%`.padStart(6);
  console.log(
    `Sampled CPU with the profiler on: ${perRequest(total)}` +
      (processCpuMs === undefined ? '' : ` (process: ${perRequest(processCpuMs)})`),
  );
  console.log('\nBy area (self time):');
  for (const [area, ms] of [...byArea].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${pct(ms)}  ${perRequest(ms).padStart(14)}  ${area}`);
  }
  console.log(`\nHottest functions (self time), top ${values.top}:`);
  for (const [key, ms] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`  ${pct(ms)}  ${perRequest(ms).padStart(14)}  ${key}`);
  }
  if (values.out) console.log(`\nwrote ${values.out}`);
}

await main();
