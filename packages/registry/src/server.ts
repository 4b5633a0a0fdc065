/**
 * `startRegistry`: everything `orrery registry start` does, as a function. It opens the storage
 * (PGlite in `dataDir`, PostgreSQL at `databaseUrl`, or an in-memory PGlite), runs migrations,
 * makes sure an admin key exists, builds the service and serves it over HTTP.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { hashSecret, generateKey, parseKey } from './keys/format.js';
import { createRegistry, type RegistryOptions } from './http/create-registry.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { createRegistryService } from './service/index.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';

export interface StartRegistryOptions {
  /** Port to listen on (default 4100; 0 picks a free one). */
  readonly port?: number;
  /** Interface to listen on (default `127.0.0.1`; `0.0.0.0` to serve other machines). */
  readonly host?: string;
  /** PGlite data directory (created when missing). */
  readonly dataDir?: string;
  /** PostgreSQL connection string; wins over `dataDir`. */
  readonly databaseUrl?: string;
  /**
   * The first admin key, stored as given (it must look like `orr_admin_<id>_<secret>`).
   * Defaults to `ORRERY_ADMIN_KEY`. When neither is set and the registry has no key yet, one is
   * generated and returned once as `adminKey`.
   */
  readonly adminKey?: string;
  /** Receives startup lines and unexpected errors (default: nothing, errors to stderr). */
  readonly log?: (message: string) => void;
  readonly maxBodySize?: number;
  readonly pollIntervalSeconds?: number;
  readonly rateLimit?: RateLimitOptions | false;
  /** See `RegistryOptions.deliveryCacheMs` (default 1000). */
  readonly deliveryCacheMs?: number;
  /** Days of usage kept (default 30); older rollups are purged on start and hourly. */
  readonly usageRetentionDays?: number;
  /**
   * The URL users reach the registry at (behind a proxy, another host), for links in webhook
   * payloads and check results. Default: the URL it listens on.
   */
  readonly publicUrl?: string;
  /** Where `ORRERY_ADMIN_KEY` is read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningRegistry {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  /** Set only when this start generated the first admin key: print it once, it is not stored. */
  readonly adminKey?: string;
  readonly storage: 'pglite' | 'postgres';
  /** Stops serving (ending long-polls), then closes the service and the database. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4100;

/**
 * Starts a registry.
 *
 * @example
 * const registry = await startRegistry({ dataDir: '.orrery', port: 4100 });
 * if (registry.adminKey) console.log(`admin key (shown once): ${registry.adminKey}`);
 */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<RunningRegistry> {
  const env = options.env ?? process.env;
  const storage = await openStorage(
    options.databaseUrl !== undefined
      ? { databaseUrl: options.databaseUrl }
      : options.dataDir !== undefined
        ? { dataDir: options.dataDir }
        : {},
  );
  let service: ReturnType<typeof createRegistryService> | undefined;
  try {
    const adminKey = await bootstrapAdminKey(storage, options.adminKey ?? env['ORRERY_ADMIN_KEY']);
    // Known once the server listens (port 0 picks one); links are only built after that.
    const listening: { url?: string } = {};
    service = createRegistryService({
      storage,
      publicUrl: () => options.publicUrl ?? listening.url ?? 'http://localhost:4100',
      ...(options.usageRetentionDays !== undefined && {
        usageRetentionDays: options.usageRetentionDays,
      }),
    });
    const registryOptions: RegistryOptions = {
      service,
      ready: async () => {
        await storage.transaction((query) => query('SELECT 1 FROM schema_migrations LIMIT 1'));
      },
      info: { name: 'orrery-registry', version: packageVersion(), storage: storage.kind },
      ...(options.log && { log: options.log }),
      ...(options.maxBodySize !== undefined && { maxBodySize: options.maxBodySize }),
      ...(options.pollIntervalSeconds !== undefined && {
        pollIntervalSeconds: options.pollIntervalSeconds,
      }),
      ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
      ...(options.deliveryCacheMs !== undefined && { deliveryCacheMs: options.deliveryCacheMs }),
    };
    const registry = createRegistry(registryOptions);
    const { url, port } = await registry.listen(options.port ?? DEFAULT_PORT, options.host);
    listening.url = url;
    options.log?.(`orrery registry listening on ${url} (${storage.kind})`);
    const started = service;
    let closed: Promise<void> | undefined;
    return {
      url,
      port,
      storage: storage.kind,
      ...(adminKey !== undefined && { adminKey }),
      close() {
        closed ??= (async () => {
          try {
            await registry.close();
          } finally {
            await started.close();
            await storage.close();
          }
        })();
        return closed;
      },
    };
  } catch (error) {
    await service?.close().catch(() => undefined);
    await storage.close();
    throw error;
  }
}

// Taken by every process starting on the same database, so two processes starting at once
// cannot both generate (and print) a first key.
const BOOTSTRAP_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('orrery:bootstrap', 0))`;

/**
 * Makes sure the registry can be administered: stores `given` when it is not stored yet, or
 * generates a key when the registry has none at all. Returns the raw key only when it was
 * generated here (the caller prints it once; only its hash is stored).
 */
export async function bootstrapAdminKey(
  storage: Storage,
  given: string | undefined,
): Promise<string | undefined> {
  if (given !== undefined && given !== '') {
    const parsed = parseKey(given);
    if (parsed === null || parsed.role !== 'admin') {
      throw new Error(
        `the admin key must look like orr_admin_<id>_<secret> (for example ${generateKey('admin').key}), got a key in another format`,
      );
    }
    await storage.transaction(async (query) => {
      await query(BOOTSTRAP_LOCK);
      const [row] = await query<{ secret_sha256: string }>(
        'SELECT secret_sha256 FROM api_keys WHERE id = $1',
        [parsed.id],
      );
      if (row === undefined) {
        await query(
          `INSERT INTO api_keys (id, name, role, scope, secret_sha256, created_by)
           VALUES ($1, 'admin', 'admin', '{}', $2, 'bootstrap')`,
          [parsed.id, hashSecret(parsed.secret)],
        );
      } else if (row.secret_sha256 !== hashSecret(parsed.secret)) {
        throw new Error(`a key with id ${parsed.id} is already stored with a different secret`);
      }
    });
    return undefined;
  }
  return storage.transaction(async (query) => {
    await query(BOOTSTRAP_LOCK);
    const [{ count }] = (await query<{ count: number }>(
      'SELECT count(*)::int AS count FROM api_keys',
    )) as [{ count: number }];
    if (count > 0) return undefined;
    const key = generateKey('admin');
    await query(
      `INSERT INTO api_keys (id, name, role, scope, secret_sha256, created_by)
       VALUES ($1, 'admin', 'admin', '{}', $2, 'bootstrap')`,
      [key.id, key.secretSha256],
    );
    return key.key;
  });
}

let version: string | undefined;

/** This package's version: `package.json` is one level above both `src/` and `dist/`. */
function packageVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
