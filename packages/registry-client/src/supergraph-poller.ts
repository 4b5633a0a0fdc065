/**
 * Follows the supergraph a registry serves for one variant: what a managed gateway runs.
 *
 * - Registry URLs are tried in order on every poll (primary first, as Apollo Router does since
 *   Uplink's eventually consistent endpoints made round-robin flap), so a healthy primary is
 *   always preferred and a dead one costs one failed request per poll.
 * - Each request carries `If-None-Match` with the hash of the supergraph it has, and asks the
 *   registry to hold it open until a new launch is served (`?wait=`, a long-poll), so a publish
 *   reaches the gateway in about a second; a 304 after the wait simply starts the next one.
 *   Without long-polls (`longPollSeconds: 0`) it polls every `pollIntervalMs`, or every
 *   `x-orrery-poll-interval` seconds when the registry asks for slower polls.
 * - A launch id lower than the one it has is never delivered: a lagging replica behind a load
 *   balancer cannot move a gateway backwards.
 * - Failures back off exponentially (capped at the poll interval) with jitter, so a fleet does
 *   not hammer a registry that is coming back.
 *
 * @module
 */
import { Agent, type Dispatcher } from 'undici';
import { createRegistryClient, type SupergraphFetchResult } from './client.js';
import { RegistryApiError } from './errors.js';
import { formatGraphRef, parseGraphRef } from './graph-ref.js';
import type { GraphRef } from './wire.js';

export interface SupergraphPollerOptions {
  /** Registry base URLs (`http://registry:4100`), tried in order. */
  readonly urls: readonly string[];
  /** A gateway key (or any key that may read the variant). */
  readonly key: string;
  /** `graph@variant`. */
  readonly graphRef: string | GraphRef;
  /** Delay between polls when long-polls are off, and the cap of the error backoff (10 s). */
  readonly pollIntervalMs?: number;
  /** How long the registry may hold each request (default 30 s; 0 turns long-polls off). */
  readonly longPollSeconds?: number;
  /** Spread of every delay, as a fraction of it (default 0.2: ±20%). */
  readonly jitter?: number;
  /** Time allowed for one request beyond the long-poll wait (default 10 s). */
  readonly timeoutMs?: number;
  /** The launch the caller already runs (from its cache), so nothing older is delivered. */
  readonly afterLaunchId?: number;
  /** The hash of the supergraph the caller already runs, sent as If-None-Match. */
  readonly currentHash?: string;
  readonly dispatcher?: Dispatcher;
}

/** A supergraph the registry serves, newer than the previous one delivered. */
export interface SupergraphUpdate {
  readonly supergraphSdl: string;
  readonly launchId: number;
  readonly hash: string;
  /** The registry URL that answered. */
  readonly url: string;
}

/** Why a poll failed: every URL was tried; `errors` has one entry per URL. */
export class SupergraphFetchError extends Error {
  readonly code: 'ERR_SUPERGRAPH_FETCH' | 'ERR_UNAUTHORIZED' | 'ERR_NO_LAUNCH';
  override readonly name = 'SupergraphFetchError';
  constructor(
    code: SupergraphFetchError['code'],
    message: string,
    readonly errors: readonly Error[] = [],
  ) {
    super(message);
    this.code = code;
  }
}

export type PollResult =
  | { readonly status: 'updated'; readonly update: SupergraphUpdate }
  | { readonly status: 'unchanged'; readonly pollIntervalMs?: number };

export interface SupergraphPoller {
  /** One poll (no long-poll wait unless `wait` is given): for start-up. */
  poll(options?: { wait?: number; signal?: AbortSignal }): Promise<PollResult>;
  /**
   * Polls until stopped. `onUpdate` gets each newer supergraph; `onError` each failed poll (the
   * loop goes on). The returned promise settles when `stop()` is called.
   */
  run(handlers: {
    onUpdate(update: SupergraphUpdate): void | Promise<void>;
    onError?(error: Error): void;
  }): Promise<void>;
  stop(): void;
  /** The newest launch delivered (or given as `afterLaunchId`). */
  readonly launchId: number;
}

const DEFAULTS = { pollIntervalMs: 10_000, longPollSeconds: 30, jitter: 0.2, timeoutMs: 10_000 };

