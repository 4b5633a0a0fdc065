/**
 * Maps a position in a built bundle back to its `src/` file and line, for the profilers'
 * hot-function lists. Uses Node's own source-map decoder (`node:module`'s `SourceMap`).
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

/**
 * Loads `<distFile>.map` and returns `(line, column) -> "src/file.ts:line"` (0-based inputs, as
 * V8 profiles give them), or a function returning undefined when there is no map.
 */
export function loadSourceMap(distFile) {
  let map;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${distFile}.map`, 'utf8')));
  } catch {
    return () => undefined;
  }
  const root = dirname(distFile);
  return (line, column) => {
    const entry = map.findEntry(line, column);
    if (!entry || entry.originalSource === undefined) return undefined;
    const source = entry.originalSource.startsWith('file:')
      ? new URL(entry.originalSource).pathname
      : resolve(root, entry.originalSource);
    return `${relative(process.cwd(), source)}:${entry.originalLine + 1}`;
  };
}
