#!/usr/bin/env node
/**
 * The registry under benchmark, in its own process: the built `@orrery/registry`
 * (`packages/registry/dist`) started with `startRegistry` on PGlite in `--data-dir` or on
 * PostgreSQL at `--database-url`, rate limiting off (200 pollers share one key). Prints one JSON
 * line `{ url, adminKey }` once listening; SIGTERM closes it.
 *
 * apps/bench does not depend on @orrery/registry (its package.json stays as it is), so the
 * built package is imported by path.
 */
import { parseArgs } from 'node:util';

const { startRegistry } = await import('../../../packages/registry/dist/index.js');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'delivery-cache-ms': { type: 'string' },
  },
});

const registry = await startRegistry({
  port: Number(values.port),
  env: {},
  rateLimit: false,
  ...(values['delivery-cache-ms'] ? { deliveryCacheMs: Number(values['delivery-cache-ms']) } : {}),
  ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify({ url: registry.url, adminKey: registry.adminKey })}\n`);
process.once('SIGTERM', () => {
  registry.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
