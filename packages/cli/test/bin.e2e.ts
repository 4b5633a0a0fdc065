import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The installed binary at the repository root, as a user runs it after `npm test` / install.
const bin = fileURLToPath(new URL('../../../node_modules/.bin/orrery', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('node_modules/.bin/orrery', () => {
  it('exists at the repository root after install and build', () => {
    expect(existsSync(bin)).toBe(true);
  });

  it('prints help and version', () => {
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain(
      'orrery <command> [options]',
    );
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
  });

  it('exits 2 with one line on stderr for an unknown command, no stack trace', () => {
    const result = spawnSync(bin, ['nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ERR_CLI_UNKNOWN_COMMAND unknown command "nope"\./);
    expect(result.stderr).not.toContain('    at ');
  });
});
