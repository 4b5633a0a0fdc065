#!/usr/bin/env node
/**
 * The planning benchmark: `@apollo/query-planner` 2.14.4 and Orrery's planner
 * (`@orrery/query-planner`, built dist) plan the same operations against the same supergraphs,
 * side by side. Every (case, planner) pair runs in its own child process.
 *
 *   node apps/bench/src/planning.mjs [--cases demo,deep,large] [--planners apollo,orrery]
 *     [--runs N] [--warmup N] [--large-runs N] [--large-warmup N] [--seed N] [--json FILE]
 *
 * Measured per run, on a NEW planner each time (so nothing is cached between runs):
 * - build: what a gateway pays when a new supergraph arrives (Apollo: Supergraph.build, the API
 *   schema and `new QueryPlanner`; Orrery: `createQueryPlanner` and its (lazy) API schema);
 * - cold plan: each operation planned once on that planner, parsing and validation included;
 *   reported as the sum over operations of each one's median (min/max: of whole runs);
 * - total: build + cold plan, what a new supergraph costs until its first plans are ready. Work a
 *   planner defers to its first plan (Orrery does some) lands in cold plan, so compare totals.
 * See ../README.md for how to read the output. Never part of CI's pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PLANNERS = ['apollo', 'orrery'];
const CASES = ['demo', 'deep', 'large'];
/** The generated large graph: 200 subgraphs, lighter per subgraph than the composition bench's. */
const LARGE_GRAPH = {
  subgraphs: 200,
  entities: 5,
  valueTypes: 6,
  enums: 2,
  inputs: 2,
  extended: 4,
  stubs: 2,
};
const LARGE_OPERATIONS = { count: 6, depth: 4, breadth: 2 };

const fixture = (path) => new URL(`../fixtures/${path}`, import.meta.url);

async function composeWithApollo(subgraphs) {
  const { composeServices } = await import('@apollo/composition');
  const { parse } = await import('graphql');
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new Error(`composition failed: ${result.errors[0].message}`);
  return result.supergraphSdl;
}

function demoSubgraphs() {
  const dir = fixture('demo/');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f, i) => ({
      name: f.replace(/\.graphql$/, ''),
      url: `http://localhost:${4001 + i}/graphql`,
      sdl: readFileSync(new URL(f, dir), 'utf8'),
    }));
}

/**
 * Each operation of a document as its own entry: its own document (the operation and the
 * fragments it spreads, as a client sends it), planned by name. Handing both planners the whole
 * file instead made each plan parse all of its operations, and Orrery validate all of them
 * (graphql-js's rules validate a whole document) where Apollo's `operationFromDocument` reads
 * only the picked one: work on one side only.
 */
async function namedOperations(text) {
  const { parse, print, separateOperations } = await import('graphql');
  return Object.entries(separateOperations(parse(text))).map(([name, document]) => ({
    name,
    text: print(document),
    operationName: name,
  }));
}

/** Builds one case: its supergraph SDL (composed by Apollo) and its operations. */
export async function prepareCase(name, seed, log) {
  if (name === 'demo' || name === 'deep') {
    const supergraphSdl = await composeWithApollo(demoSubgraphs());
    if (name === 'demo') {
      const operations = await namedOperations(
        readFileSync(fixture('planning/demo-operations.graphql'), 'utf8'),
      );
      return {
        label: `demo (4 subgraphs, ${operations.length} operations)`,
        supergraphSdl,
        operations,
      };
    }
    const text = readFileSync(fixture('planning/deep-query.graphql'), 'utf8');
    return {
      label: 'deep (the gateway benchmark query, 4 subgraphs)',
      supergraphSdl,
      operations: [{ name: 'TestQuery', text, operationName: 'TestQuery' }],
    };
  }
  const { generateLargeGraph } = await import('./generate-large-graph.mjs');
  const { subgraphs, stats } = generateLargeGraph({ seed, ...LARGE_GRAPH });
  // Apollo composes this graph in about 30 s; the supergraph is cached by content hash.
  const key = createHash('sha256').update(JSON.stringify(subgraphs)).digest('hex').slice(0, 16);
  const cached = join(tmpdir(), `orrery-bench-large-${key}.graphql`);
  let supergraphSdl;
  if (existsSync(cached)) {
    supergraphSdl = readFileSync(cached, 'utf8');
  } else {
    log(`  composing the large graph with @apollo/composition (once, cached in ${cached})...\n`);
    supergraphSdl = await composeWithApollo(subgraphs);
    writeFileSync(cached, supergraphSdl);
  }
  const { Supergraph } = await import('@apollo/federation-internals');
  const { generateOperations } = await import('./generate-operations.mjs');
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const operations = generateOperations(api, { seed, ...LARGE_OPERATIONS }).map((text, i) => ({
    name: `Op${i}`,
    text,
    operationName: `Op${i}`,
  }));
  return {
    label: `large (${stats.subgraphs} subgraphs, ${stats.types} types, ${operations.length} generated operations, seed ${seed})`,
    supergraphSdl,
    operations,
  };
}

