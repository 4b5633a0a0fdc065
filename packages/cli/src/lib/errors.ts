import type { ErrorCode } from '@orrery/core';

/**
 * An error the CLI reports as one line (`CODE message`) with a non-zero exit, never as a stack
 * trace: bad arguments, unreadable files, failed compositions.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The process exit code: 2 for usage errors, 1 for everything else. */
    readonly exitCode: number = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
