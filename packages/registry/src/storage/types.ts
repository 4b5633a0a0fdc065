/** One row as the driver returns it: column name to value (jsonb parsed, timestamptz a Date). */
export type Row = Record<string, unknown>;

/**
 * Runs SQL inside the current transaction and returns its rows. With `$1`-style parameters the
 * text is one statement; without, it may hold several (as a migration does: both drivers then use
 * the simple query protocol) and the last statement's rows are returned. Objects bound to jsonb
 * columns must be `JSON.stringify`d by the caller so both drivers see the same text.
 */
export type Query = <R extends object = Row>(
  sql: string,
  params?: readonly unknown[],
) => Promise<R[]>;

/** Stops a `listen` subscription. */
export type Unlisten = () => Promise<void>;

/**
 * Where the registry keeps its state: PGlite (embedded, one connection) or PostgreSQL (a pool).
 * Both speak the same SQL, so the service and the migrations are written once.
 */
export interface Storage {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when `fn` resolves, rolled back (and the error
   * rethrown) when it rejects. `pg_notify` calls made through `query` are delivered on commit.
   */
  transaction<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  /** Calls `callback` with the payload of every notification on `channel`, from any process. */
  listen(channel: string, callback: (payload: string) => void): Promise<Unlisten>;
  /** Sends a notification outside any transaction (inside one, use `SELECT pg_notify`). */
  notify(channel: string, payload: string): Promise<void>;
  /** Stops listening and closes the connections. Idempotent. */
  close(): Promise<void>;
}
