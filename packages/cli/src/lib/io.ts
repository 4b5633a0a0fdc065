import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * Where a command writes. Commands never touch `process.stdout` directly, so tests run them
 * in-process and read what they printed.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
  /** Environment variables (ORRERY_* settings). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read whole, for commands that accept `-`. */
  readStdin(): Promise<string>;
  /** Whether standard output is a terminal (colour, tables). Absent means no. */
  readonly stdoutIsTTY?: boolean;
  /** Whether standard error is a terminal (progress lines). Absent means no. */
  readonly stderrIsTTY?: boolean;
  /** Whether standard input is a terminal (confirmation prompts). Absent means no. */
  readonly stdinIsTTY?: boolean;
  /** Asks a question on the terminal and resolves to the line typed (prompts only on a TTY). */
  prompt?(question: string): Promise<string>;
  /** As `prompt`, without echoing what is typed (an API key). */
  promptSecret?(question: string): Promise<string>;
}

/**
 * Reads a line from the terminal without showing it: readline still edits the line, but its
 * echo goes to a sink instead of the terminal. The question goes to stderr, as `prompt`'s does.
 * Ctrl-C restores the terminal and then ends the process as an interrupt would; Ctrl-D on an
 * empty line answers nothing.
 */
async function promptSecret(question: string): Promise<string> {
  process.stderr.write(question);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true });
  rl.on('SIGINT', () => {
    rl.close();
    process.stderr.write('\n');
    process.kill(process.pid, 'SIGINT');
  });
  try {
    return await rl.question('');
  } catch (error) {
    // Ctrl-D on an empty line ends the input: an empty answer, which the command reports.
    if ((error as { code?: unknown }).code === 'ABORT_ERR') return '';
    throw error;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** The real terminal. */
export function processIo(): CliIo {
  return {
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    prompt: async (question) => {
      // The question goes to stderr so that stdout stays clean for --format json and pipes.
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } catch (error) {
        // Ctrl-D ends the input: no answer, which a y/N confirmation takes as no.
        if ((error as { code?: unknown }).code === 'ABORT_ERR') return '';
        throw error;
      } finally {
        rl.close();
      }
    },
    promptSecret,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
