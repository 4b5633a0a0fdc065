import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSubgraphs } from '@orrery/composition';
import { afterAll, describe, expect, it } from 'vitest';

// `orrery plan` through the installed binary (built dist), the operation on standard input.
const bin = fileURLToPath(new URL('../../../node_modules/.bin/orrery', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'orrery-plan-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n';

describe('orrery plan (binary)', () => {
  it('plans an operation read from standard input', () => {
    const composed = composeSubgraphs([
      {
        name: 'users',
        url: 'http://users/graphql',
        sdl: `${LINK}type Query { me: User } type User @key(fields: "id") { id: ID! name: String }`,
      },
      {
        name: 'points',
        url: 'http://points/graphql',
        sdl: `${LINK}type User @key(fields: "id") { id: ID! points: Int }`,
      },
    ]);
    if (!composed.ok) throw new Error(composed.errors[0]?.message);
    const supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, composed.supergraphSdl);

    const result = spawnSync(bin, ['plan', '--supergraph', supergraph, '--stats', '-'], {
      input: '{ me { name points } }',
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fetch(service: "users")');
    expect(result.stdout).toContain('Flatten(path: "me")');
    expect(result.stderr).toBe('2 fetches, sequential depth 2 (points 1, users 1)\n');

    const missing = spawnSync(bin, ['plan', '--supergraph', join(dir, 'nope'), '-'], {
      input: '{ me { name } }',
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^ERR_CLI_INPUT_NOT_FOUND cannot read supergraph /);
  });
});
