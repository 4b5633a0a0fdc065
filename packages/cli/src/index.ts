/**
 * `@orrery/cli`: the `orrery` command line, also usable in-process (`runCli`) by tests and tools.
 */

// Running the CLI
export { runCli } from './run-cli.js';
export { processIo } from './lib/io.js';
export { CliError } from './lib/errors.js';
export { COMMANDS } from './commands/index.js';
export { cliVersion } from './version.js';

export type { CliIo } from './lib/io.js';
export type { Command } from './lib/command.js';
