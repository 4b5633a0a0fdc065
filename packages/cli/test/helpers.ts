import type { CliIo } from '../src/index.js';

/** An in-memory CliIo: what a command printed, for assertions. */
export function memoryIo(
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    readStdin: async () => options.stdin ?? '',
  };
  return {
    io,
    get stdout() {
      return out.join('');
    },
    get stderr() {
      return err.join('');
    },
  };
}
