import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatTable,
  formatWhen,
  formatWireDiagnostic,
  paintFor,
  relativeAge,
} from '../src/lib/output.js';
import { withProgress } from '../src/lib/progress.js';
import { exitCodeFor } from '../src/lib/registry-command.js';
import { resolveRegistrySettings, userConfigPath } from '../src/lib/registry-config.js';
import { memoryIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'orrery-cli-lib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formatTable', () => {
  it('prints the header, a rule per column and the rows, as the seeds’ service:list', () => {
    expect(
      formatTable(
        ['name', 'URL', 'last updated'],
        [
          ['Accounts', 'http://localhost:4001/graphql', '3 July 2019 (2 days ago)'],
          ['Reviews', 'http://localhost:4002/graphql', '3 July 2019 (2 days ago)'],
        ],
      ),
    ).toBe(
      [
        'name      URL                            last updated',
        '────────  ─────────────────────────────  ────────────────────────',
        'Accounts  http://localhost:4001/graphql  3 July 2019 (2 days ago)',
        'Reviews   http://localhost:4002/graphql  3 July 2019 (2 days ago)',
        '',
      ].join('\n'),
    );
  });

  it('pads by visible width when cells are coloured', () => {
    const red = paintFor({ ...memoryIo().io, stdoutIsTTY: true }).red;
    const lines = formatTable(['a', 'b'], [[red('xy'), '1']]).split('\n');
    expect(lines[2]).toBe(`${red('xy')}  1`);
  });
});

