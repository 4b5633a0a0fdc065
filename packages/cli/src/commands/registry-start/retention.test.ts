import { describe, expect, it } from 'vitest';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { readUsageRetentionDays } from './retention.js';

describe('registry start --usage-retention-days', () => {
  it('takes the flag, else the environment, else leaves the default', () => {
    expect(readUsageRetentionDays('7', { ORRERY_USAGE_RETENTION_DAYS: '90' })).toBe(7);
    expect(readUsageRetentionDays(undefined, { ORRERY_USAGE_RETENTION_DAYS: '90' })).toBe(90);
    expect(readUsageRetentionDays(undefined, { ORRERY_USAGE_RETENTION_DAYS: '' })).toBeUndefined();
    expect(readUsageRetentionDays(undefined, {})).toBeUndefined();
  });

  it('refuses anything but whole days from 1 to 3650, naming where the value came from', () => {
    for (const bad of ['0', '-1', '1.5', 'week', '3651', '']) {
      let error: unknown;
      try {
        readUsageRetentionDays(bad, {});
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({ code: 'ERR_CLI_INVALID_ARGUMENT', exitCode: EXIT.USAGE });
      expect((error as Error).message).toContain('--usage-retention-days');
    }
    expect(() => readUsageRetentionDays(undefined, { ORRERY_USAGE_RETENTION_DAYS: 'x' })).toThrow(
      /ORRERY_USAGE_RETENTION_DAYS must be a whole number/,
    );
  });
});
