import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type Command } from '../src/index.js';
import { memoryIo } from './helpers.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const echo: Command = {
  path: ['supergraph', 'echo'],
  summary: 'print the arguments',
  usage: 'Usage: orrery supergraph echo [args...]',
  async run(args, io) {
    io.stdout(`${args.join(' ')}\n`);
    return 0;
  },
};

describe('orrery', () => {
  it('prints help with usage, the commands and the global options', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const t = memoryIo();
      expect(await runCli(argv, t.io, [echo])).toBe(0);
      expect(t.stdout).toContain(`orrery ${pkg.version}`);
      expect(t.stdout).toContain('orrery <command> [options]');
      expect(t.stdout).toMatch(/supergraph echo\s+print the arguments/);
      expect(t.stdout).toContain('-v, --version');
    }
  });

  it('prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const t = memoryIo();
      expect(await runCli([flag], t.io)).toBe(0);
      expect(t.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('dispatches to the command named by the longest matching path', async () => {
    const t = memoryIo();
    expect(await runCli(['supergraph', 'echo', 'a', '--b'], t.io, [echo])).toBe(0);
    expect(t.stdout).toBe('a --b\n');
  });

  it("prints a command's usage for <command> --help", async () => {
    const t = memoryIo();
    expect(await runCli(['supergraph', 'echo', '--help'], t.io, [echo])).toBe(0);
    expect(t.stdout).toBe('Usage: orrery supergraph echo [args...]\n');
  });

  it('refuses an unknown command with a stable code, a suggestion and exit 2', async () => {
    const t = memoryIo();
    expect(await runCli(['supergraph', 'ecoh'], t.io, [echo])).toBe(2);
    expect(t.stderr).toBe(
      'ERR_CLI_UNKNOWN_COMMAND unknown command "supergraph ecoh". Did you mean "supergraph echo"? Run "orrery --help" for the list of commands.\n',
    );
    expect(t.stdout).toBe('');
  });
});
