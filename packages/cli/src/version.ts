import { createRequire } from 'node:module';

/** The CLI's own version, read from its package.json (one level above both src/ and dist/). */
export function cliVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}
