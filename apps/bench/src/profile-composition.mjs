#!/usr/bin/env node
/**
 * Where Orrery's composition spends its time: composes the generated large graph (or the demo
 * graph) with the **built** `@orrery/composition` dist under the V8 CPU profiler and prints a
 * per-phase breakdown, the subgraph/supergraph rules one by one, and the hottest functions
 * (self time, mapped back to `src/` through the dist's source map).
 *
 *   node scripts/pnpm.mjs turbo run build --filter @orrery/composition   # first: the dist
 *   node apps/bench/src/profile-composition.mjs [--graph large|demo] [--seed 42] [--warmup 1]
 *     [--interval-us 200] [--top 30] [--out /tmp/orrery-composition.cpuprofile] [--dist FILE]
 *
 * The profile is the one `node --cpu-prof` writes, but scoped to the timed `composeSubgraphs`
 * call (started and stopped through `node:inspector`, so the graph generation and warm-up runs
 * stay out of it). `--out` saves it for Chrome DevTools / speedscope. `--dist` profiles another
 * bundle of `@orrery/composition` (an ESM file exporting `composeSubgraphs`, e.g. an esbuild
 * bundle of an older commit's sources) to compare before/after figures.
 *
 * On a shared machine wall time swings with the load; the CPU time (user + system of this
 * process during the call) is steadier and is printed too.
 *
 * Phases are found by function names on each sample's stack (the dist keeps them): a sample
 * belongs to the innermost phase function on its stack, e.g. `resolveLinks` -> "links". Garbage
 * collection is its own line, so a phase's share is the time in its own code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLargeGraph } from './generate-large-graph.mjs';
import { loadSourceMap } from './source-map.mjs';

const { values } = parseArgs({
  options: {
    graph: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '42' },
    warmup: { type: 'string', default: '1' },
    'interval-us': { type: 'string', default: '200' },
    top: { type: 'string', default: '30' },
    out: { type: 'string' },
    dist: { type: 'string' },
  },
});

/** Function name (bundler suffixes like `validate2` stripped) -> phase, checked innermost first. */
const PHASE_OF_FUNCTION = new Map([
  ['prepareSubgraph', 'subgraph: parse'],
  ['resolveLinks', 'subgraph: links'],
  ['buildSubgraphState', 'subgraph: state'],
  ['annotateFieldSets', 'subgraph: rules'],
  ['upgradeFed1Subgraph', 'subgraph: fed1 upgrade'],
  ['addFed1Shareable', 'fed1 shareable'],
  ['graphEnumValue', 'supergraph state'],
  ['createSupergraphState', 'supergraph state'],
  ['createSupergraphContext', 'supergraph state'],
  ['collectComposedDirectives', 'merge'],
  ['buildSupergraphDefinitions', 'merge'],
  ['toSupergraphDocument', 'print: preamble'],
  ['checkApiSchema', 'api schema (inaccessible rules)'],
  ['validateSatisfiability', 'satisfiability'],
  ['printSupergraphSdl', 'print'],
]);
/** Where rule functions (`XxxRule`) count, by the phase of the nearest enclosing phase frame. */
const RULE_PHASE = {
  'subgraph: parse': 'subgraph: rules',
  'subgraph: state': 'subgraph: rules',
  mergeSubgraphs: 'supergraph rules (pre/post merge)',
};
const PHASE_ORDER = [
  'subgraph: parse',
  'subgraph: links',
  'subgraph: state',
  'subgraph: fed1 upgrade',
  'subgraph: rules',
  'fed1 shareable',
  'supergraph state',
  'merge',
  'supergraph rules (pre/post merge)',
  'print: preamble',
  'api schema (inaccessible rules)',
  'satisfiability',
  'print',
  'other (in composeSubgraphs)',
  'garbage collection',
  'outside composeSubgraphs',
];

const baseName = (name) => name.replace(/\d+$/, '');

function loadSubgraphs(graph, seed) {
  if (graph === 'demo') {
    const dir = new URL('../fixtures/demo/', import.meta.url);
    return ['accounts', 'inventory', 'products', 'reviews'].map((name, i) => ({
      name,
      url: `http://localhost:${4001 + i}/graphql`,
      sdl: readFileSync(new URL(`${name}.graphql`, dir), 'utf8'),
    }));
  }
  return generateLargeGraph({ seed }).subgraphs;
}

