#!/usr/bin/env node
/**
 * Where Orrery's query planner spends its time: builds new planners for one planning-bench case
 * (demo, deep, large) with the **built** `@orrery/query-planner` dist, plans every operation
 * once on each (cold), under the V8 CPU profiler, and prints the timings (build, each operation
 * cold, then the same operations again on the same planner: warm), a per-phase breakdown and the
 * hottest functions (self time, mapped back to `src/` through the dist's source maps).
 *
 *   node scripts/pnpm.mjs turbo run build --filter @orrery/query-planner   # first: the dist
 *   node apps/bench/src/profile-planning.mjs [--case demo|deep|large] [--runs 3] [--warmup 1]
 *     [--seed 42] [--interval-us 200] [--top 30] [--out /tmp/orrery-planning.cpuprofile]
 *
 * The profile is the one `node --cpu-prof` writes, scoped to the timed runs (started and stopped
 * through `node:inspector`, so case preparation and warm-up stay out). `--out` saves it for
 * Chrome DevTools / speedscope. The prepared case (supergraph SDL and operations; the large one
 * costs seconds of Apollo work to generate) is cached in the OS temp folder.
 *
 * Phases are found by function names on each sample's stack (the dist keeps them): a sample
 * belongs to the innermost phase function on its stack. Garbage collection is its own line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareCase } from './planning.mjs';
import { loadSourceMap } from './source-map.mjs';

const { values } = parseArgs({
  options: {
    case: { type: 'string', default: 'large' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    'interval-us': { type: 'string', default: '200' },
    top: { type: 'string', default: '30' },
    out: { type: 'string' },
  },
});

/** Function name (bundler suffixes like `parse2` stripped) -> phase, checked innermost first. */
/** `buildPlanner` and `planOnce` are this script's timed wrappers: nothing counts outside them. */
const PHASE_OF_FUNCTION = new Map([
  ['buildPlanner', 'build: other'],
  ['parseSdl', 'build: parse supergraph'],
  ['readSupergraph', 'build: read supergraph'],
  ['buildQueryGraph', 'build: query graph'],
  ['buildApiSchema', 'build: api schema'],
  ['validateSchema', 'build: api schema validation'],
  ['planOnce', 'plan: other'],
  ['parse', 'plan: parse'],
  ['validate', 'plan: validate'],
  ['validateOperation', 'plan: validate'],
  ['normalizeOperation', 'plan: normalise'],
  ['planRootFields', 'plan: walk'],
  ['assemblePlan', 'plan: assemble'],
]);
const PHASE_ORDER = [
  'build: parse supergraph',
  'build: read supergraph',
  'build: query graph',
  'build: api schema',
  'build: api schema validation',
  'build: other',
  'plan: parse',
  'plan: validate',
  'plan: normalise',
  'plan: walk',
  'plan: assemble',
  'plan: other',
  'garbage collection',
  'outside',
];

const baseName = (name) => name.replace(/\d+$/, '');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function loadCase(name, seed) {
  const cached = join(tmpdir(), `orrery-profile-planning-${name}-${seed}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8'));
  const prepared = await prepareCase(name, seed, (text) => process.stderr.write(text));
  writeFileSync(cached, JSON.stringify(prepared));
  return prepared;
}

function analyse(profile, distFiles) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const maps = new Map(distFiles.map((f) => [pathToFileURL(f).href, loadSourceMap(f)]));

  const phaseOf = new Map();
  const phase = (id) => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    const name = baseName(nodes.get(id).callFrame.functionName);
    const up = parent.has(id) ? phase(parent.get(id)) : 'outside';
    let p = up;
    if (name === '(garbage collector)') p = 'garbage collection';
    else if (name === 'buildPlanner' || name === 'planOnce') p = PHASE_OF_FUNCTION.get(name);
    else if (PHASE_OF_FUNCTION.has(name) && up !== 'outside') {
      p = PHASE_OF_FUNCTION.get(name);
      // graphql's parse/validate called while building (the API schema, FieldSets) stay build.
      if (up.startsWith('build') && p.startsWith('plan')) p = up;
    }
    phaseOf.set(id, p);
    return p;
  };

  const byPhase = new Map();
  const bySelf = new Map();
  const { samples, timeDeltas } = profile;
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    const node = nodes.get(samples[i]);
    if (node.callFrame.functionName === '(idle)') continue;
    const p = phase(samples[i]);
    total += dt;
    byPhase.set(p, (byPhase.get(p) ?? 0) + dt);
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '');
    const map = maps.get(url);
    if (map) where = map(lineNumber, columnNumber) ?? `${where}:${lineNumber + 1}`;
    else if (where) where = `${relative(process.cwd(), where) || where}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}  ${where}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + dt);
  }
  return { total, byPhase, bySelf };
}

