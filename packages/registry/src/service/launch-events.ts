import { EventEmitter } from 'node:events';
import { formatGraphRef, type GraphRef } from '@orrery/registry-client';
import type { Storage, Unlisten } from '../storage/types.js';
import { LAUNCH_CHANNEL, type LaunchNotice } from './launch.js';

/**
 * Launch announcements, in process: every launch's `pg_notify` (made in its transaction, so
 * delivered on commit) comes back through `storage.listen`, whichever process made it, and is
 * re-emitted per variant. Long-polling gateways wait on it.
 */
export interface LaunchEvents {
  /** Resolves the served launch id once it exceeds `after`; see `RegistryService.waitForLaunch`. */
  wait(
    ref: GraphRef,
    after: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    readServed: () => Promise<number | undefined>,
  ): Promise<number | null>;
  close(): Promise<void>;
}

export function createLaunchEvents(storage: Storage): LaunchEvents {
  const emitter = new EventEmitter();
  // One listener per waiting request: thousands of long-polls are normal, not a leak.
  emitter.setMaxListeners(0);
  const listening: Promise<Unlisten> = storage.listen(LAUNCH_CHANNEL, (payload) => {
    let notice: LaunchNotice;
    try {
      notice = JSON.parse(payload) as LaunchNotice;
    } catch {
      return;
    }
    if (notice.servedLaunchId === null) return;
    emitter.emit(formatGraphRef(notice), notice.servedLaunchId);
  });
  // Surfaced by the first wait; an unhandled rejection here would crash the process.
  listening.catch(() => undefined);

  return {
    async wait(ref, after, timeoutMs, signal, readServed) {
      await listening;
      if (signal?.aborted) return null;
      const key = formatGraphRef(ref);
      return new Promise<number | null>((resolve, reject) => {
        let settled = false;
        const finish = (value: number | null, error?: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          emitter.off(key, onLaunch);
          signal?.removeEventListener('abort', onAbort);
          if (error === undefined) resolve(value);
          else reject(error);
        };
        const onLaunch = (served: number) => {
          if (served > after) finish(served);
        };
        const onAbort = () => finish(null);
        const timer = setTimeout(() => finish(null), Math.max(0, timeoutMs));
        emitter.on(key, onLaunch);
        signal?.addEventListener('abort', onAbort, { once: true });
        // Subscribed first, read second: a launch committed in between is seen by one or the other.
        readServed().then(
          (served) => {
            if (served !== undefined && served > after) finish(served);
          },
          (error: unknown) => finish(null, error),
        );
      });
    },
    async close() {
      emitter.removeAllListeners();
      const unlisten = await listening.catch(() => undefined);
      await unlisten?.();
    },
  };
}