function analyse(profile, distFile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const mapDist = loadSourceMap(distFile);
  const distUrl = pathToFileURL(distFile).href;

  // Phase of each node, computed root-down once (memoised by id).
  const phaseOf = new Map();
  const ruleOf = new Map();
  const phase = (id) => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    const node = nodes.get(id);
    const name = baseName(node.callFrame.functionName);
    const up = parent.has(id) ? phase(parent.get(id)) : 'outside composeSubgraphs';
    let p = up;
    if (name === '(garbage collector)') p = 'garbage collection';
    else if (name === 'composeSubgraphs') p = 'other (in composeSubgraphs)';
    else if (name === 'mergeSubgraphs') p = 'mergeSubgraphs';
    else if (PHASE_OF_FUNCTION.has(name) && up !== 'outside composeSubgraphs') {
      p = PHASE_OF_FUNCTION.get(name);
    } else if (/Rule$/.test(name) && RULE_PHASE[up]) p = RULE_PHASE[up];
    // Rules one by one: the outermost XxxRule frame.
    const upRule = parent.has(id) ? ruleOf.get(parent.get(id)) : undefined;
    ruleOf.set(id, upRule ?? (/Rule$/.test(name) ? name : undefined));
    phaseOf.set(id, p);
    return p;
  };

  const byPhase = new Map();
  const byRule = new Map();
  const bySelf = new Map();
  const { samples, timeDeltas } = profile;
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    const id = samples[i];
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)') continue;
    let p = phase(id);
    if (p === 'mergeSubgraphs') p = 'other (in composeSubgraphs)';
    total += dt;
    byPhase.set(p, (byPhase.get(p) ?? 0) + dt);
    const rule = ruleOf.get(id);
    if (rule) byRule.set(rule, (byRule.get(rule) ?? 0) + dt);
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '');
    if (url === distUrl) where = mapDist(lineNumber, columnNumber) ?? `dist:${lineNumber + 1}`;
    else if (where) where = `${relative(process.cwd(), where) || where}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}  ${where}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + dt);
  }
  return { total, byPhase, byRule, bySelf };
}

const pct = (v, total) => `${((100 * v) / total).toFixed(1)}%`.padStart(7);
const msText = (v) => `${v.toFixed(0)} ms`.padStart(10);

async function main() {
  const distFile = distArgument
    ? distArgument
    : fileURLToPath(import.meta.resolve('@orrery/composition'));
  const { composeSubgraphs } = await import(pathToFileURL(distFile).href);
  const subgraphs = loadSubgraphs(values.graph, Number(values.seed));
  for (let i = 0; i < Number(values.warmup); i++) composeSubgraphs(subgraphs);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
  await session.post('Profiler.start');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = composeSubgraphs(subgraphs);
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - start;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  if (!result.ok) {
    const [first] = result.errors;
    console.error(`composition failed: ${first?.code} ${first?.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
  if (values.out) writeFileSync(values.out, JSON.stringify(profile));

  const { total, byPhase, byRule, bySelf } = analyse(profile, distFile);
  console.log(
    `${values.graph} graph, ${subgraphs.length} subgraphs: composeSubgraphs ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${total.toFixed(0)} ms sampled (node ${process.version}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)\n`,
  );
  console.log('Phases (self + callees, GC apart):');
  for (const p of PHASE_ORDER) {
    const v = byPhase.get(p);
    if (v) console.log(`  ${p.padEnd(36)}${msText(v)}${pct(v, total)}`);
  }
  console.log('\nRules (self + callees):');
  for (const [rule, v] of [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${rule.padEnd(44)}${msText(v)}${pct(v, total)}`);
  }
  console.log(`\nHottest functions (self time, top ${values.top}):`);
  for (const [key, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`  ${msText(v)}${pct(v, total)}  ${key}`);
  }
  if (values.out) console.log(`\nprofile written to ${values.out}`);
}

// Paths print relative to the repository root whatever the working directory.
const distArgument = values.dist && resolve(values.dist);
process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'));
await main();
