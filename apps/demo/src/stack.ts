/**
 * The demo stack: the registry on the embedded database, the seven subgraphs, a publish of each
 * with the CLI to `demo@current` and `demo@prod`, and a managed gateway following `demo@prod`.
 *
 * The registry and the gateway run as real `orrery` processes (what a user deploys); the
 * subgraphs run in this process; publishes go through the CLI in-process (`runCli`, the same
 * code as the binary, without a process start per command).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '@orrery/cli';
import { createRegistryClient } from '@orrery/registry-client';
import { request } from 'undici';
import { startSubgraph, type RunningSubgraph } from './subgraph-server.js';
import { SUBGRAPHS } from './subgraphs/index.js';

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/orrery.js', import.meta.url));

export interface StackOptions {
  /** Where the registry's database and the gateway's cache live (`.orrery-demo/`). */
  readonly dir: string;
  readonly registryPort?: number;
  readonly gatewayPort?: number;
  /** Prints a narration line. */
  readonly say?: (line: string) => void;
}

export interface Stack {
  readonly registryUrl: string;
  readonly gatewayUrl: string;
  readonly adminKey: string;
  readonly gatewayKey: string;
  readonly subgraphs: Map<string, RunningSubgraph>;
  /** Runs `orrery <args>` with the registry URL and admin key set; returns exit code and output. */
  cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/** A key that survives restarts of the demo, so `.orrery-demo/` can be reused. */
function adminKeyIn(dir: string): string {
  const file = join(dir, 'admin-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = `orr_admin_demo${randomBytes(6).toString('hex')}_${randomBytes(32).toString('hex')}`;
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(`process exited before ${url} was ready:\n${output()}`);
    try {
      const response = await request(url);
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    if (i > 3000) throw new Error(`${url} was not ready after 5 minutes:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function spawnOrrery(
  args: readonly string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString()));
  return { child, output: () => chunks.join('') };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const say = options.say ?? (() => {});
  const registryPort = options.registryPort ?? 4100;
  const gatewayPort = options.gatewayPort ?? 4000;
  mkdirSync(options.dir, { recursive: true });
  const adminKey = adminKeyIn(options.dir);
  const registryUrl = `http://127.0.0.1:${registryPort}`;
  const children: ChildProcess[] = [];
  const subgraphs = new Map<string, RunningSubgraph>();

  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await Promise.all([...subgraphs.values()].map((s) => s.stop()));
  };

  const cli: Stack['cli'] = async (args) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      cwd: options.dir,
      env: { ORRERY_REGISTRY_URL: registryUrl, ORRERY_KEY: adminKey, NO_COLOR: '1' },
      readStdin: async () => '',
    };
    const code = await runCli(args, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };

  try {
    say(`starting the registry (PGlite in ${join(options.dir, 'registry')}) ...`);
    const registry = spawnOrrery(
      [
        'registry',
        'start',
        '--port',
        String(registryPort),
        '--host',
        '127.0.0.1',
        '--data-dir',
        join(options.dir, 'registry'),
      ],
      { ORRERY_ADMIN_KEY: adminKey },
    );
    children.push(registry.child);
    await waitReady(`${registryUrl}/ready`, registry.child, registry.output);

    say('starting the subgraphs ...');
    for (const subgraph of SUBGRAPHS)
      subgraphs.set(subgraph.name, await startSubgraph(subgraph, subgraph.initial));

    const schemaDir = join(options.dir, 'schemas');
    mkdirSync(schemaDir, { recursive: true });
    for (const variant of ['demo@current', 'demo@prod']) {
      for (const subgraph of SUBGRAPHS) {
        const running = subgraphs.get(subgraph.name)!;
        const file = join(schemaDir, `${subgraph.name}.graphql`);
        writeFileSync(file, subgraph.versions[subgraph.initial]!.typeDefs);
        const args = [
          'subgraph',
          'publish',
          variant,
          '--name',
          subgraph.name,
          '--schema',
          file,
          '--routing-url',
          running.url,
        ];
        const result = await cli(args);
        if (result.code !== 0)
          throw new Error(`orrery ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
      }
      say(`published ${SUBGRAPHS.length} subgraphs to ${variant}`);
    }

    const admin = createRegistryClient({ url: registryUrl, key: adminKey });
    const { key: gatewayKey } = await admin.createKey({
      name: `demo-gateway-${Date.now()}`,
      role: 'gateway',
      scope: { graphs: ['demo'] },
    });

    say('starting the gateway on demo@prod ...');
    const gateway = spawnOrrery(
      [
        'gateway',
        '--graph-ref',
        'demo@prod',
        '--registry-url',
        registryUrl,
        '--cache-dir',
        join(options.dir, 'gateway-cache'),
        '--port',
        String(gatewayPort),
        '--host',
        '127.0.0.1',
      ],
      { ORRERY_KEY: gatewayKey },
    );
    children.push(gateway.child);
    await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway.child, gateway.output);

    return {
      registryUrl,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      adminKey,
      gatewayKey,
      subgraphs,
      cli,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
