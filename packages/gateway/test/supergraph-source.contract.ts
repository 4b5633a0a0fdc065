/**
 * The contract every supergraph source passes: run by each source's own test file with a
 * harness that can change what the source reads.
 */
import { tryCreateQueryPlanner } from '@orrery/query-planner';
import { afterEach, describe, expect, it } from 'vitest';
import { SupergraphLoadError, type SupergraphSource } from '../src/index.js';

export interface SourceHarness {
  readonly source: SupergraphSource;
  /** Changes what the source reads so that its next supergraph differs (no-op if static). */
  update(): Promise<void>;
  /** A source of the same kind that cannot load (sources that can always load have none). */
  broken?(): SupergraphSource;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** False for sources that never change (static). */
  readonly updates: boolean;
  /** True when the source can fail to load (a file, a network); the harness then has `broken`. */
  readonly canFail: boolean;
  /** How long an update may take to arrive. */
  readonly updateWithinMs?: number;
}

const loads = (sdl: string): boolean => tryCreateQueryPlanner(sdl).ok;

async function waitFor<T>(read: () => T | undefined, ms: number): Promise<T | undefined> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function runSupergraphSourceContract(
  name: string,
  create: () => Promise<SourceHarness>,
  options: ContractOptions,
): void {
  describe(`supergraph source contract: ${name}`, () => {
    let harness: SourceHarness | undefined;
    afterEach(async () => {
      await harness?.source.stop();
      await harness?.close();
      harness = undefined;
    });

    it('start() resolves with a supergraph the planner loads', async () => {
      harness = await create();
      const sdl = await harness.source.start(() => {});
      expect(loads(sdl)).toBe(true);
      expect(harness.source.name).toBeTruthy();
    });

    if (options.canFail) {
      it('a source that cannot load rejects start() with SupergraphLoadError', async () => {
        harness = await create();
        await expect(harness.broken!().start(() => {})).rejects.toBeInstanceOf(SupergraphLoadError);
      });
    }

    it(
      options.updates ? 'delivers a changed supergraph to onUpdate' : 'never calls onUpdate',
      async () => {
        harness = await create();
        const updates: string[] = [];
        const first = await harness.source.start((sdl) => updates.push(sdl));
        await harness.update();
        const next = await waitFor(() => updates[0], options.updateWithinMs ?? 3000);
        if (!options.updates) {
          expect(next).toBeUndefined();
          return;
        }
        expect(next).toBeDefined();
        expect(next).not.toBe(first);
        expect(loads(next!)).toBe(true);
      },
    );

    it('calls onUpdate no more after stop()', async () => {
      harness = await create();
      const updates: string[] = [];
      await harness.source.start((sdl) => updates.push(sdl));
      await harness.source.stop();
      await harness.update();
      await new Promise((r) => setTimeout(r, (options.updateWithinMs ?? 300) / 2));
      expect(updates).toEqual([]);
    });
  });
}
