/**
 * The managed source: the supergraph an Orrery registry serves for one variant, followed by
 * long-poll (polling as the fallback), with a last-known-good cache on disk.
 *
 * Apollo's router cannot start while its registry is down; this source can. Every supergraph
 * the gateway applies is written to the cache directory (atomically: temp file + rename), and
 * on start, if no registry answers, the cached one (or a fallback file) is served while polling
 * goes on in the background. A cached launch id is sent along, so a registry replica that lags
 * behind the cache cannot move the gateway backwards.
 *
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  createSupergraphPoller,
  formatGraphRef,
  parseGraphRef,
  type SupergraphPoller,
  type SupergraphUpdate,
} from '@orrery/registry-client';
import { SupergraphLoadError } from '../errors.js';
import type { SupergraphListener, SupergraphSource } from './source.js';

export interface ManagedSupergraphOptions {
  /** Registry base URLs, tried in order (`ORRERY_REGISTRY_URL` may hold a comma-separated list). */
  readonly registryUrls: readonly string[];
  /** A gateway key for the variant. */
  readonly key: string;
  /** `graph@variant`. */
  readonly graphRef: string;
  /** Where applied supergraphs are kept; `null` turns the cache off. */
  readonly cacheDir?: string | null;
  /** A supergraph file served when neither the registry nor the cache can provide one. */
  readonly fallbackFile?: string;
  /** Poll interval when long-polls are off, and the cap of the error backoff (10 s). */
  readonly pollIntervalMs?: number;
  /** Seconds the registry may hold each poll (30; 0 turns long-polls off). */
  readonly longPollSeconds?: number;
  /** How long start-up waits for a registry before using the cache (5 s). */
  readonly startTimeoutMs?: number;
  /** Told about failed polls and where the first supergraph came from. */
  readonly log?: (level: 'info' | 'warn', message: string) => void;
}

/** What the cache file holds. */
interface CacheEntry {
  readonly graphRef: string;
  readonly launchId: number;
  readonly hash: string;
  readonly supergraphSdl: string;
  readonly savedAt: string;
}

/** The default cache directory: `$XDG_CACHE_HOME/orrery` or `~/.cache/orrery`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CACHE_HOME'] ?? join(env['HOME'] ?? '.', '.cache');
  return join(base, 'orrery');
}

/** A supergraph followed from an Orrery registry (managed mode). */
export function managedSupergraph(options: ManagedSupergraphOptions): SupergraphSource {
  const ref = parseGraphRef(options.graphRef);
  const refText = formatGraphRef(ref);
  const cacheDir =
    options.cacheDir === null ? null : resolve(options.cacheDir ?? defaultCacheDir());
  const cacheFile = cacheDir ? join(cacheDir, `${ref.graph}@${ref.variant}.supergraph.json`) : null;
  const log = options.log ?? (() => {});
  // SDL -> launch metadata, so `confirm` can cache what the gateway actually applied.
  const pending = new Map<string, { launchId: number; hash: string }>();
  let poller: SupergraphPoller | undefined;
  let running: Promise<void> | undefined;
  // The last cache write, so stop() can let it finish (a stopped gateway leaves a whole file).
  let writing: Promise<void> = Promise.resolve();

  const readCache = async (): Promise<CacheEntry | undefined> => {
    if (!cacheFile) return undefined;
    try {
      const entry = JSON.parse(await readFile(cacheFile, 'utf8')) as CacheEntry;
      if (entry.graphRef !== refText || typeof entry.supergraphSdl !== 'string') return undefined;
      return entry;
    } catch {
      return undefined;
    }
  };

  const writeCache = async (entry: CacheEntry): Promise<void> => {
    if (!cacheDir || !cacheFile) return;
    await mkdir(cacheDir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, cacheFile);
  };

  const remember = (update: SupergraphUpdate): string => {
    pending.set(update.supergraphSdl, { launchId: update.launchId, hash: update.hash });
    return update.supergraphSdl;
  };

  return {
    name: `registry:${refText}`,

    async start(onUpdate: SupergraphListener) {
      const cached = await readCache();
      poller = createSupergraphPoller({
        urls: options.registryUrls,
        key: options.key,
        graphRef: ref,
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        ...(options.longPollSeconds !== undefined
          ? { longPollSeconds: options.longPollSeconds }
          : {}),
        ...(cached ? { afterLaunchId: cached.launchId, currentHash: cached.hash } : {}),
      });

      let first: string | undefined;
      try {
        const result = await poller.poll({
          signal: AbortSignal.timeout(options.startTimeoutMs ?? 5000),
        });
        if (result.status === 'updated') {
          first = remember(result.update);
          log(
            'info',
            `supergraph for ${refText}: launch ${result.update.launchId} from ${result.update.url}`,
          );
        } else if (cached) {
          first = cached.supergraphSdl;
          log(
            'info',
            `supergraph for ${refText}: launch ${cached.launchId} (cached, unchanged in the registry)`,
          );
        }
      } catch (error) {
        if (cached) {
          first = cached.supergraphSdl;
          log(
            'warn',
            `no registry answered (${(error as Error).message}); serving cached launch ${cached.launchId} of ${refText}, saved ${cached.savedAt}`,
          );
        } else if (options.fallbackFile) {
          try {
            first = await readFile(resolve(options.fallbackFile), 'utf8');
            log(
              'warn',
              `no registry answered (${(error as Error).message}); serving the fallback file ${options.fallbackFile}`,
            );
          } catch (fileError) {
            throw new SupergraphLoadError(
              `No registry answered and the fallback file cannot be read: ${(fileError as Error).message}`,
              { cause: error },
            );
          }
        } else {
          throw new SupergraphLoadError(
            `No supergraph for ${refText}: ${(error as Error).message} (and no cached supergraph in ${cacheDir ?? 'a disabled cache'})`,
            { cause: error },
          );
        }
      }
      if (first === undefined) throw new SupergraphLoadError(`No supergraph for ${refText}`);

      const active = poller;
      running = active.run({
        onUpdate: (update) => {
          onUpdate(remember(update));
        },
        onError: (error) => log('warn', `polling ${refText}: ${error.message}`),
      });
      return first;
    },

    confirm(supergraphSdl: string) {
      const meta = pending.get(supergraphSdl);
      pending.clear();
      if (!meta) return;
      writing = writeCache({
        graphRef: refText,
        ...meta,
        supergraphSdl,
        savedAt: new Date().toISOString(),
      }).catch((error: Error) =>
        log('warn', `cannot write the supergraph cache ${cacheFile}: ${error.message}`),
      );
    },

    async stop() {
      poller?.stop();
      await running;
      await writing;
      running = undefined;
    },
  };
}
