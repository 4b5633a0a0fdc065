import { describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/index.js';
import { memoryIo } from './helpers.js';

// In-process checks of what needs no registry: argument handling, confirmation prompts, JSON
// errors. Nothing listens on port 1, so a command that gets as far as calling the registry ends
// with ERR_NETWORK (exit 4): that is how these tests see that it did. The commands against a real
// registry are in registry-commands.e2e.ts.
const NOWHERE = { ORRERY_REGISTRY_URL: 'http://127.0.0.1:1', ORRERY_KEY: 'orr_admin_x_y' };

async function run(args: string[], options: { tty?: boolean; answer?: string } = {}) {
  const out = memoryIo({ env: NOWHERE, cwd: process.cwd() });
  const questions: string[] = [];
  const io = {
    ...out.io,
    stdinIsTTY: options.tty ?? false,
    prompt: async (question: string) => {
      questions.push(question);
      return options.answer ?? '';
    },
  };
  let code: number;
  try {
    code = await runCli(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    code = error.exitCode;
  }
  return { code, stdout: out.stdout, stderr: out.stderr, questions };
}

describe('confirmation', () => {
  it('asks on a terminal; "no" changes nothing and exits 1', async () => {
    const result = await run(['subgraph', 'delete', 'shop@prod', '--name', 'a'], {
      tty: true,
      answer: 'n',
    });
    expect(result.questions).toEqual([
      "Delete the 'a' subgraph from 'shop@prod'? The supergraph is recomposed without it. [y/N] ",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Cancelled: nothing was deleted\n');
  });

  it('"y" goes ahead (and reaches for the registry)', async () => {
    const result = await run(['variant', 'delete', 'shop@canary'], { tty: true, answer: 'y' });
    expect(result.questions).toHaveLength(1);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^ERR_NETWORK could not reach the registry at http:\/\/127\.0\.0\.1:1/,
    );
  });

  it('refuses without a terminal unless --yes, as a usage error', async () => {
    const refused = await run(['key', 'revoke', 'k1']);
    expect(refused.code).toBe(2);
    expect(refused.questions).toEqual([]);
    const yes = await run(['key', 'revoke', 'k1', '--yes']);
    expect(yes.code).toBe(4);
  });
});

describe('arguments', () => {
  it('reports usage errors as exit 2 with the command’s help hint', async () => {
    const unknown = await run(['subgraph', 'list', 'shop', '--nope']);
    expect(unknown.code).toBe(2);
    const missing = await run(['subgraph', 'list']);
    expect(missing.code).toBe(2);
    const extra = await run(['subgraph', 'list', 'a', 'b']);
    expect(extra.code).toBe(2);
    const role = await run(['key', 'create', '--name', 'k', '--role', 'root']);
    expect(role.code).toBe(2);
    const scope = await run([
      'key',
      'create',
      '--name',
      'k',
      '--role',
      'gateway',
      '--subgraph',
      's',
    ]);
    expect(scope.code).toBe(2);
    const tags = await run(['contract', 'create', 'shop@public', '--source', 'shop@prod']);
    expect(tags.code).toBe(2);
    const both = await run([
      'subgraph',
      'publish',
      'shop',
      '--name',
      'a',
      '--schema',
      'x',
      '--endpoint',
      'http://x',
    ]);
    expect(both.code).toBe(2);
  });

  it('prints a JSON error object for --format json, even for a usage error', async () => {
    const result = await run(['subgraph', 'fetch', 'shop', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: { code: 'ERR_CLI_INVALID_ARGUMENT', message: '--name <name> is required' },
    });
    expect(result.stderr).toBe('ERR_CLI_INVALID_ARGUMENT --name <name> is required\n');
  });

  it('shows the command usage with the global options for --help', async () => {
    const result = await run(['subgraph', 'publish', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: orrery subgraph publish GRAPH_REF');
    expect(result.stdout).toContain('--registry-url <url>');
    expect(result.stdout).toContain('4 registry unreachable or unavailable');
  });
});
