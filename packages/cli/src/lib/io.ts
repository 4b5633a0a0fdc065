import { createInterface } from 'node:readline/promises';

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
      } finally {
        rl.close();
      }
    },
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
