import type { Options } from 'tsup';

/**
 * The build every package shares: one entry (`src/index.ts`), ESM with type declarations,
 * dependencies left external. A package's own `tsup.config.ts` calls this in a few lines and
 * adds only what differs (a CLI's `bin` entry, say).
 */
export function baseConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'neutral',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
