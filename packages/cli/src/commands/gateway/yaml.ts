/**
 * Reading values out of `gateway.yaml`: each reader checks one kind of value and reports a
 * problem as one `ERR_CLI_CONFIG_INVALID` line naming the key (`where`) at fault.
 *
 * @module
 */
import { CliError } from '../../lib/errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function invalid(where: string, problem: string): never {
  throw new CliError('ERR_CLI_CONFIG_INVALID', `${where}: ${problem}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string with `${env.NAME}` expanded. */
export function str(value: unknown, env: Env, where: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    invalid(where, 'must be a non-empty string');
  return value.replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) invalid(where, `environment variable ${name} is not set`);
    return found;
  });
}

export function int(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid(where, 'must be a positive integer');
  }
  return value;
}

export function bool(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') invalid(where, 'must be true or false');
  return value;
}

/** Refuses keys of `record` not in `keys`. */
export function only(
  record: Record<string, unknown>,
  keys: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(record)) {
    if (!keys.includes(key))
      invalid(`${where}.${key}`, `unknown key (expected one of ${keys.join(', ')})`);
  }
}

const DURATION = /^(\d+)\s*(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** A positive duration in ms: a number of ms, or text like `500ms`, `5s`, `1m`. */
export function duration(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return int(value, where);
  const match = typeof value === 'string' ? DURATION.exec(value.trim()) : null;
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  if (!(ms >= 1)) invalid(where, 'must be a duration like 500ms, 5s or 1m (or a number of ms)');
  return ms;
}
