import { defineCodeTable } from '../code-table.js';

/** Codes raised by the `orrery` command line itself (argument and input handling). */
export const CLI_CODES = defineCodeTable({
  title: 'CLI',
  summary:
    'Raised by the `orrery` command line before any work starts. The CLI prints the code with a one-line message and exits non-zero; it never prints a stack trace for these.',
  codes: {
    ERR_CLI_UNKNOWN_COMMAND: {
      description:
        'The command is not one `orrery` knows. `orrery --help` lists the commands; a close match is suggested when there is one.',
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_INVALID_ARGUMENT: {
      description:
        "An option is unknown, is missing its value, or has a value of the wrong form. The message names the option and the command's `--help` shows its usage.",
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_INPUT_NOT_FOUND: {
      description:
        'A file named on the command line (a config, a schema, an operation) does not exist or cannot be read.',
      raisedBy: ['cli'],
      level: 'error',
    },
  },
});
