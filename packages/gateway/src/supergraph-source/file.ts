/**
 * A supergraph read from a file, optionally watched: when the file's content changes, the new
 * SDL is handed to the gateway (which rejects it and keeps the old one if it does not load).
 * Watching polls the file's stat (`fs.watchFile`): slower to notice than `fs.watch`, but it
 * works the same on every platform, in containers and over network mounts, and survives editors
 * that replace the file instead of writing it.
 *
 * @module
 */
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SupergraphLoadError } from '../errors.js';
import type { SupergraphListener, SupergraphSource } from './source.js';

export interface FileSupergraphOptions {
  /** Reload when the file changes (default false). */
  readonly watch?: boolean;
  /** How often the file is checked when watching, in ms (default 500). */
  readonly intervalMs?: number;
}

/** A supergraph SDL file. */
export function fileSupergraph(
  path: string,
  options: FileSupergraphOptions = {},
): SupergraphSource {
  const file = resolve(path);
  let last: string | undefined;
  let watching = false;
  let stopped = false;

  const read = async (): Promise<string> => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new SupergraphLoadError(
        `Cannot read the supergraph file ${file}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };

  return {
    name: `file:${path}`,
    async start(onUpdate: SupergraphListener) {
      last = await read();
      if (options.watch) {
        watching = true;
        watchFile(file, { interval: options.intervalMs ?? 500, persistent: false }, () => {
          read().then(
            (sdl) => {
              // An empty read is a writer mid-way through replacing the file: wait for the next.
              if (stopped || sdl === last || sdl.trim() === '') return;
              last = sdl;
              onUpdate(sdl);
            },
            () => {
              // A file briefly missing during an atomic replace: the next change reloads it.
            },
          );
        });
      }
      return last;
    },
    async stop() {
      stopped = true;
      if (watching) unwatchFile(file);
      watching = false;
    },
  };
}
