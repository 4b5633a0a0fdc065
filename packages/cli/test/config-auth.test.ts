import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/index.js';
import { describeScope } from '../src/lib/output.js';
import { saveUserSettings } from '../src/lib/registry-config.js';
import { memoryIo } from './helpers.js';

// In-process checks of `config auth` and `config whoami` that need no registry: where the key is
// read from, how the user config file is written, and the usage errors. Nothing listens on port
// 1, so a command that gets as far as the registry ends with ERR_NETWORK (exit 4). Against a real
// registry they are exercised in config-auth.e2e.ts.

const dir = mkdtempSync(join(tmpdir(), 'orrery-config-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOWHERE = 'http://127.0.0.1:1';
const KEY = 'orr_publisher_abcdef12_0123456789abcdef0123456789abcdef';
let fresh = 0;

/** A config path of its own in a folder that does not exist yet. */
function newConfigPath(): string {
  fresh += 1;
  return join(dir, `case-${fresh}`, 'orrery', 'config.yaml');
}

async function run(
  args: string[],
  options: {
    env?: Record<string, string>;
    stdin?: string;
    tty?: boolean;
    secret?: string;
  } = {},
) {
  const out = memoryIo({ cwd: dir, env: options.env ?? {}, stdin: options.stdin ?? '' });
  const questions: string[] = [];
  const io = {
    ...out.io,
    stdinIsTTY: options.tty ?? false,
    ...(options.secret !== undefined && {
      promptSecret: async (question: string) => {
        questions.push(question);
        return options.secret!;
      },
    }),
  };
  let code: number;
  try {
    code = await runCli(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    out.io.stderr(`${error.code} ${error.message}\n`);
    code = error.exitCode;
  }
  return { code, stdout: out.stdout, stderr: out.stderr, questions };
}

describe('saveUserSettings', () => {
  it('creates the folder and a file only its owner can read', async () => {
    const path = newConfigPath();
    const io = memoryIo({ env: { ORRERY_CONFIG: path } }).io;
    expect(await saveUserSettings(io, { key: KEY })).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(`key: ${KEY}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the other keys and comments, replaces the key, adds the registry URL', async () => {
    const path = join(dir, 'existing.yaml');
    writeFileSync(path, '# mine\ngraph: shop # default graph\nkey: old\n', { mode: 0o644 });
    const io = memoryIo({ env: { ORRERY_CONFIG: path } }).io;
    await saveUserSettings(io, { key: KEY, registry_url: 'https://registry.test' });
    expect(readFileSync(path, 'utf8')).toBe(
      `# mine\ngraph: shop # default graph\nkey: ${KEY}\nregistry_url: https://registry.test\n`,
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite a file that is not a settings file, and leaves it as it was', async () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'registryUrl: http://x\n');
    const io = memoryIo({ env: { ORRERY_CONFIG: path } }).io;
    await expect(saveUserSettings(io, { key: KEY })).rejects.toMatchObject({
      code: 'ERR_CLI_CONFIG_INVALID',
    });
    expect(readFileSync(path, 'utf8')).toBe('registryUrl: http://x\n');
  });

  it('says so when there is no home to save into', async () => {
    await expect(saveUserSettings(memoryIo({ env: {} }).io, { key: KEY })).rejects.toMatchObject({
      code: 'ERR_CLI_OUTPUT_WRITE_FAILED',
    });
  });
});

describe('describeScope', () => {
  it('says what a key may touch, singular or plural, or all graphs', () => {
    expect(describeScope({})).toBe('all graphs');
    expect(describeScope({ graphs: [] })).toBe('all graphs');
    expect(describeScope({ graphs: ['demo'] })).toBe('graph demo');
    expect(describeScope({ graphs: ['a', 'b'], variants: ['a@prod'], subgraphs: ['x', 'y'] })).toBe(
      'graphs a, b, variant a@prod, subgraphs x, y',
    );
  });
});

describe('orrery config auth', () => {
  it('asks on a terminal without echo, and saves with --no-verify', async () => {
    const path = newConfigPath();
    const result = await run(['config', 'auth', '--no-verify'], {
      env: { ORRERY_CONFIG: path, ORRERY_REGISTRY_URL: NOWHERE },
      tty: true,
      secret: `  ${KEY}  `,
    });
    expect(result.questions).toEqual(['API key (not shown): ']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Saved the key (not checked with the registry) to ${path}\n`);
    expect(readFileSync(path, 'utf8')).toBe(`key: ${KEY}\n`);
  });

  it('reads the first line of standard input otherwise', async () => {
    const path = newConfigPath();
    const result = await run(['config', 'auth', '--no-verify', '--format', 'json'], {
      env: { ORRERY_CONFIG: path },
      stdin: `${KEY}\nsomething else\n`,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      path,
      saved: ['key'],
      registryUrl: 'http://localhost:4100',
      verified: false,
    });
    expect(readFileSync(path, 'utf8')).toBe(`key: ${KEY}\n`);
  });

  it('is a usage error without a key (ERR_CLI_KEY_MISSING) or with spaces in it', async () => {
    const path = newConfigPath();
    const empty = await run(['config', 'auth'], { env: { ORRERY_CONFIG: path }, stdin: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^ERR_CLI_KEY_MISSING no key to save: /);
    const spaced = await run(['config', 'auth', '--key', 'Bearer orr_x'], {
      env: { ORRERY_CONFIG: path },
    });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toMatch(/^ERR_CLI_INVALID_ARGUMENT the key contains spaces/);
    const noPrompt = await run(['config', 'auth'], { env: { ORRERY_CONFIG: path }, tty: true });
    expect(noPrompt.code).toBe(2);
    expect(existsSync(path)).toBe(false);
  });

  it('saves nothing when the registry cannot be reached, and says how to go on', async () => {
    const path = newConfigPath();
    const result = await run(['config', 'auth', '--key', KEY, '--registry-url', NOWHERE], {
      env: { ORRERY_CONFIG: path },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^ERR_NETWORK could not reach the registry at http:\/\/127\.0\.0\.1:1.*; nothing was saved \(--no-verify saves without asking the registry\)\n$/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('notes a key or URL that still wins over the saved one', async () => {
    const path = newConfigPath();
    const result = await run(
      ['config', 'auth', '--key', KEY, '--registry-url', 'http://new.test', '--no-verify'],
      { env: { ORRERY_CONFIG: path, ORRERY_KEY: 'orr_other', ORRERY_REGISTRY_URL: NOWHERE } },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Saved the key (not checked with the registry) and the registry URL http://new.test to ${path}\n`,
    );
    expect(result.stderr).toBe(
      'Note: commands run here still use the key from ORRERY_KEY.\n' +
        'Note: commands run here still use the registry URL from ORRERY_REGISTRY_URL.\n',
    );
  });
});

describe('orrery config whoami', () => {
  it('is a usage error (ERR_CLI_KEY_MISSING, exit 2) when there is no key anywhere', async () => {
    const result = await run(['config', 'whoami', '--format', 'json'], {
      env: { HOME: join(dir, 'no-config-here'), ORRERY_REGISTRY_URL: NOWHERE },
    });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { code: 'ERR_CLI_KEY_MISSING' },
    });
  });

  it('asks the registry once there is a key', async () => {
    const result = await run(['config', 'whoami'], {
      env: { ORRERY_KEY: KEY, ORRERY_REGISTRY_URL: NOWHERE },
    });
    expect(result.code).toBe(4);
  });
});
