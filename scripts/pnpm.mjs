#!/usr/bin/env node
/**
 * Bootstraps pnpm with nothing but Node and npm, then runs it.
 *
 * Why not corepack: its signature check fails against the package registry these machines use
 * ("No compatible signature found"), and `npx pnpm` inside a folder with a `packageManager` field
 * goes through the same check. So the pinned version from `packageManager` is installed once with
 * npm into `.tools/pnpm-<version>` (git-ignored) and run from there with the current Node.
 *
 * Usage: `node scripts/pnpm.mjs <pnpm args...>`, or import { ensurePnpm, pnpm }.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function pinnedVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(pkg.packageManager ?? '');
  if (!match) throw new Error('package.json must pin "packageManager": "pnpm@x.y.z"');
  return match[1];
}

/**
 * A folder with a `pnpm` shim, put first on PATH for everything run through pnpm: turbo and
 * scripts that call `pnpm` by name then find the pinned one.
 */
const shimDir = join(root, '.tools', 'bin');

/** Environment for every pnpm run: never let pnpm or corepack try to switch versions. */
export const pnpmEnv = {
  ...process.env,
  PATH: `${shimDir}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
  COREPACK_ENABLE_STRICT: '0',
  COREPACK_INTEGRITY_KEYS: '0',
  npm_config_manage_package_manager_versions: 'false',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

/** Returns the path of the pinned pnpm's entry script, installing it first if needed. */
export function ensurePnpm() {
  const version = pinnedVersion();
  const dir = join(root, '.tools', `pnpm-${version}`);
  const bin = join(dir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (!existsSync(bin)) installPnpm(version, dir, bin);
  writeShim(bin);
  return bin;
}

function writeShim(bin) {
  mkdirSync(shimDir, { recursive: true });
  const shim = join(shimDir, 'pnpm');
  const content = `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`;
  if (!existsSync(shim) || readFileSync(shim, 'utf8') !== content) {
    writeFileSync(shim, content);
    chmodSync(shim, 0o755);
  }
  if (process.platform === 'win32') {
    writeFileSync(join(shimDir, 'pnpm.cmd'), `@"${process.execPath}" "${bin}" %*\r\n`);
  }
}

function installPnpm(version, dir, bin) {
  mkdirSync(dir, { recursive: true });
  console.log(`[orrery] installing pnpm ${version} into .tools/ (once)`);
  // npm itself: prefer the npm that launched us (npm_execpath), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const args = [
    'install',
    '--prefix',
    dir,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${version}`,
  ];
  const result =
    npmCli && npmCli.endsWith('.js')
      ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit', cwd: dir })
      : spawnSync('npm', args, { stdio: 'inherit', cwd: dir, shell: process.platform === 'win32' });
  if (result.status !== 0 || !existsSync(bin)) {
    throw new Error(`could not install pnpm ${version} with npm (exit ${result.status})`);
  }
}

/** Runs pnpm with the given arguments from the repository root; returns the exit status. */
export function pnpm(args, options = {}) {
  const bin = ensurePnpm();
  const result = spawnSync(process.execPath, [bin, ...args], {
    stdio: 'inherit',
    cwd: root,
    env: pnpmEnv,
    ...options,
  });
  return result.status ?? 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(pnpm(process.argv.slice(2)));
}
