import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';

/** The longest usage retention the flag accepts: ten years. */
export const MAX_USAGE_RETENTION_DAYS = 3_650;

/**
 * Days of usage the registry keeps, from `--usage-retention-days` or else
 * `ORRERY_USAGE_RETENTION_DAYS`; `undefined` leaves the registry's default (30). A usage error
 * (exit 2) for anything but a whole number of days from 1 to {@link MAX_USAGE_RETENTION_DAYS}.
 */
export function readUsageRetentionDays(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const fromEnv = env['ORRERY_USAGE_RETENTION_DAYS'];
  const raw = flag ?? (fromEnv === '' ? undefined : fromEnv);
  if (raw === undefined) return undefined;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days < 1 || days > MAX_USAGE_RETENTION_DAYS) {
    const source = flag === undefined ? 'ORRERY_USAGE_RETENTION_DAYS' : '--usage-retention-days';
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      `${source} must be a whole number of days from 1 to ${MAX_USAGE_RETENTION_DAYS}, not "${raw}"`,
      EXIT.USAGE,
    );
  }
  return days;
}
