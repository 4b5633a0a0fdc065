/**
 * A registry in its own process, for the multi-process e2e tests: `startRegistry` on the
 * PostgreSQL database in `DATABASE_URL`, a free port, the admin key in `ORRERY_ADMIN_KEY`.
 * Prints one JSON line `{ "url": ... }` once listening; SIGTERM closes it.
 */
import { startRegistry } from '../../src/server.js';

const registry = await startRegistry({
  port: 0,
  ...(process.env['DATABASE_URL'] && { databaseUrl: process.env['DATABASE_URL'] }),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify({ url: registry.url })}\n`);
process.once('SIGTERM', () => {
  registry.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
