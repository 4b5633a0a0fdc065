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
}

/** The real terminal. */
export function processIo(): CliIo {
  return {
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
