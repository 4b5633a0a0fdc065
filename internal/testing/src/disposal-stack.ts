/** Something a test starts and must stop: a server, a gateway, a temp directory. */
export type Disposer = () => unknown;

/**
 * Cleanup in reverse order of setup, like `AsyncDisposableStack`: `defer` registers a callback,
 * `use` registers an object with a `close`/`stop`/`dispose` method, and `disposeAll` runs them
 * last-in first-out, always all of them, throwing an `AggregateError` if any failed.
 *
 * @example
 * const stack = createDisposalStack();
 * afterAll(() => stack.disposeAll());
 * const server = stack.use(await startSubgraphServer(...));
 */
export interface DisposalStack {
  defer(disposer: Disposer): void;
  use<T extends Closeable>(resource: T): T;
  disposeAll(): Promise<void>;
  readonly size: number;
}

/** An object `DisposalStack.use` knows how to clean up. */
export type Closeable = { close(): unknown } | { stop(): unknown } | { dispose(): unknown };

export function createDisposalStack(): DisposalStack {
  const disposers: Disposer[] = [];
  return {
    defer(disposer) {
      disposers.push(disposer);
    },
    use(resource) {
      if ('close' in resource) disposers.push(() => resource.close());
      else if ('stop' in resource) disposers.push(() => resource.stop());
      else disposers.push(() => resource.dispose());
      return resource;
    },
    async disposeAll() {
      const errors: unknown[] = [];
      for (let disposer = disposers.pop(); disposer; disposer = disposers.pop()) {
        try {
          await disposer();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw new AggregateError(errors, 'cleanup failed');
    },
    get size() {
      return disposers.length;
    },
  };
}
