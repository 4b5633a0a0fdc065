#!/usr/bin/env node
/**
 * The composition benchmark: Apollo (`@apollo/composition`), the Guild
 * (`@theguild/federation-composition`) and Orrery (`@orrery/composition`, built dist) compose the
 * same graphs side by side. Every (graph, composer) pair runs in its own child process, so peak
 * RSS belongs to one composer and JIT warm-up of one does not help another.
 *
 *   node apps/bench/src/composition.mjs [--graphs demo,large] [--composers apollo,guild,orrery]
 *     [--runs N] [--warmup N] [--large-runs N] [--large-warmup N] [--seed N] [--json FILE]
 *
 * See ../README.md for how to read the output. Never part of CI's pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLargeGraph } from './generate-large-graph.mjs';

const COMPOSERS = ['apollo', 'guild', 'orrery'];
const GRAPHS = ['demo', 'large'];

function loadGraph(graph, seed) {
  if (graph === 'demo') {
    const dir = new URL('../fixtures/demo/', import.meta.url);
    const subgraphs = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
      .map((f, i) => {
        const name = f.replace(/\.graphql$/, '');
        return {
          name,
          url: `http://localhost:${4001 + i}/graphql`,
          sdl: readFileSync(new URL(f, dir), 'utf8'),
        };
      });
    return { subgraphs, label: `demo (${subgraphs.length} subgraphs)` };
  }
  const { subgraphs, stats } = generateLargeGraph({ seed });
  return {
    subgraphs,
    label: `large (${stats.subgraphs} subgraphs, ${stats.types} types, seed ${seed})`,
  };
}

/** One composer as `(subgraphs) => void`, throwing when composition fails. Parsing is included. */
async function loadComposer(name) {
  const { parse } = await import('graphql');
  const services = (subgraphs) =>
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
  const failIfErrors = (errors) => {
    if (errors?.length) {
      const [first] = errors;
      const code = first.code ?? first.extensions?.code ?? 'ERROR';
      throw new Error(
        `composition failed: ${code} ${first.message.split('\n')[0]} (+${errors.length - 1} more)`,
      );
    }
  };
  if (name === 'apollo') {
    const { composeServices } = await import('@apollo/composition');
    return (subgraphs) => failIfErrors(composeServices(services(subgraphs)).errors);
  }
  if (name === 'guild') {
    const { composeServices } = await import('@theguild/federation-composition');
    return (subgraphs) => {
      const result = composeServices(services(subgraphs));
      failIfErrors(result.errors);
      // The Guild builds its outputs lazily; read one so the work is counted as for the others.
      void result.supergraphSdl;
    };
  }
  // Orrery takes SDL text and parses it itself.
  const { composeSubgraphs } = await import('@orrery/composition');
  return (subgraphs) => {
    const result = composeSubgraphs(subgraphs);
    if (!result.ok) failIfErrors(result.errors);
    void result.supergraphSdl;
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Child mode: time one composer on one graph and print one JSON line. */
async function child(composerName, graph, warmup, runs, seed) {
  const report = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
  const { subgraphs, label } = loadGraph(graph, seed);
  let compose;
  try {
    compose = await loadComposer(composerName);
    for (let i = 0; i < warmup; i++) compose(subgraphs);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      compose(subgraphs);
      times.push(performance.now() - start);
    }
    report({
      ok: true,
      label,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      runs,
      maxRssKb: process.resourceUsage().maxRSS,
    });
  } catch (error) {
    report({
      ok: false,
      label,
      error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
  }
}

function runChild(composer, graph, warmup, runs, seed) {
  const script = fileURLToPath(import.meta.url);
  const args = [script, '--child', composer, graph, String(warmup), String(runs), String(seed)];
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

const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

async function main() {
  const { values } = parseArgs({
    options: {
      graphs: { type: 'string', default: GRAPHS.join(',') },
      composers: { type: 'string', default: COMPOSERS.join(',') },
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      'large-runs': { type: 'string', default: '3' },
      'large-warmup': { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      json: { type: 'string' },
    },
  });
  const graphs = values.graphs.split(',').filter((g) => GRAPHS.includes(g));
  const composers = values.composers.split(',').filter((c) => COMPOSERS.includes(c));
  const seed = Number(values.seed);
  console.log(
    `Composition benchmark: node ${process.version}, ${availableParallelism()} CPUs; each composer in its own process, parsing included.\n`,
  );
  const results = [];
  for (const graph of graphs) {
    const warmup = Number(graph === 'large' ? values['large-warmup'] : values.warmup);
    const runs = Number(graph === 'large' ? values['large-runs'] : values.runs);
    const rows = {};
    let label = graph;
    for (const composer of composers) {
      process.stderr.write(`  ${graph}: ${composer} (${warmup} warm-up, ${runs} runs)...\n`);
      rows[composer] = runChild(composer, graph, warmup, runs, seed);
      label = rows[composer].label ?? label;
    }
    console.log(`${label}, median of ${runs} runs after ${warmup} warm-up`);
    console.log(
      `  ${'composer'.padEnd(10)}${'median ms'.padStart(12)}${'min'.padStart(10)}${'max'.padStart(10)}${'peak RSS'.padStart(12)}`,
    );
    for (const composer of composers) {
      const r = rows[composer];
      console.log(
        r.ok
          ? `  ${composer.padEnd(10)}${ms(r.medianMs).padStart(12)}${ms(r.minMs).padStart(10)}${ms(r.maxMs).padStart(10)}${mb(r.maxRssKb).padStart(12)}`
          : `  ${composer.padEnd(10)}  n/a (${r.error})`,
      );
    }
    const orrery = rows.orrery;
    for (const other of ['apollo', 'guild']) {
      if (!rows[other] || !orrery) continue;
      const name = other === 'apollo' ? 'Apollo/Orrery' : 'Guild/Orrery';
      const ratio =
        rows[other].ok && orrery.ok
          ? `${(rows[other].medianMs / orrery.medianMs).toFixed(2)}x time, ${(rows[other].maxRssKb / orrery.maxRssKb).toFixed(2)}x peak RSS`
          : 'n/a';
      console.log(`  ${name}: ${ratio}`);
    }
    console.log('');
    results.push({ graph, label, warmup, runs, composers: rows });
  }
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
    );
    console.log(`wrote ${values.json}`);
  }
}

if (process.argv[2] === '--child') {
  const [, , , composer, graph, warmup, runs, seed] = process.argv;
  await child(composer, graph, Number(warmup), Number(runs), Number(seed));
} else {
  await main();
}
