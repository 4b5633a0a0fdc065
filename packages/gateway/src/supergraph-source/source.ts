/**
 * Where a gateway's supergraph comes from. Every source implements {@link SupergraphSource}
 * and passes the same contract suite (`test/supergraph-source.contract.ts`).
 *
 * @module
 */

/** Called with each new supergraph after the first; a rejected update keeps the old one. */
export type SupergraphListener = (supergraphSdl: string) => void;

/** A supergraph source: a file, a list of subgraphs to compose, a registry. */
export interface SupergraphSource {
  /** For logs and errors: `file:./supergraph.graphql`, `services:3`. */
  readonly name: string;
  /**
   * Loads the first supergraph (rejecting with a `SupergraphLoadError` when it cannot) and
   * starts watching for new ones, passed to `onUpdate`.
   */
  start(onUpdate: SupergraphListener): Promise<string>;
  /** Stops watching; no `onUpdate` call happens after the returned promise resolves. */
  stop(): Promise<void>;
  /**
   * Called by the gateway each time a supergraph from this source was loaded and is serving
   * (the first one and every accepted update), never for one it rejected: the managed source
   * caches only what actually served.
   */
  confirm?(supergraphSdl: string): void;
}

/** A source for a supergraph SDL held in memory (no updates). */
export function staticSupergraph(supergraphSdl: string): SupergraphSource {
  return {
    name: 'static',
    start: () => Promise.resolve(supergraphSdl),
    stop: () => Promise.resolve(),
  };
}
