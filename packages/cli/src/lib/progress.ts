import type { CliIo } from './io.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressOptions {
  /** Show the line only once the work has taken this long (ms). Default 1000. */
  readonly delayMs?: number;
  /** Redraw interval (ms). Default 80. */
  readonly frameMs?: number;
}

/**
 * Runs `work` and, if it takes longer than a second, shows `label` with a spinner on stderr
 * until it ends. Only on a terminal: a pipe or a CI log gets nothing (no `\r` soup), and
 * stdout is never touched, so `--format json` output stays clean.
 */
export async function withProgress<T>(
  io: CliIo,
  label: string,
  work: () => Promise<T>,
  options: ProgressOptions = {},
): Promise<T> {
  if (!io.stderrIsTTY) return work();
  let frame = 0;
  let shown = false;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    shown = true;
    io.stderr(`\r${FRAMES[frame++ % FRAMES.length]} ${label}\x1b[K`);
  };
  const start = setTimeout(() => {
    draw();
    ticker = setInterval(draw, options.frameMs ?? 80);
    ticker.unref?.();
  }, options.delayMs ?? 1000);
  start.unref?.();
  try {
    return await work();
  } finally {
    clearTimeout(start);
    if (ticker) clearInterval(ticker);
    // Erase the line so the command's own output starts at column 0.
    if (shown) io.stderr('\r\x1b[K');
  }
}
