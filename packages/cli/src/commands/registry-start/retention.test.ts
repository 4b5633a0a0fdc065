import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../index.js';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { runCli } from '../../run-cli.js';
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

  it('is an option of orrery registry start, checked before anything starts', async () => {
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: (text) => void err.push(text),
      cwd: process.cwd(),
      env: { ORRERY_USAGE_RETENTION_DAYS: '30' },
      readStdin: async () => '',
    };
    const code = await runCli(['registry', 'start', '--usage-retention-days', 'forever'], io);
    expect(code).toBe(EXIT.USAGE);
    expect(err.join('')).toContain('--usage-retention-days must be a whole number of days');
    expect(
      await runCli(['registry', 'start', '--help'], { ...io, stdout: (t) => void err.push(t) }),
    ).toBe(0);
    expect(err.join('')).toContain('--usage-retention-days <n>');
  });
});
