import pg from 'pg';
import type { Query, Storage } from './types.js';

const RECONNECT_DELAY_MS = 500;
const MAX_RECONNECT_DELAY_MS = 10_000;

/** Options of {@link openPostgresStorage}. */
export interface PostgresStorageOptions {
  readonly databaseUrl: string;
  /** Pool size. Default: 10. */
  readonly maxConnections?: number;
}

/**
 * Storage on PostgreSQL through a `pg` Pool. Transactions each take a pooled client; LISTEN runs
 * on one dedicated client (a pooled one would be handed back and its subscriptions lost), which
 * reconnects and re-subscribes when the connection drops.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
  });
  // An idle client losing its connection emits 'error' on the pool; without a handler that
  // would crash the process. The next checkout gets a fresh connection.
  pool.on('error', () => undefined);
  // Fail now, not on the first request, when the database is unreachable.
  const probe = await pool.connect();
  probe.release();

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  const quoteChannel = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  let reconnectTimer: NodeJS.Timeout | undefined;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on('notification', (message) => {
      for (const callback of listeners.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    let dropped = false;
    const onDrop = () => {
      if (dropped) return;
      dropped = true;
      if (listenClient === client) listenClient = undefined;
      client.end().catch(() => undefined);
      reconnect(RECONNECT_DELAY_MS);
    };
    client.on('error', onDrop);
    client.on('end', onDrop);
    try {
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
    } catch (error) {
      dropped = true;
      client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /**
   * The LISTEN connection dropped (database restart, network): keep trying, as long as someone
   * listens, and re-subscribe every channel. Notifications sent meanwhile are lost; long-polls
   * waiting on them time out and their clients poll again.
   */
  function reconnect(delay: number): void {
    if (closed || listeners.size === 0 || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      listenerClient().catch(() => reconnect(Math.min(delay * 2, MAX_RECONNECT_DELAY_MS)));
    }, delay);
    reconnectTimer.unref();
  }

  function listenerClient(): Promise<pg.Client> {
    if (listenClient) return Promise.resolve(listenClient);
    connecting ??= connectListener().then(
      (client) => {
        listenClient = client;
        connecting = undefined;
        return client;
      },
      (error: unknown) => {
        connecting = undefined;
        throw error;
      },
    );
    return connecting;
  }

  return {
    kind: 'postgres',
    async transaction<T>(fn: (query: Query) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const query: Query = async <R extends object>(sql: string, params?: readonly unknown[]) => {
        if (params && params.length > 0) return (await client.query(sql, [...params])).rows as R[];
        // Several statements answer with one result each; pg's typings do not say so.
        const result: unknown = await client.query(sql);
        const last = (Array.isArray(result) ? result.at(-1) : result) as { rows?: R[] } | undefined;
        return last?.rows ?? [];
      };
      try {
        await client.query('BEGIN');
        const result = await fn(query);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch {
          // The connection is broken: drop it from the pool rather than reuse it.
          client.release(true);
        }
        throw error;
      }
    },
    async listen(channel, callback) {
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(callback);
      const client = await listenerClient();
      // LISTEN is idempotent, so a fresh connection that already subscribed is harmless.
      if (first) await client.query(`LISTEN ${quoteChannel(channel)}`);
      return async () => {
        const current = listeners.get(channel);
        if (!current?.delete(callback) || current.size > 0) return;
        listeners.delete(channel);
        if (listenClient && !closed) await listenClient.query(`UNLISTEN ${quoteChannel(channel)}`);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(reconnectTimer);
      listeners.clear();
      const client = listenClient ?? (await connecting?.catch(() => undefined));
      listenClient = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
