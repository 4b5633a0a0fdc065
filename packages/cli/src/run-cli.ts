import { COMMANDS } from './commands/index.js';
import type { Command } from './lib/command.js';
import { CliError } from './lib/errors.js';
import type { CliIo } from './lib/io.js';
import { cliVersion } from './version.js';

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(12, ...commands.map((c) => c.path.join(' ').length)) + 2;
  const list = commands.length
    ? commands.map((c) => `  ${c.path.join(' ').padEnd(width)}${c.summary}`).join('\n')
    : '  (none yet)';
  return `orrery ${cliVersion()}: managed GraphQL federation, self-hosted

Usage:
  orrery <command> [options]
  orrery <command> --help     help for one command

Commands:
${list}

Options:
  -h, --help      show this help
  -v, --version   print the version
`;
}

/** Finds the command whose path is the longest prefix of `argv`. */
function findCommand(commands: readonly Command[], argv: readonly string[]) {
  let best: Command | undefined;
  for (const command of commands) {
    if (command.path.every((word, i) => argv[i] === word)) {
      if (!best || command.path.length > best.path.length) best = command;
    }
  }
  return best;
}

/** Levenshtein distance, for "did you mean" on unknown commands. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/**
 * Runs `orrery` with the given arguments and resolves to the process exit code. Every error a
 * user can cause is printed as `CODE message` on stderr; only programmer errors show a stack.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  try {
    const [first] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      io.stdout(mainHelp(commands));
      return 0;
    }
    if (first === '-v' || first === '--version' || first === 'version') {
      io.stdout(`${cliVersion()}\n`);
      return 0;
    }
    const command = findCommand(commands, argv);
    if (!command) {
      const typed = argv
        .filter((a) => !a.startsWith('-'))
        .slice(0, 2)
        .join(' ');
      const names = commands.map((c) => c.path.join(' '));
      const close = names.filter((n) => distance(n, typed) <= Math.max(2, typed.length / 3));
      const hint = close.length ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
      throw new CliError(
        'ERR_CLI_UNKNOWN_COMMAND',
        `unknown command "${typed}".${hint} Run "orrery --help" for the list of commands.`,
        2,
      );
    }
    const rest = argv.slice(command.path.length);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.code} ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
