/**
 * Real processes for the managed-mode fault tests: the registry and gateways run as the `orrery`
 * binary a user runs (`packages/cli/bin/orrery.js`, the built CLI), so a "registry outage" is a
 * killed process and a "gateway restart" is a new one.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';

/** The CLI's bin script, which loads the built CLI (`npm test` builds before the suites run). */
export const ORRERY_BIN = fileURLToPath(
  new URL('../../../../packages/cli/bin/orrery.js', import.meta.url),
);

export interface OrreryProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: an outage, not a shutdown. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Polls `url` until it answers 200 (or the process dies, or `ms` pass). */
export async function waitFor200(
  url: string,
  child: ChildProcess,
  output: () => string,
  ms = 240_000,
): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    try {
      const response = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end)
      throw new Error(`${url} did not answer 200 within ${ms} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function start(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  url: string,
  readyPath: string,
): Promise<OrreryProcess> {
  const child = spawn(process.execPath, [ORRERY_BIN, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString()));
  const output = () => chunks.join('');
  const proc: OrreryProcess = {
    name,
    url,
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
  return waitFor200(`${url}${readyPath}`, child, output).then(() => proc);
}

export interface RegistryProcessOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly adminKey: string;
}

/** `orrery registry start` on PGlite in `dataDir`, with a known admin key. */
export function startRegistryProcess(options: RegistryProcessOptions): Promise<OrreryProcess> {
  return start(
    'registry',
    [
      'registry',
      'start',
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      options.dataDir,
    ],
    { ORRERY_ADMIN_KEY: options.adminKey },
    `http://127.0.0.1:${options.port}`,
    '/ready',
  );
}

export interface GatewayProcessOptions {
  readonly port: number;
  readonly graphRef: string;
  readonly registryUrls: readonly string[];
  readonly key: string;
  readonly cacheDir: string;
}

/** `orrery gateway --graph-ref` (managed mode); resolves once `/ready` answers 200. */
export function startGatewayProcess(options: GatewayProcessOptions): Promise<OrreryProcess> {
  return start(
    `gateway ${options.graphRef}`,
    [
      'gateway',
      '--graph-ref',
      options.graphRef,
      ...options.registryUrls.flatMap((u) => ['--registry-url', u]),
      '--cache-dir',
      options.cacheDir,
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
    ],
    { ORRERY_KEY: options.key },
    `http://127.0.0.1:${options.port}`,
    '/ready',
  );
}
