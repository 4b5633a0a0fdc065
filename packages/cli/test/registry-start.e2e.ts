import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ORRERY_BIN, runOrrery } from './registry-helpers.js';

// `orrery registry start` through the installed binary: PGlite in a temp data dir, the admin
// key printed only at the first start, commands served, a clean stop on SIGTERM and SIGINT.

// Each step spawns the binary (and the registry opens PGlite): seconds each on a loaded 2-core
// machine. Generous limits, not timing assertions.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), 'orrery-registry-start-'));
const children = new Set<ChildProcessWithoutNullStreams>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts the binary and resolves once it printed its URL (or rejects when it exits first). */
function start(args: string[]): Promise<Started> {
  const child = spawn(ORRERY_BIN, ['registry', 'start', '--port', '0', ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: dir },
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const url = /ready at (http:\/\/\S+)|"url":"(http:\/\/[^"]+)"/.exec(stdout);
      if (url) {
        resolve({
          child,
          url: (url[1] ?? url[2])!,
          stdout: () => stdout,
          stderr: () => stderr,
          exited,
        });
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) => reject(new Error(`registry start exited ${code}: ${stderr}`)));
  });
}

describe('orrery registry start (binary)', () => {
  let adminKey: string;

  it('prints its URL and, at the first start only, the admin key; stops on SIGTERM', async () => {
    const first = await start(['--data-dir', 'data']);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The key comes right after the ready line; wait until it is complete.
    await new Promise<void>((resolve) => {
      const check = () => (/Store it now/.test(first.stdout()) ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(first.stdout()).toContain(
      `orrery registry ready at ${first.url} (PGlite in ${join(dir, 'data')})`,
    );
    adminKey = /\n {2}(orr_admin_\S+)\n/.exec(first.stdout())![1]!;
    expect(first.stdout()).toContain('shown only this once');

    const keys = await runOrrery(['key', 'list', '--format', 'json'], {
      cwd: dir,
      env: { HOME: dir, ORRERY_REGISTRY_URL: first.url, ORRERY_KEY: adminKey },
    });
    expect(keys.status).toBe(0);
    expect(JSON.parse(keys.stdout)).toMatchObject({ ok: true, keys: [{ role: 'admin' }] });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain('orrery registry stopped (SIGTERM)');
  });

  it('prints no key when restarted on the same data dir; the first key still works; stops on SIGINT', async () => {
    const second = await start(['--data-dir', 'data', '--format', 'json']);
    const ready = JSON.parse(second.stdout().split('\n')[0]!) as Record<string, unknown>;
    expect(ready).toMatchObject({ ok: true, event: 'ready', url: second.url, storage: 'pglite' });
    expect(ready['adminKey']).toBeUndefined();
    const list = await runOrrery(['key', 'list'], {
      cwd: dir,
      env: { HOME: dir, ORRERY_REGISTRY_URL: second.url, ORRERY_KEY: adminKey },
    });
    expect(list.status).toBe(0);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toContain('"event":"stopped","signal":"SIGINT"');
  });

  it('is a usage error for a bad port', async () => {
    const result = await runOrrery(['registry', 'start', '--port', 'x'], {
      cwd: dir,
      env: { HOME: dir },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('ERR_CLI_INVALID_ARGUMENT --port must be 0-65535, not "x"\n');
  });
});
