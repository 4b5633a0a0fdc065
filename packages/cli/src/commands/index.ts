import type { Command } from '../lib/command.js';

/**
 * Every command of `orrery`, in the order `--help` lists them. Later issues add one folder per
 * command under `src/commands/` and one line here.
 */
export const COMMANDS: readonly Command[] = [];
