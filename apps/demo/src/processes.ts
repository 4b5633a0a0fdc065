/**
 * The registry and gateways as real `orrery` processes (what a user deploys), started from the
 * CLI's bin script: a registry outage in a scenario is a killed process, and a gateway restart is
 * a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/orrery.js', import.meta.url));

export interface OrreryProcess {
  readonly name: string;
  /** `http://127.0.0.1:PORT` (no path). */
  readonly url: string;
  /** What the process printed (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: an outage, not a shutdown. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Polls `url` until it answers 200; a loaded machine may take a minute to start PGlite. */
async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const end = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} was ready:\n${output()}`);
    try {
      const response = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} was not ready after 5 minutes:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `orrery <args>` and resolves once `url` + `/ready` answers 200. */
export async function startOrrery(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  url: string,
): Promise<OrreryProcess> {
  const child = spawn(process.execPath, [BIN, ...args], {
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
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
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
  try {
    await waitReady(`${url}/ready`, child, output);
  } catch (error) {
    await proc.kill();
    throw error;
  }
  return proc;
}