describe('dates', () => {
  const now = Date.parse('2019-07-05T12:00:00Z');
  it('says how long ago', () => {
    expect(relativeAge('2019-07-03T12:00:00Z', now)).toBe('2 days ago');
    expect(relativeAge('2019-07-05T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeAge('2019-07-05T11:59:59Z', now)).toBe('now');
  });
  it('formats a day and its age as in seed 001', () => {
    expect(formatWhen('2019-07-03T12:00:00Z', now)).toBe('3 July 2019 (2 days ago)');
    expect(formatWhen('not a date', now)).toBe('not a date');
  });
});

describe('formatWireDiagnostic', () => {
  it('is CODE [subgraphs] message (where)', () => {
    expect(
      formatWireDiagnostic({
        code: 'EXTERNAL_MISSING_ON_BASE',
        level: 'error',
        message: 'Field "Mutation.createLaunch" is marked @external but is not defined elsewhere.',
        subgraphs: ['launches'],
        locations: [{ source: 'launches', line: 3, column: 5 }],
      }),
    ).toBe(
      'EXTERNAL_MISSING_ON_BASE [launches] Field "Mutation.createLaunch" is marked @external but is not defined elsewhere. (launches:3:5)',
    );
  });
});

describe('paintFor', () => {
  const base = memoryIo().io;
  it('colours only a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(paintFor(base).red('x')).toBe('x');
    expect(paintFor({ ...base, stdoutIsTTY: true }).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(paintFor({ ...base, stdoutIsTTY: true, env: { NO_COLOR: '1' } }).red('x')).toBe('x');
    expect(paintFor({ ...base, stdoutIsTTY: true, env: { TERM: 'dumb' } }).red('x')).toBe('x');
  });
});

describe('exit codes', () => {
  it('maps registry and client codes to 1, 2, 3, 4', () => {
    expect(
      (
        [
          'UNAUTHENTICATED',
          'FORBIDDEN',
          'ERR_NETWORK',
          'ERR_TIMEOUT',
          'UNAVAILABLE',
          'BAD_REQUEST',
          'NOT_FOUND',
          'INVALID_SDL',
          'CONFLICT',
          'ERR_BAD_RESPONSE',
        ] as const
      ).map(exitCodeFor),
    ).toEqual([3, 3, 4, 4, 4, 2, 1, 1, 1, 1]);
  });
});

describe('withProgress', () => {
  it('prints nothing when stderr is not a terminal', async () => {
    const out = memoryIo();
    expect(await withProgress(out.io, 'Working', async () => 42, { delayMs: 0 })).toBe(42);
    expect(out.stderr).toBe('');
  });

  it('shows the label on a terminal once the delay passed, then erases it', async () => {
    const out = memoryIo();
    const io = { ...out.io, stderrIsTTY: true };
    await withProgress(io, 'Publishing', () => new Promise((r) => setTimeout(r, 50)), {
      delayMs: 0,
    });
    expect(out.stderr.startsWith('\r')).toBe(true);
    expect(out.stderr).toContain(' Publishing\x1b[K');
    expect(out.stderr.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('resolveRegistrySettings', () => {
  const user = join(dir, 'user.yaml');
  const project = join(dir, 'project');

  it('takes flags over environment over ./orrery.yaml over the user config', async () => {
    writeFileSync(user, 'registry_url: http://user:1\nkey: user-key\ngraph: usergraph\n');
    rmSync(project, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(project);
    writeFileSync(join(project, 'orrery.yaml'), 'registry_url: http://project:2\n');
    const io = (env: Record<string, string>) =>
      memoryIo({ cwd: project, env: { ORRERY_CONFIG: user, ...env } }).io;

    const projectFile = join(project, 'orrery.yaml');
    expect(await resolveRegistrySettings(io({}), {})).toEqual({
      registryUrl: 'http://project:2',
      key: 'user-key',
      graph: 'usergraph',
      sources: {
        registryUrl: { kind: 'project', name: projectFile },
        key: { kind: 'user', name: user },
        graph: { kind: 'user', name: user },
      },
    });
    expect(
      await resolveRegistrySettings(
        io({ ORRERY_REGISTRY_URL: 'http://env:3', ORRERY_KEY: 'env-key' }),
        {},
      ),
    ).toEqual({
      registryUrl: 'http://env:3',
      key: 'env-key',
      graph: 'usergraph',
      sources: {
        registryUrl: { kind: 'env', name: 'ORRERY_REGISTRY_URL' },
        key: { kind: 'env', name: 'ORRERY_KEY' },
        graph: { kind: 'user', name: user },
      },
    });
    expect(
      await resolveRegistrySettings(io({ ORRERY_REGISTRY_URL: 'http://env:3' }), {
        registryUrl: 'http://flag:4',
        key: 'flag-key',
        graph: 'flaggraph',
      }),
    ).toEqual({
      registryUrl: 'http://flag:4',
      key: 'flag-key',
      graph: 'flaggraph',
      sources: {
        registryUrl: { kind: 'flag', name: '--registry-url' },
        key: { kind: 'flag', name: '--key' },
        graph: { kind: 'flag', name: '--graph' },
      },
    });
  });

  it('defaults to http://localhost:4100 with no key when nothing is configured', async () => {
    expect(await resolveRegistrySettings(memoryIo({ cwd: dir, env: {} }).io, {})).toEqual({
      registryUrl: 'http://localhost:4100',
      key: undefined,
      graph: undefined,
      sources: {
        registryUrl: { kind: 'default', name: 'default' },
        key: undefined,
        graph: undefined,
      },
    });
  });

  it('lets config auth name an ORRERY_CONFIG file that does not exist yet', async () => {
    const io = memoryIo({ cwd: dir, env: { ORRERY_CONFIG: join(dir, 'new.yaml') } }).io;
    await expect(resolveRegistrySettings(io, {})).rejects.toMatchObject({
      code: 'ERR_CLI_INPUT_NOT_FOUND',
    });
    expect(await resolveRegistrySettings(io, {}, { userConfigMayBeMissing: true })).toMatchObject({
      registryUrl: 'http://localhost:4100',
      key: undefined,
    });
  });

  it('finds the user config under XDG_CONFIG_HOME or ~/.config', () => {
    expect(userConfigPath({ HOME: '/home/u' })).toBe('/home/u/.config/orrery/config.yaml');
    expect(userConfigPath({ HOME: '/home/u', XDG_CONFIG_HOME: '/x' })).toBe(
      '/x/orrery/config.yaml',
    );
    expect(userConfigPath({ ORRERY_CONFIG: '/c.yaml', HOME: '/home/u' })).toBe('/c.yaml');
    expect(userConfigPath({})).toBeUndefined();
  });

  it('reports a broken config file with its path, and a missing ORRERY_CONFIG', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'registry_url: [1, 2]\n');
    await expect(
      resolveRegistrySettings(memoryIo({ cwd: dir, env: { ORRERY_CONFIG: bad } }).io, {}),
    ).rejects.toMatchObject({
      code: 'ERR_CLI_CONFIG_INVALID',
      message: `${bad}: registry_url must be a non-empty string`,
    });
    writeFileSync(bad, 'registryUrl: http://x\n');
    await expect(
      resolveRegistrySettings(memoryIo({ cwd: dir, env: { ORRERY_CONFIG: bad } }).io, {}),
    ).rejects.toMatchObject({
      message: `${bad}: unknown key "registryUrl" (known: registry_url, key, graph)`,
    });
    await expect(
      resolveRegistrySettings(
        memoryIo({ cwd: dir, env: { ORRERY_CONFIG: join(dir, 'nope.yaml') } }).io,
        {},
      ),
    ).rejects.toMatchObject({ code: 'ERR_CLI_INPUT_NOT_FOUND' });
  });
});
