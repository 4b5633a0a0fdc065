import { request } from 'undici';
import type { Storage } from '../storage/types.js';
import { signBody } from './sign.js';

/**
 * Sends one POST and answers with its status: undici by default, replaceable so that embedders
 * can route webhooks through their own dispatcher (a proxy, an allow-list).
 */
export type WebhookFetch = (
  url: string,
  init: {
    readonly method: 'POST';
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
    readonly signal: AbortSignal;
  },
) => Promise<{ readonly status: number }>;

/** Retry policy of webhook deliveries. */
export interface WebhookDeliveryOptions {
  /** Attempts per delivery, the first included. Default: 5. */
  readonly maxAttempts?: number;
  /** Delay before the first retry; each next one doubles. Default: 1000 ms (1, 2, 4, 8 s). */
  readonly retryBaseDelayMs?: number;
  /** Time allowed for one attempt, answer included. Default: 10 s. */
  readonly timeoutMs?: number;
  /**
   * A pending delivery nobody touched for this long lost its process (a crash, a restart): the
   * next registry process to start takes it over. Default: the longest retry delay plus the
   * timeout plus a minute, so a live process's retries are never taken from it.
   */
  readonly staleAfterMs?: number;
}

export interface WebhookDeliverer {
  /** Starts delivering these (committed, pending) deliveries in the background. */
  deliver(ids: readonly string[]): void;
  /** Takes over stale pending deliveries (see `staleAfterMs`) in the background. */
  resume(): void;
  /** Cancels scheduled retries and waits for attempts in flight. */
  close(): Promise<void>;
}

const undiciFetch: WebhookFetch = async (url, init) => {
  const response = await request(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    signal: init.signal,
  });
  // Drain the body so the connection goes back to the pool.
  await response.body.dump();
  return { status: response.statusCode };
};

interface PendingRow {
  readonly attempts: number;
  readonly payload: unknown;
  readonly url: string;
  readonly secret: string;
}

/**
 * Delivers webhook payloads with exponential backoff. Each attempt reads the delivery row, POSTs
 * the payload signed with the webhook's secret (`x-orrery-signature`) and records the outcome
 * on the row (`attempts`, `last_status_code`, `last_error`, and `delivered` or, after the last
 * attempt, `failed`). A 2xx answer is a delivery; anything else, or no answer in time, is
 * retried. A webhook deleted meanwhile takes its deliveries with it, which ends the retries.
 */
export function createWebhookDeliverer(
  storage: Storage,
  options: WebhookDeliveryOptions & { readonly fetch?: WebhookFetch } = {},
): WebhookDeliverer {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelay = options.retryBaseDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = options.fetch ?? undiciFetch;
  const staleAfterMs =
    options.staleAfterMs ?? baseDelay * 2 ** Math.max(0, maxAttempts - 2) + timeoutMs + 60_000;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  // Aborts attempts in flight on close, so closing never waits for a slow receiver.
  const closing = new AbortController();
  let closed = false;

  function track(task: Promise<void>): void {
    const run = task.catch(() => {
      // A storage failure: the row stays pending, and a later start takes it over.
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  function start(id: string): void {
    if (!closed) track(attempt(id));
  }

  async function takeOverStale(): Promise<void> {
    // Touching the rows claims them: a second process starting at once waits on the row locks,
    // then sees them fresh and leaves them alone.
    const rows = await storage.transaction((query) =>
      query<{ id: string }>(
        `UPDATE webhook_deliveries SET updated_at = now()
         WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1)
         RETURNING id`,
        [staleAfterMs / 1000],
      ),
    );
    for (const { id } of rows) start(id);
  }

  function schedule(id: string, delay: number): void {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      start(id);
    }, delay);
    timers.add(timer);
  }

  async function attempt(id: string): Promise<void> {
    const [row] = await storage.transaction((query) =>
      query<PendingRow>(
        `SELECT d.attempts, d.payload, w.url, w.secret FROM webhook_deliveries d
         JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1 AND d.status = 'pending'`,
        [id],
      ),
    );
    if (!row) return;
    const body = JSON.stringify(row.payload);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const answer = await send(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'orrery-registry',
          'x-orrery-delivery': id,
          'x-orrery-signature': signBody(row.secret, body),
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), closing.signal]),
      });
      statusCode = answer.status;
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const attempts = row.attempts + 1;
    const status = error === null ? 'delivered' : attempts >= maxAttempts ? 'failed' : 'pending';
    await storage.transaction((query) =>
      query(
        `UPDATE webhook_deliveries SET attempts = $2, status = $3, last_status_code = $4,
           last_error = $5, updated_at = now() WHERE id = $1`,
        [id, attempts, status, statusCode, error],
      ),
    );
    if (status === 'pending') schedule(id, baseDelay * 2 ** (attempts - 1));
  }

  return {
    deliver(ids) {
      for (const id of ids) start(id);
    },
    resume() {
      if (!closed) track(takeOverStale());
    },
    async close() {
      closed = true;
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...inFlight]);
    },
  };
}
