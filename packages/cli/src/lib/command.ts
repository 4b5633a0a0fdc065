import type { CliIo } from './io.js';

/**
 * One CLI command. Each lives in its own folder under `src/commands/` and is listed in
 * `src/commands/index.ts`. `path` is the words that name it (`['supergraph', 'compose']`).
 */
export interface Command {
  readonly path: readonly string[];
  /** One line for `orrery --help`. */
  readonly summary: string;
  /** The full text of `orrery <command> --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its path; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
