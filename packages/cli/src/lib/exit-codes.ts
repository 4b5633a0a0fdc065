/**
 * The exit codes of `orrery`, documented in docs/cli.md. Scripts and CI branch on them, so they
 * never change meaning.
 */
export const EXIT = {
  /** The command did what was asked. */
  OK: 0,
  /** The work failed: composition or a check failed, a file could not be read, not found... */
  FAILED: 1,
  /** The command line is wrong: unknown option, missing argument, bad graph ref. */
  USAGE: 2,
  /** The registry refused the key: none given, unknown, revoked (401), or not allowed (403). */
  AUTH: 3,
  /** The registry (or a subgraph) could not be reached, timed out, or is unavailable (503). */
  NETWORK: 4,
  /** A bug in orrery: please report it. */
  INTERNAL: 70,
} as const;
