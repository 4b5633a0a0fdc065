import { resolve } from 'node:path';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { defineRegistryCommand, stringOption } from '../../lib/registry-command.js';
import { readUsageRetentionDays } from './retention.js';

const USAGE = `Usage: orrery registry start [--port 4100] [--host 127.0.0.1] [--data-dir DIR] [--database-url URL] [--usage-retention-days 30]
                           [--public-url URL]

Runs the Orrery registry until SIGINT or SIGTERM: the management API under /api/v1, supergraph
delivery for gateways (ETag, long-poll, and Apollo Uplink at /uplink), /health and /ready.

It stores everything in an embedded PGlite database in --data-dir (default ./.orrery/registry),
or in PostgreSQL with --database-url (or DATABASE_URL); migrations run on start. On the first
start it creates an admin key and prints it once (or takes ORRERY_ADMIN_KEY, then prints nothing).

Options:
  -p, --port <port>          port to listen on (default 4100; 0 picks a free one)
      --host <host>          interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
      --data-dir <dir>       PGlite data directory (default ./.orrery/registry)
      --database-url <url>   PostgreSQL connection string (env DATABASE_URL); wins over --data-dir
      --usage-retention-days <n>
                             days of gateway usage kept (env ORRERY_USAGE_RETENTION_DAYS;
                             default 30); older data is deleted on start and hourly
      --public-url <url>     the URL users reach the registry at, for links in check results
                             and webhooks (env ORRERY_PUBLIC_URL; default the listen URL)
`;

function readPort(value: string | undefined): number {
  if (value === undefined) return 4100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `--port must be 0-65535, not "${value}"`,
      EXIT.USAGE,
    );
  }
  return port;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `orrery registry start`. */
export const registryStartCommand = defineRegistryCommand({
  path: ['registry', 'start'],
  summary: 'run the registry (PGlite in a data dir, or PostgreSQL)',
  usage: USAGE,
  needsRegistry: false,
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'usage-retention-days': { type: 'string' },
    'public-url': { type: 'string' },
  },
  async run(ctx, values) {
    const { io } = ctx;
    const port = readPort(stringOption(values, 'port'));
    const host = stringOption(values, 'host');
    const usageRetentionDays = readUsageRetentionDays(
      stringOption(values, 'usage-retention-days'),
      io.env,
    );
    const databaseUrl = stringOption(values, 'database-url') ?? io.env['DATABASE_URL'];
    const publicUrl = stringOption(values, 'public-url') ?? io.env['ORRERY_PUBLIC_URL'];
    if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl)) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `--public-url must be an http(s) URL, not "${publicUrl}"`,
        EXIT.USAGE,
      );
    }
    const dataDir = databaseUrl
      ? undefined
      : resolve(io.cwd, stringOption(values, 'data-dir') ?? '.orrery/registry');
    // Listen for signals before starting, so a signal during start-up still stops cleanly.
    const signal = untilSignal();
    // Loaded here, not at the top: every other command would otherwise pay for loading the
    // registry and its database engine at start-up.
    const { parseKey, startRegistry } = await import('@orrery/registry');
    // A malformed admin key is a setting to fix, not a crash: refuse it before opening anything.
    const adminKey = io.env['ORRERY_ADMIN_KEY'];
    if (adminKey && parseKey(adminKey)?.role !== 'admin') {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        'ORRERY_ADMIN_KEY must be an admin key such as orr_admin_<id>_<secret> (unset it to have one created on the first start)',
        EXIT.USAGE,
      );
    }
    const registry = await startRegistry({
      port,
      ...(host ? { host } : {}),
      ...(databaseUrl ? { databaseUrl } : { dataDir: dataDir! }),
      env: io.env,
      ...(usageRetentionDays !== undefined && { usageRetentionDays }),
      ...(publicUrl !== undefined && { publicUrl }),
      ...(ctx.verbose ? { log: (message: string) => io.stderr(`${message}\n`) } : {}),
    }).catch((error: unknown) => {
      throw startFailure(error, port, databaseUrl !== undefined);
    });
    const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`;
    if (ctx.format === 'json') {
      io.stdout(
        `${JSON.stringify({ ok: true, event: 'ready', url: registry.url, storage: registry.storage, ...(dataDir ? { dataDir } : {}), ...(registry.adminKey ? { adminKey: registry.adminKey } : {}) })}\n`,
      );
    } else {
      io.stdout(`orrery registry ready at ${registry.url} (${where})\n`);
      if (registry.adminKey) {
        io.stdout(
          `\n${ctx.paint.bold('Admin key')} (created now and shown only this once; the registry stores only its hash):\n\n  ${registry.adminKey}\n\n${ctx.paint.yellow('Store it now, for example as ORRERY_KEY. Create narrower keys with "orrery key create".')}\n`,
        );
      }
    }
    const received = await signal;
    await registry.close();
    if (ctx.format === 'json') {
      io.stdout(`${JSON.stringify({ ok: true, event: 'stopped', signal: received })}\n`);
    } else {
      io.stderr(`orrery registry stopped (${received})\n`);
    }
    return { json: {}, printed: true };
  },
});

/**
 * What went wrong starting, as one sentence and a code: a taken or forbidden port, or a PGlite
 * data directory another process has open, is a setting to change (exit 2), an unreachable database a network problem (exit 4). Anything else is left
 * as it is (a bug: exit 70 with the stack under --verbose).
 */
function startFailure(error: unknown, port: number, postgres: boolean): unknown {
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return new CliError(
      'ERR_CLI_REGISTRY_START_FAILED',
      `cannot listen on port ${port}: ${code === 'EADDRINUSE' ? 'it is already in use' : 'not allowed'} (choose another with --port)`,
      EXIT.USAGE,
    );
  }
  if (code === 'DATA_DIR_LOCKED') {
    return new CliError('ERR_CLI_REGISTRY_START_FAILED', message, EXIT.USAGE);
  }
  if (
    postgres &&
    typeof code === 'string' &&
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|3D000|28P01|28000)$/.test(
      code,
    )
  ) {
    return new CliError(
      'ERR_CLI_REGISTRY_START_FAILED',
      `cannot open the PostgreSQL database: ${message} (check --database-url or DATABASE_URL)`,
      EXIT.NETWORK,
    );
  }
  return error;
}