export function createSupergraphPoller(options: SupergraphPollerOptions): SupergraphPoller {
  if (options.urls.length === 0)
    throw new TypeError('createSupergraphPoller needs at least one registry URL');
  const ref =
    typeof options.graphRef === 'string' ? parseGraphRef(options.graphRef) : options.graphRef;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const longPollSeconds = Math.min(options.longPollSeconds ?? DEFAULTS.longPollSeconds, 60);
  const jitter = options.jitter ?? DEFAULTS.jitter;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  // Long-polls hold a connection per registry; a small pool of our own keeps them off the global one.
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 60_000, connections: 4 });
  const ownsDispatcher = options.dispatcher === undefined;

  let launchId = options.afterLaunchId ?? 0;
  let hash = options.currentHash;
  let stopped = false;
  const controller = new AbortController();
  let wake: (() => void) | undefined;

  const spread = (ms: number): number =>
    Math.max(0, Math.round(ms * (1 + jitter * (Math.random() * 2 - 1))));

  // One client per registry URL, without retries: a failing URL hands over to the next one at
  // once, and the poll loop does its own backoff.
  const clients = new Map(
    options.urls.map((base) => [
      base,
      createRegistryClient({ url: base, key: options.key, retries: 0, timeoutMs, dispatcher }),
    ]),
  );

  const pollUrl = async (base: string, wait: number, signal: AbortSignal): Promise<PollResult> => {
    let result: SupergraphFetchResult;
    try {
      result = await clients.get(base)!.getSupergraph(ref, {
        ifNoneMatch: hash,
        waitSeconds: wait > 0 ? wait : undefined,
        signal,
      });
    } catch (error) {
      if (error instanceof RegistryApiError && (error.status === 401 || error.status === 403)) {
        throw new SupergraphFetchError(
          'ERR_UNAUTHORIZED',
          `${base} refused the key (${error.status}): ${error.message} (${error.code})`,
        );
      }
      if (error instanceof RegistryApiError && error.status === 404) {
        throw new SupergraphFetchError(
          'ERR_NO_LAUNCH',
          `${base} serves no supergraph for ${formatGraphRef(ref)} yet: ${error.message} (${error.code})`,
        );
      }
      throw error;
    }
    const hintMs = result.pollIntervalSeconds ? result.pollIntervalSeconds * 1000 : undefined;
    const unchanged: PollResult = {
      status: 'unchanged',
      ...(hintMs ? { pollIntervalMs: hintMs } : {}),
    };
    if (result.status === 'unchanged') return unchanged;
    if (result.supergraphSdl.trim() === '') throw new Error(`${base} answered an empty supergraph`);
    // A replica that has not seen our launch yet: keep what we have.
    if (result.launchId <= launchId) return unchanged;
    launchId = result.launchId;
    hash = result.hash;
    return {
      status: 'updated',
      update: {
        supergraphSdl: result.supergraphSdl,
        launchId: result.launchId,
        hash: result.hash,
        url: base,
      },
    };
  };

  const poll = async (
    pollOptions: { wait?: number; signal?: AbortSignal } = {},
  ): Promise<PollResult> => {
    const errors: Error[] = [];
    const signal = pollOptions.signal
      ? AbortSignal.any([pollOptions.signal, controller.signal])
      : controller.signal;
    for (const base of options.urls) {
      try {
        return await pollUrl(base, pollOptions.wait ?? 0, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        errors.push(error as Error);
      }
    }
    const first = errors.find((e) => e instanceof SupergraphFetchError) as
      SupergraphFetchError | undefined;
    throw new SupergraphFetchError(
      first?.code ?? 'ERR_SUPERGRAPH_FETCH',
      `No registry answered for ${formatGraphRef(ref)}: ${errors.map((e) => e.message).join('; ')}`,
      errors,
    );
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  return {
    get launchId() {
      return launchId;
    },
    poll,
    async run(handlers) {
      let failures = 0;
      while (!stopped) {
        let delay: number;
        try {
          const result = await poll({ wait: longPollSeconds });
          failures = 0;
          if (result.status === 'updated') await handlers.onUpdate(result.update);
          // After a long-poll, ask again at once (a little jitter spreads a fleet's reconnects).
          delay =
            longPollSeconds > 0 && hash
              ? spread(100)
              : spread(
                  result.status === 'unchanged'
                    ? (result.pollIntervalMs ?? pollIntervalMs)
                    : pollIntervalMs,
                );
        } catch (error) {
          if (stopped) break;
          failures += 1;
          handlers.onError?.(error as Error);
          delay = spread(Math.min(pollIntervalMs, 250 * 2 ** Math.min(failures, 10)));
        }
        if (!stopped) await sleep(delay);
      }
      if (ownsDispatcher) await (dispatcher as Agent).close().catch(() => {});
    },
    stop() {
      stopped = true;
      controller.abort();
      wake?.();
    },
  };
}