/** One planner as `{ build(sdl), plan(planner, operation) }`; both throw on failure. */
async function loadPlanner(name) {
  const { parse } = await import('graphql');
  if (name === 'apollo') {
    const { Supergraph, operationFromDocument } = await import('@apollo/federation-internals');
    const { QueryPlanner } = await import('@apollo/query-planner');
    return {
      build(sdl) {
        const supergraph = Supergraph.build(sdl, { supportedFeatures: null });
        return { planner: new QueryPlanner(supergraph), api: supergraph.apiSchema() };
      },
      plan({ planner, api }, operation) {
        const op = operationFromDocument(api, parse(operation.text), {
          operationName: operation.operationName,
        });
        return planner.buildQueryPlan(op);
      },
    };
  }
  // ORRERY_PLANNER_MODULE=/path/to/other/dist/index.js compares another build (before/after).
  const orrery = await import(process.env.ORRERY_PLANNER_MODULE ?? '@orrery/query-planner');
  if (typeof orrery.createQueryPlanner !== 'function') {
    throw new Error('createQueryPlanner is not exported by the built @orrery/query-planner');
  }
  return {
    build(sdl) {
      const planner = orrery.createQueryPlanner(sdl);
      // Orrery derives the API schema lazily; build it here, as Apollo's build column does.
      void planner.apiSchema;
      return planner;
    },
    plan(planner, operation) {
      const result = planner.plan(parse(operation.text), {
        operationName: operation.operationName,
      });
      if (!result.ok) {
        const [first] = result.errors;
        throw new Error(`${operation.name}: ${first.code} ${first.message.split('\n')[0]}`);
      }
      return result.plan;
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Child mode: time one planner on one case and print one JSON line. */
async function child(plannerName, caseFile, warmup, runs) {
  const report = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
  const { supergraphSdl, operations } = JSON.parse(readFileSync(caseFile, 'utf8'));
  try {
    const adapter = await loadPlanner(plannerName);
    const build = [];
    const buildCpu = [];
    const plans = operations.map(() => []);
    const totals = [];
    for (let i = 0; i < warmup + runs; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const planner = adapter.build(supergraphSdl);
      const built = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      let total = 0;
      operations.forEach((operation, index) => {
        const before = performance.now();
        adapter.plan(planner, operation);
        const took = performance.now() - before;
        total += took;
        if (i >= warmup) plans[index].push(took);
      });
      if (i >= warmup) {
        build.push(built - start);
        buildCpu.push((cpu.user + cpu.system) / 1000);
        totals.push(total);
      }
    }
    const perOperationMs = operations.map((_, i) => median(plans[i]));
    report({
      ok: true,
      buildMs: median(build),
      // CPU time of the whole process (every thread, GC helpers included) while building: on a
      // machine shared with other work, wall time also counts waiting for a core.
      buildCpuMs: median(buildCpu),
      // The sum of per-operation medians: on a shared machine one preempted operation per run
      // would otherwise move the whole run's total.
      planMs: perOperationMs.reduce((sum, v) => sum + v, 0),
      planMinMs: Math.min(...totals),
      planMaxMs: Math.max(...totals),
      perOperationMs: Object.fromEntries(operations.map((o, i) => [o.name, perOperationMs[i]])),
      runs,
      maxRssKb: process.resourceUsage().maxRSS,
    });
  } catch (error) {
    report({
      ok: false,
      error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
  }
}

function runChild(planner, caseFile, warmup, runs) {
  const script = fileURLToPath(import.meta.url);
  const args = [script, '--child', planner, caseFile, String(warmup), String(runs)];
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const line = result.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line ?? '');
  } catch {
    return { ok: false, error: `the child process exited with ${result.status ?? result.signal}` };
  }
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));
const ratio = (a, b) => (a.ok && b.ok ? null : 'n/a');

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: CASES.join(',') },
      planners: { type: 'string', default: PLANNERS.join(',') },
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      'large-runs': { type: 'string', default: '3' },
      'large-warmup': { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      json: { type: 'string' },
    },
  });
  const cases = values.cases.split(',').filter((c) => CASES.includes(c));
  const planners = values.planners.split(',').filter((p) => PLANNERS.includes(p));
  const seed = Number(values.seed);
  const log = (text) => process.stderr.write(text);
  console.log(
    `Planning benchmark: node ${process.version}, ${availableParallelism()} CPUs; each planner in its own process, a new planner per run (cold), parsing and validation included.\n`,
  );
  const work = mkdtempSync(join(tmpdir(), 'orrery-bench-planning-'));
  const results = [];
  try {
    for (const name of cases) {
      const prepared = await prepareCase(name, seed, log);
      const caseFile = join(work, `${name}.json`);
      writeFileSync(caseFile, JSON.stringify(prepared));
      const large = name === 'large';
      const warmup = Number(large ? values['large-warmup'] : values.warmup);
      const runs = Number(large ? values['large-runs'] : values.runs);
      const rows = {};
      for (const planner of planners) {
        log(`  ${name}: ${planner} (${warmup} warm-up, ${runs} runs)...\n`);
        rows[planner] = runChild(planner, caseFile, warmup, runs);
      }
      console.log(`${prepared.label}, median of ${runs} runs after ${warmup} warm-up`);
      console.log(
        `  ${'planner'.padEnd(10)}${'build ms'.padStart(12)}${'cold plan ms'.padStart(15)}${'min'.padStart(10)}${'max'.padStart(10)}${'total ms'.padStart(12)}`,
      );
      for (const planner of planners) {
        const r = rows[planner];
        console.log(
          r.ok
            ? `  ${planner.padEnd(10)}${ms(r.buildMs).padStart(12)}${ms(r.planMs).padStart(15)}${ms(r.planMinMs).padStart(10)}${ms(r.planMaxMs).padStart(10)}${ms(r.buildMs + r.planMs).padStart(12)}`
            : `  ${planner.padEnd(10)}  n/a (${r.error})`,
        );
      }
      const { apollo, orrery } = rows;
      if (apollo && orrery) {
        const text =
          ratio(apollo, orrery) ??
          `${(apollo.buildMs / orrery.buildMs).toFixed(2)}x build, ${(apollo.planMs / orrery.planMs).toFixed(2)}x cold plan, ${((apollo.buildMs + apollo.planMs) / (orrery.buildMs + orrery.planMs)).toFixed(2)}x total`;
        console.log(`  Apollo/Orrery: ${text}`);
        if (apollo.ok && orrery.ok) {
          console.log(
            `  build CPU time (process, all threads): apollo ${ms(apollo.buildCpuMs)} ms, orrery ${ms(orrery.buildCpuMs)} ms, ${(apollo.buildCpuMs / orrery.buildCpuMs).toFixed(2)}x`,
          );
        }
        if (apollo.ok && orrery.ok && prepared.operations.length > 1) {
          const perOp = prepared.operations
            .map(
              (o) =>
                `${o.name} ${(apollo.perOperationMs[o.name] / orrery.perOperationMs[o.name]).toFixed(1)}x`,
            )
            .join(', ');
          console.log(`  per operation: ${perOp}`);
        }
      }
      console.log('');
      results.push({ case: name, label: prepared.label, warmup, runs, planners: rows });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
    );
    console.log(`wrote ${values.json}`);
  }
}

// Imported (by profile-planning.mjs, for prepareCase) it runs nothing.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') {
    const [, , , planner, caseFile, warmup, runs] = process.argv;
    await child(planner, caseFile, Number(warmup), Number(runs));
  } else {
    await main();
  }
}
