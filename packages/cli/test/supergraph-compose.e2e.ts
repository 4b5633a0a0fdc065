import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The installed binary (built), as a user runs it, on the benchmark's four demo subgraphs.
const bin = fileURLToPath(new URL('../../../node_modules/.bin/orrery', import.meta.url));
const demo = new URL('../../../apps/bench/fixtures/demo/', import.meta.url);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-compose-e2e-'));
  cpSync(demo, dir, { recursive: true });
  const names = ['accounts', 'inventory', 'products', 'reviews'];
  writeFileSync(
    join(dir, 'supergraph.yaml'),
    `federation_version: 2\nsubgraphs:\n${names
      .map(
        (n, i) =>
          `  ${n}:\n    routing_url: http://localhost:${4001 + i}/graphql\n    schema:\n      file: ./${n}.graphql\n`,
      )
      .join('')}`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const orrery = (...args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: 'utf8' });

describe('orrery supergraph compose (binary)', () => {
  it('prints the supergraph SDL and exits 0', () => {
    const result = orrery('supergraph', 'compose', '--config', 'supergraph.yaml');
    expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('hint: '))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^schema\n {2}@link\(url: "https:\/\/specs\.apollo\.dev\/link\/v1\.0"\)/,
    );
    expect(result.stdout).toContain(
      '@join__graph(name: "reviews", url: "http://localhost:4004/graphql")',
    );
  });

  it('exits 1 with one coded line and no stack trace for bad input', () => {
    const missing = orrery('supergraph', 'compose', '--config', 'nope.yaml');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'ERR_CLI_INPUT_NOT_FOUND cannot read config nope.yaml (no such file)\n',
    );
    writeFileSync(
      join(dir, 'broken.yaml'),
      'subgraphs:\n  a:\n    routing_url: http://a\n    schema:\n      file: gone.graphql\n',
    );
    const gone = orrery('supergraph', 'compose', '--config', 'broken.yaml');
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(
      /^ERR_CLI_INPUT_NOT_FOUND subgraph "a": cannot read schema file gone\.graphql \(no such file\)\n$/,
    );
  });
});