const pct = (v, total) => `${((100 * v) / total).toFixed(1)}%`.padStart(7);
const msText = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`.padStart(11);

async function main() {
  const distFile = fileURLToPath(import.meta.resolve('@orrery/query-planner'));
  const coreDist = fileURLToPath(import.meta.resolve('@orrery/core'));
  const { createQueryPlanner } = await import('@orrery/query-planner');
  const { parse } = await import('graphql');
  const { supergraphSdl, operations, label } = await loadCase(values.case, Number(values.seed));

  const planOnce = (planner, operation) => {
    const start = performance.now();
    const result = planner.plan(parse(operation.text), { operationName: operation.operationName });
    if (!result.ok) throw new Error(`${operation.name}: ${result.errors[0]?.message}`);
    return performance.now() - start;
  };
  /** A new planner (what the bench's build column times), each operation cold, then warm. */
  const buildPlanner = () => {
    const planner = createQueryPlanner(supergraphSdl);
    void planner.apiSchema;
    return planner;
  };
  const run = () => {
    const start = performance.now();
    const planner = buildPlanner();
    const build = performance.now() - start;
    const cold = operations.map((o) => planOnce(planner, o));
    const warm = operations.map((o) => planOnce(planner, o));
    return { build, cold, warm };
  };
  for (let i = 0; i < Number(values.warmup); i++) run();

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
  await session.post('Profiler.start');
  const runs = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push(run());
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  if (values.out) writeFileSync(values.out, JSON.stringify(profile));

  console.log(`${label}: ${runs.length} runs (node ${process.version})\n`);
  console.log(`  build (median)${msText(median(runs.map((r) => r.build)))}`);
  const coldSum = median(runs.map((r) => r.cold.reduce((a, b) => a + b, 0)));
  const warmSum = median(runs.map((r) => r.warm.reduce((a, b) => a + b, 0)));
  console.log(
    `  cold plans, sum (median)${msText(coldSum)}   warm, same planner${msText(warmSum)}`,
  );
  operations.forEach((o, i) => {
    const cold = median(runs.map((r) => r.cold[i]));
    const warm = median(runs.map((r) => r.warm[i]));
    console.log(`    ${o.name.padEnd(22)} cold${msText(cold)}  warm${msText(warm)}`);
  });

  const { total, byPhase, bySelf } = analyse(profile, [distFile, coreDist]);
  console.log(`\nPhases (self + callees, GC apart; ${total.toFixed(0)} ms sampled):`);
  for (const p of PHASE_ORDER) {
    const v = byPhase.get(p);
    if (v) console.log(`  ${p.padEnd(28)}${msText(v)}${pct(v, total)}`);
  }
  console.log(`\nHottest functions (self time, top ${values.top}):`);
  for (const [key, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`  ${msText(v)}${pct(v, total)}  ${key}`);
  }
  if (values.out) console.log(`\nprofile written to ${values.out}`);
}

// Paths print relative to the repository root whatever the working directory.
process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'));
await main();
