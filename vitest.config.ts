import { defineConfig } from 'vitest/config';

/**
 * One vitest config for the whole workspace, with two projects:
 * - `unit`: `*.test.ts` beside the code or under a package's `test/`; pure, fast, no processes.
 * - `e2e`: `*.e2e.ts`; real servers, real PostgreSQL, real child processes.
 *
 * Workspace packages resolve to their TypeScript sources through the `source` export condition,
 * so tests never run against a stale `dist/`.
 */
const shared = {
  resolve: { conditions: ['source'] },
  // Vite resolves imports of the `node` test environment with the SSR conditions, not the ones
  // above: without this, workspace packages silently resolved to their (possibly stale) dist.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['{packages,apps,internal}/*/{src,test}/**/*.test.ts'],
          environment: 'node',
          restoreMocks: true,
          // Oracle suites compose dozens of graphs with Apollo in beforeAll; on a loaded 2-core
          // CI machine that can take well over vitest's 10 s default. Generous limits, not
          // timing assertions.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          include: ['{packages,apps,internal}/*/{src,test,e2e}/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // e2e suites start servers on fixed ports and share one database.
          fileParallelism: false,
        },
      },
    ],
  },
});
