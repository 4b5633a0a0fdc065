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
    ERR_CLI_CONFIG_INVALID: {
      description:
        'A configuration file (such as `supergraph.yaml`) is not valid YAML or does not have the expected shape: no `subgraphs`, a duplicate subgraph name, a subgraph without a schema source, an unsupported `federation_version`, or an undefined `${env.NAME}` variable. The message names the key at fault.',
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_SUBGRAPH_UNREACHABLE: {
      description:
        "A subgraph's schema could not be fetched from its `subgraph_url`: the server did not answer, answered with an HTTP error, or did not return `{ _service { sdl } }`.",
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_REGISTRY_START_FAILED: {
      description:
        '`orrery registry start` could not start: its port is taken or not allowed, or its PGlite data directory is open in another live process (PGlite serves one process; several registries share PostgreSQL) (exit code 2), or its database cannot be reached or opened (exit code 4). The message names the cause; nothing was written.',
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_KEY_MISSING: {
      description:
        'The command needs an API key and has none: `orrery config whoami` found no `--key`, no `ORRERY_KEY` and no `key` in `./orrery.yaml` or the user config file, or `orrery config auth` was given an empty key (no `--key`, nothing on standard input). `orrery config auth` saves a key to the user config file. Exit code 2.',
      raisedBy: ['cli'],
      level: 'error',
    },
    ERR_CLI_OUTPUT_WRITE_FAILED: {
      description:
        'The file named by `--output`, or the user config file `orrery config auth` saves the key to, could not be written (missing folder, no permission, no home folder to put it in).',
      raisedBy: ['cli'],
      level: 'error',
    },
  },
});
