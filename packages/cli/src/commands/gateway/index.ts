import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createGateway,
  createServer,
  fileSupergraph,
  GatewayError,
  managedSupergraph,
  serviceListSupergraph,
  type Gateway,
  type SupergraphSource,
} from '@orrery/gateway';
import { parseGraphRef } from '@orrery/registry-client';
import type { Command } from '../../lib/command.js';
import { CliError } from '../../lib/errors.js';
import type { CliIo } from '../../lib/io.js';
import {
  managedSetting,
  parseGatewayConfig,
  type GatewayConfig,
  type ManagedSetting,
  type SupergraphSetting,
} from './config.js';
import { pluginsFor, usageReportingFor } from './plugins-config.js';

const USAGE = `Usage: orrery gateway --supergraph <file> [--port 4000] [--host 0.0.0.0] [--watch]
       orrery gateway --graph-ref <graph@variant> [--registry-url URL] [--cache-dir DIR]
       orrery gateway --config gateway.yaml

Serves a supergraph's API schema at /graphql (GraphQL over HTTP), executing query plans against
its subgraphs. /health answers once the process runs, /ready once a supergraph is loaded.

Options:
  -s, --supergraph <file>  the supergraph SDL (as "orrery supergraph compose" writes it)
  -c, --config <file>      a gateway.yaml (supergraph source, limits, timeouts, header rules,
                           client awareness, query plans, sandbox, logs, metrics, tracing)
  -p, --port <port>        port to listen on (default 4000; 0 picks a free one)
      --host <host>        address to listen on (default 0.0.0.0)
  -w, --watch              reload the supergraph file when it changes (a broken file is
                           rejected and the previous supergraph keeps serving)
      --graph-ref <ref>    managed mode: serve what the registry serves for graph@variant,
                           following each new launch (long-poll, polling as the fallback)
      --registry-url <url> registry to follow (repeat for fallbacks, tried in order; default
                           ORRERY_REGISTRY_URL, comma-separated); the key is ORRERY_KEY or --key
      --key <key>          a gateway key for the variant (default ORRERY_KEY)
      --cache-dir <dir>    where applied supergraphs are kept so the gateway can start while
                           the registry is down (default ~/.cache/orrery)
      --fallback-supergraph <file>
                           served when neither the registry nor the cache has a supergraph
      --no-introspection   refuse __schema/__type queries (the default when
                           NODE_ENV=production, with no query plans and no sandbox)
      --no-usage-reporting in managed mode, do not report which operations clients run
                           (by default the gateway sends the registry per-minute counts per
                           operation and client, for schema checks; gateway.yaml:
                           usage_reporting: { enabled: false, flush_interval: 5s })

In development a browser at http://host:port/ gets the sandbox (GraphiQL with a query plan
panel); a request with "orrery-expose-query-plan: true" gets its plan in "extensions".

Exit codes: 0 stopped by a signal, 1 the supergraph or config cannot be loaded, 2 bad arguments.
`;

function fail(message: string): never {
  throw new CliError(
    'ERR_CLI_INVALID_ARGUMENT',
    `${message}. Run "orrery gateway --help" for usage.`,
    2,
  );
}

function readOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        supergraph: { type: 'string', short: 's' },
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        watch: { type: 'boolean', short: 'w' },
        'graph-ref': { type: 'string' },
        'registry-url': { type: 'string', multiple: true },
        key: { type: 'string' },
        'cache-dir': { type: 'string' },
        'fallback-supergraph': { type: 'string' },
        'no-introspection': { type: 'boolean' },
        'no-usage-reporting': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      'ERR_CLI_INPUT_NOT_FOUND',
      `cannot read ${what} ${path}${code === 'ENOENT' ? ' (no such file)' : `: ${(error as Error).message}`}`,
    );
  }
}

