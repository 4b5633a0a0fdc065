import { afterEach, describe, expect, it } from 'vitest';
import {
  createSupergraphPoller,
  SupergraphFetchError,
  type SupergraphUpdate,
} from '../src/index.js';
import { startFakeRegistry, type FakeRegistry } from '@orrery/internal-testing';

const KEY = 'orr_gateway_k_secret';
const registries: FakeRegistry[] = [];
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const r of registries.splice(0)) await r.close();
});

async function registry(): Promise<FakeRegistry> {
  const r = await startFakeRegistry(KEY);
  registries.push(r);
  return r;
}

async function until<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('createSupergraphPoller', () => {
  it('fetches the served supergraph, then answers unchanged through If-None-Match', async () => {
    const r = await registry();
    r.launch(1, 'sdl-1');
    const poller = createSupergraphPoller({ urls: [r.url], key: KEY, graphRef: 'demo@prod' });
    const first = await poller.poll();
    expect(first).toMatchObject({
      status: 'updated',
      update: { supergraphSdl: 'sdl-1', launchId: 1, url: r.url },
    });
    expect(await poller.poll()).toEqual({ status: 'unchanged', pollIntervalMs: 1000 });
    expect(r.requests.map((q) => q.path)).toEqual([
      '/api/v1/graphs/demo/variants/prod/supergraph',
      '/api/v1/graphs/demo/variants/prod/supergraph',
    ]);
    expect(r.requests[1]!.ifNoneMatch).toBe(`"h1-5"`);
    expect(poller.launchId).toBe(1);
  });

  it('tries the registry URLs in order and uses the first that answers', async () => {
    const down = await registry();
    down.failWith(503);
    const up = await registry();
    up.launch(3, 'sdl-3');
    const poller = createSupergraphPoller({ urls: [down.url, up.url], key: KEY, graphRef: 'demo' });
    const result = await poller.poll();
    expect(result.status === 'updated' && result.update.url).toBe(up.url);
    expect(down.requests).toHaveLength(1);
  });

  it('never delivers a launch older than the one it has', async () => {
    const r = await registry();
    r.launch(4, 'sdl-4');
    const poller = createSupergraphPoller({
      urls: [r.url],
      key: KEY,
      graphRef: 'demo@prod',
      afterLaunchId: 7,
    });
    expect(await poller.poll()).toMatchObject({ status: 'unchanged' });
    expect(poller.launchId).toBe(7);
  });

  it('reports a refused key and a variant without a launch with their own codes', async () => {
    const r = await registry();
    const refused = createSupergraphPoller({ urls: [r.url], key: 'wrong', graphRef: 'demo@prod' });
    await expect(refused.poll()).rejects.toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    const empty = createSupergraphPoller({ urls: [r.url], key: KEY, graphRef: 'demo@prod' });
    const error = await empty.poll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupergraphFetchError);
    expect(error).toMatchObject({ code: 'ERR_NO_LAUNCH' });
  });

  it('run() long-polls: a new launch arrives without waiting for a poll interval', async () => {
    const r = await registry();
    r.launch(1, 'sdl-1');
    const poller = createSupergraphPoller({
      urls: [r.url],
      key: KEY,
      graphRef: 'demo@prod',
      pollIntervalMs: 60_000,
      longPollSeconds: 30,
    });
    stops.push(() => poller.stop());
    const updates: SupergraphUpdate[] = [];
    const done = poller.run({ onUpdate: (u) => void updates.push(u) });
    await until(() => updates[0]);
    // The second request is held open by the registry until the next launch.
    await until(() => (r.requests.some((q) => q.path.endsWith('?wait=30')) ? true : undefined));
    r.launch(2, 'sdl-2');
    const second = await until(() => updates[1]);
    expect(second).toMatchObject({ launchId: 2, supergraphSdl: 'sdl-2' });
    poller.stop();
    await done;
  });

  it('run() keeps going through registry failures and picks up the next launch', async () => {
    const r = await registry();
    r.failWith(500);
    const poller = createSupergraphPoller({
      urls: [r.url],
      key: KEY,
      graphRef: 'demo@prod',
      pollIntervalMs: 200,
      longPollSeconds: 0,
    });
    stops.push(() => poller.stop());
    const errors: Error[] = [];
    const updates: SupergraphUpdate[] = [];
    const done = poller.run({
      onUpdate: (u) => void updates.push(u),
      onError: (e) => void errors.push(e),
    });
    await until(() => errors[1]);
    r.failWith(undefined);
    r.launch(5, 'sdl-5');
    expect(await until(() => updates[0])).toMatchObject({ launchId: 5 });
    poller.stop();
    await done;
  });
});
