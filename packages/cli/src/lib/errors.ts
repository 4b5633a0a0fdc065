import type { ErrorCode } from '@orrery/core';
import type { RegistryClientErrorCode } from '@orrery/registry-client';

/**
 * The codes a CLI error carries: the CLI's own (from the error-code registry in
 * `@orrery/core`), or, for registry commands, the registry API's code or the client's
 * (`UNAUTHENTICATED`, `ERR_NETWORK`...), passed through unchanged so scripts can branch on them.
 */
export type CliErrorCode = ErrorCode | RegistryClientErrorCode;

/**
 * An error the CLI reports as one line (`CODE message`) with a non-zero exit, never as a stack
 * trace: bad arguments, unreadable files, failed compositions, registry errors.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    /** The process exit code (see `exit-codes.ts`): 2 for usage errors, 1 by default. */
    readonly exitCode: number = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