/** The settings from the flags or the config file (flags --port/--host override the file). */
async function resolveConfig(args: readonly string[], io: CliIo): Promise<GatewayConfig> {
  const values = readOptions(args);
  const modes = [
    values.supergraph && '--supergraph',
    values.config && '--config',
    values['graph-ref'] && '--graph-ref',
  ].filter(Boolean);
  if (modes.length > 1)
    fail(`give one of --supergraph, --config or --graph-ref, not ${modes.join(' and ')}`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port must be 0-65535, not "${values.port}"`);
  }
  if (values.config) {
    const file = resolve(io.cwd, values.config);
    const config = parseGatewayConfig(await readText(file, 'config'), file, io.env);
    return {
      ...config,
      ...(port === undefined ? {} : { port }),
      ...(values.host ? { host: values.host } : {}),
      ...(values['no-introspection'] ? { introspection: false } : {}),
      ...(values['no-usage-reporting'] ? { usageReporting: { enabled: false } } : {}),
    };
  }
  const common = {
    port: port ?? 4000,
    host: values.host ?? '0.0.0.0',
    introspection: values['no-introspection'] ? false : undefined,
    ...(values['no-usage-reporting'] ? { usageReporting: { enabled: false } } : {}),
    limits: {},
    subgraphTimeoutMs: undefined,
    subgraphs: {},
    propagateHeaders: [],
  };
  if (values['graph-ref']) {
    let supergraph: ManagedSetting;
    try {
      parseGraphRef(values['graph-ref']);
      supergraph = managedSetting(
        {
          graphRef: values['graph-ref'],
          registryUrls: values['registry-url'],
          key: values.key,
          cacheDir:
            values['cache-dir'] === undefined ? undefined : resolve(io.cwd, values['cache-dir']),
          fallbackFile:
            values['fallback-supergraph'] === undefined
              ? undefined
              : resolve(io.cwd, values['fallback-supergraph']),
        },
        io.env,
        '--graph-ref',
      );
    } catch (error) {
      return fail((error as Error).message);
    }
    return { supergraph, ...common };
  }
  if (!values.supergraph)
    fail('--supergraph <file>, --graph-ref <ref> or --config <file> is required');
  const path = resolve(io.cwd, values.supergraph);
  await readText(path, 'supergraph');
  return { supergraph: { kind: 'file', path, watch: values.watch ?? false }, ...common };
}

function supergraphSource(setting: SupergraphSetting, io: CliIo): SupergraphSource {
  switch (setting.kind) {
    case 'file':
      return fileSupergraph(setting.path, { watch: setting.watch });
    case 'services':
      return serviceListSupergraph({
        subgraphs: setting.subgraphs,
        ...(setting.pollIntervalMs ? { pollIntervalMs: setting.pollIntervalMs } : {}),
      });
    case 'managed':
      return managedSupergraph({
        graphRef: setting.graphRef,
        registryUrls: setting.registryUrls,
        key: setting.key,
        ...(setting.cacheDir !== undefined ? { cacheDir: setting.cacheDir } : {}),
        ...(setting.fallbackFile ? { fallbackFile: setting.fallbackFile } : {}),
        ...(setting.pollIntervalMs ? { pollIntervalMs: setting.pollIntervalMs } : {}),
        log: (level, message) => io.stderr(`[orrery gateway] ${level}: ${message}\n`),
      });
  }
}

/** A started gateway: where it listens, and how to stop it. */
export interface RunningGateway {
  readonly url: string;
  readonly gateway: Gateway;
  close(): Promise<void>;
}

/** Starts the gateway the arguments describe (the command's work, callable from tests). */
export async function startGateway(args: readonly string[], io: CliIo): Promise<RunningGateway> {
  const config = await resolveConfig(args, io);
  const source = supergraphSource(config.supergraph, io);
  const usage = usageReportingFor(
    config,
    config.supergraph.kind === 'managed' ? config.supergraph : undefined,
    (message) => io.stderr(`[orrery gateway] warn: ${message}\n`),
  );
  let gateway: Gateway;
  try {
    gateway = createGateway({
      supergraph: source,
      ...(config.introspection === undefined ? {} : { introspection: config.introspection }),
      ...(config.exposeQueryPlan === undefined ? {} : { exposeQueryPlan: config.exposeQueryPlan }),
      ...(config.sandbox === undefined ? {} : { sandbox: config.sandbox }),
      limits: config.limits,
      subgraphs: config.subgraphs,
      ...(config.subgraphTimeoutMs ? { subgraphTimeoutMs: config.subgraphTimeoutMs } : {}),
      plugins: pluginsFor(config, config.propagateHeaders, usage),
    });
    await gateway.ready;
  } catch (error) {
    await usage?.stop(0);
    if (error instanceof GatewayError) {
      throw new CliError('ERR_CLI_CONFIG_INVALID', `${error.code}: ${error.message}`, 1, {
        cause: error,
      });
    }
    throw error;
  }
  const server: Server = createServer(
    gateway,
    config.limits.maxBodyBytes ? { maxBodyBytes: config.limits.maxBodyBytes } : {},
  );
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    gateway,
    close: async () => {
      server.closeIdleConnections();
      await new Promise<void>((r) => server.close(() => r()));
      // What was counted since the last report is sent before the process goes (2 s at most).
      await usage?.stop();
      await gateway.close();
    },
  };
}

/** `orrery gateway`: serves a supergraph until SIGINT/SIGTERM. */
export const gatewayCommand: Command = {
  path: ['gateway'],
  summary: 'serve a supergraph over GraphQL-over-HTTP (federated query execution)',
  usage: USAGE,
  async run(args, io) {
    const running = await startGateway(args, io);
    io.stdout(`orrery gateway ready at ${running.url}\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolveStop();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
