#!/usr/bin/env node
/**
 * Writes docs/errors.md from the error-code registry (the built @orrery/core).
 * With --check, writes nothing and exits 1 when the committed file is stale (CI runs this).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, '..', '..', '..', 'docs', 'errors.md');
const { renderErrorCodesMarkdown } = await import(join(here, '..', 'dist', 'index.js'));

const next = renderErrorCodesMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current !== next) {
    console.error(
      'docs/errors.md is stale: run `npm run docs:errors` (after a build) and commit it.',
    );
    process.exit(1);
  }
  console.log('docs/errors.md is up to date.');
} else {
  writeFileSync(target, next);
  console.log(`wrote ${target}`);
}
