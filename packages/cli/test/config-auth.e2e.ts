import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '@orrery/registry';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runOrrery, SCHEMAS } from './registry-helpers.js';

// `orrery config auth` and `orrery config whoami` through the installed binary, against a real
// registry (PGlite in a temporary directory, port 0) started in this process. HOME,
// XDG_CONFIG_HOME and ORRERY_CONFIG point into the temporary directory, so the developer's own
// config is never read or written. The tests run in order: the key saved first is the one later
// commands use.

// Each step spawns the binary (and the registry opens PGlite): seconds each on a loaded 2-core
// machine. Generous limits, not timing assertions.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
let home: string;
let registry: Awaited<ReturnType<typeof startRegistry>>;
let adminKey: string;
/** The user config file under HOME (no XDG_CONFIG_HOME, no ORRERY_CONFIG). */
let userConfig: string;

interface CreatedKey {
  readonly id: string;
  readonly key: string;
}

/** The binary with only HOME set: no key, no registry URL but what it finds in the files. */
const orrery = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  runOrrery(args, { cwd: dir, input: options.input, env: { HOME: home, ...options.env } });

/** Creates a key with `orrery key create --format json` as the admin. */
async function createKey(args: string[]): Promise<CreatedKey> {
  const result = await orrery(['key', 'create', ...args, '--format', 'json'], {
    env: { ORRERY_REGISTRY_URL: registry.url, ORRERY_KEY: adminKey },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as CreatedKey;
}

let publisher: CreatedKey;
let gateway: CreatedKey;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-config-auth-cli-'));
  home = join(dir, 'home');
  mkdirSync(home);
  userConfig = join(home, '.config', 'orrery', 'config.yaml');
  writeFileSync(join(dir, 'users.graphql'), SCHEMAS.users);
  registry = await startRegistry({ port: 0, dataDir: join(dir, 'data'), env: {} });
  adminKey = registry.adminKey!;
  publisher = await createKey(['--name', 'ci-publisher', '--role', 'publisher', '--graph', 'demo']);
  gateway = await createKey(['--name', 'edge', '--role', 'gateway', '--variant', 'demo@prod']);
}, 120_000);

