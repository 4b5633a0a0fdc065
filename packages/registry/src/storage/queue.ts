/**
 * Runs async tasks one at a time, in the order they were queued: PGlite has a single connection,
 * and a transaction must not interleave with another's statements on it.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // The next task waits for this one to settle, whatever its outcome.
    tail = run.catch(() => undefined);
    return run;
  };
}
