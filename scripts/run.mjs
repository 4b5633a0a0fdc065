#!/usr/bin/env node
/**
 * The two Quick start commands, `npm test` and `npm run demo`, on a machine with only Node and npm.
 *
 *   node scripts/run.mjs test   install, build, check generated docs, lint, typecheck, run every test
 *   node scripts/run.mjs demo   install, build, start the demo stack (apps/demo)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const step = (title, args) => {
  console.log(`\n[orrery] ${title}: pnpm ${args.join(' ')}`);
  const status = pnpm(args);
  if (status !== 0) {
    console.error(`[orrery] ${title} failed (exit ${status})`);
    process.exit(status);
  }
};

function setUp() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 18)) {
    console.error(`[orrery] Node >= 20.18 is required (this is ${process.versions.node}).`);
    process.exit(1);
  }
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  step('install', ['install', '--reporter=append-only', ...frozen]);
  step('build', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}

function test() {
  setUp();
  step('generated docs are current', ['run', 'docs:errors:check']);
  step('formatting', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']);
  step('lint', ['exec', 'eslint', '.', '--max-warnings=0']);
  step('typecheck', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']);
  const report = join(root, 'node_modules', '.cache', 'orrery-vitest.json');
  rmSync(report, { force: true });
  console.log('\n[orrery] tests: vitest run (projects unit, e2e)');
  const status = pnpm([
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    // A plain closing line that any CI log reader understands.
    console.log(
      `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
    );
    if (r.numTotalTests === 0) {
      console.error('[orrery] no test ran: that is a failure, not a pass');
      process.exit(1);
    }
  }
  process.exit(status);
}

function demo() {
  setUp();
  if (!existsSync(join(root, 'apps', 'demo', 'package.json'))) {
    console.log(
      '\n[orrery] The demo stack (apps/demo) is not built yet: it lands with the demo issue.\n' +
        'What works today: the `orrery` CLI (try `node_modules/.bin/orrery --help`).',
    );
    return;
  }
  process.exit(pnpm(['--filter', '@orrery/demo', 'run', 'start', ...process.argv.slice(3)]));
}

const command = process.argv[2];
if (command === 'test') test();
else if (command === 'demo') demo();
else {
  console.error('usage: node scripts/run.mjs test|demo');
  process.exit(2);
}