afterAll(async () => {
  await registry?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('orrery config auth', () => {
  it('is listed by orrery --help, with config whoami', async () => {
    const help = await orrery(['--help']);
    expect(help.stdout).toMatch(/^ {2}config auth {2,}save an API key/m);
    expect(help.stdout).toMatch(/^ {2}config whoami {2,}show the registry and key in use/m);
  });

  it('checks the key read from standard input, then saves it and the URL (mode 0600)', async () => {
    const result = await orrery(['config', 'auth', '--registry-url', registry.url], {
      input: `${publisher.key}\n`,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `Saved the key 'ci-publisher' (publisher, graph demo) and the registry URL ${registry.url} to ${userConfig}\n`,
    );
    expect(readFileSync(userConfig, 'utf8')).toBe(
      `key: ${publisher.key}\nregistry_url: ${registry.url}\n`,
    );
    expect(statSync(userConfig).mode & 0o777).toBe(0o600);
  });

  it('later commands use the saved key and registry URL', async () => {
    const published = await orrery([
      'subgraph',
      'publish',
      'demo@current',
      '--name',
      'users',
      '--schema',
      'users.graphql',
      '--routing-url',
      'http://users:4001/graphql',
    ]);
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(published.stdout).toContain("The 'users' subgraph for the 'demo@current' graph");

    // The publisher's scope is the graph demo: the key in use is the saved one, not an admin's.
    const outside = await orrery(['subgraph', 'list', 'shop@current']);
    expect(outside.status).toBe(3);
    expect(outside.stderr).toMatch(/^FORBIDDEN /);
  });

  it('refuses a wrong key (exit 3, one line) and leaves the file untouched', async () => {
    const before = readFileSync(userConfig, 'utf8');
    const wrong = `orr_admin_0123456789abcdef_${'0'.repeat(64)}`;
    for (const args of [
      ['config', 'auth', '--key', wrong],
      ['config', 'auth', '--key', 'not-a-key', '--registry-url', registry.url],
    ]) {
      const result = await orrery(args);
      expect(result.status).toBe(3);
      expect(result.stderr).toBe(
        `UNAUTHENTICATED the registry at ${registry.url} does not accept this key (unknown or revoked); nothing was saved\n`,
      );
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(userConfig, 'utf8')).toBe(before);
  });

  it('writes to $XDG_CONFIG_HOME, or to $ORRERY_CONFIG, creating it', async () => {
    const xdg = join(dir, 'xdg');
    const viaXdg = await orrery(['config', 'auth', '--registry-url', registry.url], {
      env: { XDG_CONFIG_HOME: xdg },
      input: gateway.key,
    });
    expect(viaXdg.status).toBe(0);
    expect(viaXdg.stdout).toContain(`to ${join(xdg, 'orrery', 'config.yaml')}\n`);

    const explicit = join(dir, 'explicit', 'orrery.yaml');
    const viaEnv = await orrery(['config', 'auth', '--format', 'json'], {
      env: { ORRERY_CONFIG: explicit, ORRERY_REGISTRY_URL: registry.url },
      input: gateway.key,
    });
    expect(viaEnv.status).toBe(0);
    expect(JSON.parse(viaEnv.stdout)).toEqual({
      ok: true,
      path: explicit,
      saved: ['key'],
      registryUrl: registry.url,
      verified: true,
      keyId: gateway.id,
      name: 'edge',
      role: 'gateway',
      scope: { variants: ['demo@prod'] },
    });
    expect(readFileSync(explicit, 'utf8')).toBe(`key: ${gateway.key}\n`);
  });
});

describe('orrery config whoami', () => {
  it('shows the registry, the key from the user config file, its role and scope', async () => {
    const result = await orrery(['config', 'whoami']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        `Registry: ${registry.url} (from ${userConfig})`,
        `Key:      'ci-publisher' (id ${publisher.id}) from ${userConfig}`,
        'Role:     publisher',
        'Scope:    graph demo',
        '',
      ].join('\n'),
    );
  });

  it('says where a key from ORRERY_KEY or --key came from, in JSON too', async () => {
    const result = await orrery(['config', 'whoami', '--format', 'json'], {
      env: { ORRERY_KEY: gateway.key },
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      registryUrl: registry.url,
      keyId: gateway.id,
      name: 'edge',
      role: 'gateway',
      scope: { variants: ['demo@prod'] },
      sources: {
        registryUrl: { kind: 'user', name: userConfig },
        key: { kind: 'env', name: 'ORRERY_KEY' },
      },
    });
    const flag = await orrery(['config', 'whoami', '--key', adminKey]);
    expect(flag.status).toBe(0);
    expect(flag.stdout).toMatch(/^Key: {6}'admin' \(id \w+\) from --key\nRole: {5}admin\n/m);
  });

  it('exits 3 when the registry refuses the key, naming where it came from', async () => {
    const revoked = await createKey(['--name', 'short-lived', '--role', 'publisher']);
    const revoke = await orrery(['key', 'revoke', revoked.id, '--yes'], {
      env: { ORRERY_KEY: adminKey },
    });
    expect(revoke.status).toBe(0);
    const result = await orrery(['config', 'whoami'], { env: { ORRERY_KEY: revoked.key } });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(
      `UNAUTHENTICATED the registry at ${registry.url} does not accept the key from ORRERY_KEY (unknown or revoked)\n`,
    );
  });

  it('is a usage error (exit 2) when there is no key at all', async () => {
    const result = await orrery(['config', 'whoami'], {
      env: { HOME: join(dir, 'empty-home'), ORRERY_REGISTRY_URL: registry.url },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'ERR_CLI_KEY_MISSING no API key: pass --key KEY, set ORRERY_KEY, or save one with "orrery config auth"\n',
    );
  });
});
