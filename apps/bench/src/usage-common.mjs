/**
 * What the parts of the usage bench (`usage.mjs`) share: processes (spawn pinned, re-pin, stop,
 * CPU time), the registry process (`registry-server.mjs`, the built `@orrery/registry`), a fresh
 * PostgreSQL database, and number formatting.
 *
 * `undici` and `pg` are not dependencies of apps/bench (its package.json stays as it is): both
 * are resolved from `@orrery/registry`, which depends on them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quantile } from './load-generator.mjs';

const requireFromRegistry = createRequire(
  new URL('../../../packages/registry/package.json', import.meta.url),
);
const importFromRegistry = async (name) =>
  import(pathToFileURL(requireFromRegistry.resolve(name)).href);

export const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const log = (message) => console.error(`[usage bench] ${message}`);

/**
 * Spawns `node script ...args`, pinned to `core` with `taskset` when `pin` (taskset execs node,
 * so the child's pid is node's). Resolves with the child once a stdout line passes `ready`, and
 * with what `ready` returned; stdin stays open (the gateway server reads `stop` from it).
 */
export function startNode(script, args, { core, pin, ready, env = {} }) {
  const command = pin ? 'taskset' : process.execPath;
  const argv = pin ? ['-c', String(core), process.execPath, script, ...args] : [script, ...args];
  const child = spawn(command, argv, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  const lines = [];
  let buffered = '';
  const waiters = [];
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const waiter of [...waiters]) waiter(line);
    }
  });
  /** The first stdout line (already printed or to come) that `match` accepts (returns non-undefined). */
  const waitForLine = (match, label) =>
    new Promise((resolve, reject) => {
      for (const line of lines) {
        const value = match(line);
        if (value !== undefined) return resolve(value);
      }
      const onExit = (code) => reject(new Error(`${script} exited (${code}) before ${label}`));
      const waiter = (line) => {
        const value = match(line);
        if (value === undefined) return;
        waiters.splice(waiters.indexOf(waiter), 1);
        child.off('exit', onExit);
        resolve(value);
      };
      waiters.push(waiter);
      child.once('exit', onExit);
    });
  return waitForLine(ready, 'being ready').then((value) => ({ child, value, waitForLine }));
}

/** Moves a running process (all its threads) to `core` (Linux `taskset`); no-op when not pinning. */
export function pinProcess(pid, core, pin) {
  if (pin) spawnSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child exited. */
export function stopChild(child, graceMs = 5000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** CPU seconds (user + system) a process has used so far (Linux), NaN if unreadable. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average (Linux), for the record: the figures depend on it. */
export function loadAverage() {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/**
 * A registry (`registry-server.mjs`, rate limit off) on PGlite in `dataDir` or on PostgreSQL at
 * `databaseUrl`, in its own process on `core`. Resolves with `{ child, url, adminKey }`.
 */
export async function startRegistryProcess({ dataDir, databaseUrl, core, pin }) {
  const args = databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir];
  const { child, value } = await startNode(here('./registry-server.mjs'), args, {
    core,
    pin,
    ready: (line) => {
      try {
        return JSON.parse(line);
      } catch {
        return undefined;
      }
    },
  });
  if (!value.adminKey) {
    await stopChild(child);
    throw new Error('use a fresh database: the registry already had keys');
  }
  return { child, url: value.url, adminKey: value.adminKey };
}

/**
 * Creates a database with a fresh name on the server `adminUrl` points to, and returns its URL
 * and a `drop()`. Throws when the server cannot be reached.
 */
export async function freshPostgresDatabase(adminUrl) {
  const pg = (await importFromRegistry('pg')).default;
  const name = `orrery_bench_usage_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** count, p50, p95, p99, max and mean of durations (ms). */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

export const fmt = (value, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : 'n/a';

/** A Markdown table on stdout (first column left-aligned, the others right-aligned). */
export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  );
  for (const row of rows) console.log(line(row));
}
