/**
 * The demo stack: the registry on the embedded database, the seven subgraphs, a publish of each
 * with the CLI to `demo@current` and `demo@prod`, and a managed gateway following `demo@prod`.
 *
 * The registry and the gateways run as real `orrery` processes (what a user deploys); the
 * subgraphs run in this process; publishes go through the CLI in-process (`runCli`, the same
 * code as the binary, without a process start per command).
 *
 * Ports come from one base (default 4000), so a scenario's stack can run next to the demo's:
 * gateway `base`, more gateways `base+1..9`, subgraphs `base+11..17`, subgraphs moved to a new
 * URL `base+21..29`, registry `base+100`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from '@orrery/cli';
import { createRegistryClient } from '@orrery/registry-client';
import { startOrrery, type OrreryProcess } from './processes.js';
import { startSubgraph, type RunningSubgraph } from './subgraph-server.js';
import { SUBGRAPHS } from './subgraphs/index.js';

/** The ports the subgraphs declare are for base 4000. */
const DEFAULT_BASE = 4000;

export interface StackOptions {
  /** Where the registry's database and the gateways' caches live (`.orrery-demo/`). */
  readonly dir: string;
  /** Port base (see the module comment); default 4000. */
  readonly portBase?: number;
  /** Prints a narration line. */
  readonly say?: (line: string) => void;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Stack {
  readonly dir: string;
  readonly portBase: number;
  readonly registryUrl: string;
  /** The `demo@prod` gateway's GraphQL endpoint (`.../graphql`). */
  readonly gatewayUrl: string;
  readonly adminKey: string;
  readonly gatewayKey: string;
  /** The running subgraphs by name (the URL each was first published with). */
  readonly subgraphs: Map<string, RunningSubgraph>;
  /** Gateways by name; `prod` is the one the stack starts. */
  readonly gateways: Map<string, OrreryProcess>;
  /** Runs `orrery <args>` with the registry URL and admin key set. */
  cli(args: readonly string[]): Promise<CliResult>;
  /** Writes a version's SDL to `schemas/NAME-VERSION.graphql` (relative to `dir`, the CLI's cwd). */
  schemaFile(subgraph: string, version: string): string;
  /** A managed gateway on `graphRef` at `base + offset`, caching in `gateway-cache-NAME`. */
  startGateway(name: string, graphRef: string, offset: number): Promise<OrreryProcess>;
  /** Starts another instance of a subgraph at `base + offset` (a deploy to a new URL). */
  startSubgraphAt(name: string, version: string, offset: number): Promise<RunningSubgraph>;
  /** SIGKILLs the registry (an outage). */
  killRegistry(): Promise<void>;
  /** Starts the registry again on the same database. */
  startRegistry(): Promise<void>;
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

export async function startStack(options: StackOptions): Promise<Stack> {
  const say = options.say ?? (() => {});
  const base = options.portBase ?? DEFAULT_BASE;
  const dir = options.dir;
  mkdirSync(dir, { recursive: true });
  const schemaDir = join(dir, 'schemas');
  mkdirSync(schemaDir, { recursive: true });
  const adminKey = adminKeyIn(dir);
  const registryUrl = `http://127.0.0.1:${base + 100}`;
  const subgraphs = new Map<string, RunningSubgraph>();
  const extraSubgraphs: RunningSubgraph[] = [];
  const gateways = new Map<string, OrreryProcess>();
  let registry: OrreryProcess | undefined;
  let gatewayKey = '';

  const startRegistry = async () => {
    registry = await startOrrery(
      'registry',
      [
        'registry',
        'start',
        '--port',
        String(base + 100),
        '--host',
        '127.0.0.1',
        '--data-dir',
        join(dir, 'registry'),
      ],
      { ORRERY_ADMIN_KEY: adminKey },
      registryUrl,
    );
  };

  const startGateway: Stack['startGateway'] = async (name, graphRef, offset) => {
    await gateways.get(name)?.stop();
    const port = base + offset;
    const gateway = await startOrrery(
      `gateway ${name}`,
      [
        'gateway',
        '--graph-ref',
        graphRef,
        '--registry-url',
        registryUrl,
        '--cache-dir',
        join(dir, `gateway-cache-${name}`),
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ],
      { ORRERY_KEY: gatewayKey },
      `http://127.0.0.1:${port}`,
    );
    gateways.set(name, gateway);
    return gateway;
  };

  const stop = async () => {
    await Promise.all([...gateways.values()].map((g) => g.stop()));
    await registry?.stop();
    await Promise.all([...subgraphs.values(), ...extraSubgraphs].map((s) => s.stop()));
  };

  const cli: Stack['cli'] = async (args) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      cwd: dir,
      env: { ORRERY_REGISTRY_URL: registryUrl, ORRERY_KEY: adminKey, NO_COLOR: '1' },
      readStdin: async () => '',
    };
    const code = await runCli(args, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };

  const schemaFile: Stack['schemaFile'] = (name, version) => {
    const subgraph = SUBGRAPHS.find((s) => s.name === name);
    const definition = subgraph?.versions[version];
    if (!definition) throw new Error(`subgraph ${name} has no version ${version}`);
    // Relative to the stack's folder, the CLI's working directory: short in the narration.
    const file = join('schemas', `${name}-${version}.graphql`);
    writeFileSync(join(dir, file), definition.typeDefs);
    return file;
  };

  try {
    say(`starting the registry (PGlite in ${join(dir, 'registry')}) ...`);
    await startRegistry();

    say('starting the subgraphs ...');
    for (const subgraph of SUBGRAPHS)
      subgraphs.set(
        subgraph.name,
        await startSubgraph(subgraph, subgraph.initial, subgraph.port - DEFAULT_BASE + base),
      );

    for (const variant of ['demo@current', 'demo@prod']) {
      for (const subgraph of SUBGRAPHS) {
        const args = [
          'subgraph',
          'publish',
          variant,
          '--name',
          subgraph.name,
          '--schema',
          schemaFile(subgraph.name, subgraph.initial),
          '--routing-url',
          subgraphs.get(subgraph.name)!.url,
        ];
        const result = await cli(args);
        if (result.code !== 0)
          throw new Error(`orrery ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
      }
      say(`published ${SUBGRAPHS.length} subgraphs to ${variant}`);
    }

    const admin = createRegistryClient({ url: registryUrl, key: adminKey });
    gatewayKey = (
      await admin.createKey({
        name: `demo-gateway-${Date.now()}`,
        role: 'gateway',
        scope: { graphs: ['demo'] },
      })
    ).key;

    say('starting the gateway on demo@prod ...');
    await startGateway('prod', 'demo@prod', 0);

    return {
      dir,
      portBase: base,
      registryUrl,
      gatewayUrl: `http://127.0.0.1:${base}/graphql`,
      adminKey,
      gatewayKey,
      subgraphs,
      gateways,
      cli,
      schemaFile,
      startGateway,
      async startSubgraphAt(name, version, offset) {
        const subgraph = SUBGRAPHS.find((s) => s.name === name);
        if (!subgraph) throw new Error(`no subgraph ${name}`);
        const running = await startSubgraph(subgraph, version, base + offset);
        extraSubgraphs.push(running);
        return running;
      },
      async killRegistry() {
        await registry?.kill();
      },
      startRegistry,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
