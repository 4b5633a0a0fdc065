import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './helpers.js';

/**
 * The registered command with the real composer, on the four demo subgraphs of the benchmark.
 * Whether that supergraph matches Apollo's is the parity corpus' job
 * (packages/composition/test/parity); here: the command passes files through faithfully.
 */

const demo = new URL('../../../apps/bench/fixtures/demo/', import.meta.url);
const names = ['accounts', 'inventory', 'products', 'reviews'];
const url = (i: number) => `http://localhost:${4001 + i}/graphql`;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-compose-real-'));
  cpSync(demo, dir, { recursive: true });
  const subgraphs = names
    .map((n, i) => `  ${n}:\n    routing_url: ${url(i)}\n    schema:\n      file: ${n}.graphql\n`)
    .join('');
  writeFileSync(
    join(dir, 'supergraph.yaml'),
    `federation_version: =2.3.0\nsubgraphs:\n${subgraphs}`,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('orrery supergraph compose with the real composer', () => {
  it('prints what composeSubgraphs composes from the same files', async () => {
    const t = memoryIo({ cwd: dir });
    const code = await runCli(['supergraph', 'compose', '--config', 'supergraph.yaml'], t.io);
    expect(t.stderr.split('\n').filter((l) => l && !l.startsWith('hint: '))).toEqual([]);
    expect(code).toBe(0);
    const direct = composeSubgraphs(
      names.map((name, i) => ({
        name,
        url: url(i),
        sdl: readFileSync(join(dir, `${name}.graphql`), 'utf8'),
      })),
    );
    if (!direct.ok) throw new Error(direct.errors.map((e) => e.message).join('\n'));
    expect(t.stdout).toBe(`${direct.supergraphSdl.trimEnd()}\n`);
    expect(t.stdout).toContain('@link(url: "https://specs.apollo.dev/join/');
    for (const [i, name] of names.entries()) {
      expect(t.stdout).toContain(`@join__graph(name: "${name}", url: "${url(i)}")`);
    }
  });

  it('fails with exit 1 and one coded line per error for an invalid graph', async () => {
    // Two subgraphs now resolve the same non-shareable Product fields.
    writeFileSync(join(dir, 'reviews.graphql'), readFileSync(join(dir, 'products.graphql')));
    const t = memoryIo({ cwd: dir });
    expect(await runCli(['supergraph', 'compose', '--config', 'supergraph.yaml'], t.io)).toBe(1);
    expect(t.stdout).toBe('');
    expect(t.stderr).toMatch(/^INVALID_FIELD_SHARING \[/m);
    expect(t.stderr).toMatch(/composition failed with \d+ errors?\n$/);
  });

  it('writes JSON with --format json', async () => {
    const t = memoryIo({ cwd: dir });
    const args = ['supergraph', 'compose', '-c', 'supergraph.yaml', '--format', 'json'];
    expect(await runCli(args, t.io)).toBe(0);
    const json = JSON.parse(t.stdout) as { ok: boolean; supergraphSdl: string; hints: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.supergraphSdl).toContain('type Product');
    expect(Array.isArray(json.hints)).toBe(true);
  });
});
