import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { startFakeRegistry, type FakeRegistry } from '@orrery/internal-testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway, managedSupergraph, SupergraphLoadError } from '../src/index.js';
import { SUBGRAPHS, supergraphSdl } from './helpers.js';
import { runSupergraphSourceContract } from './supergraph-source.contract.js';

const KEY = 'orr_gateway_k_secret';
const SUPERGRAPH = supergraphSdl();

function changedSupergraph(extra: string): string {
  const result = composeSubgraphs(
    SUBGRAPHS.map((s) =>
      s.name === 'users'
        ? { ...s, sdl: s.sdl.replace('role: Role', `role: Role ${extra}: String`) }
        : s,
    ),
  );
  if (!result.ok) throw new Error('fixture does not compose');
  return result.supergraphSdl;
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

runSupergraphSourceContract(
  'managed (registry long-poll)',
  async () => {
    const registry = await startFakeRegistry(KEY);
    const dir = mkdtempSync(join(tmpdir(), 'orrery-managed-'));
    registry.launch(1, SUPERGRAPH);
    let n = 1;
    return {
      source: managedSupergraph({
        registryUrls: [registry.url],
        key: KEY,
        graphRef: 'demo@prod',
        cacheDir: dir,
      }),
      update: async () => registry.launch(++n, changedSupergraph(`extra${n}`)),
      broken: () =>
        managedSupergraph({
          registryUrls: [registry.url],
          key: 'wrong',
          graphRef: 'demo@prod',
          cacheDir: join(dir, 'empty'),
        }),
      close: async () => {
        await registry.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { updates: true, canFail: true },
);

describe('managed supergraph: surviving registry outages', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const setUp = async (): Promise<{ registry: FakeRegistry; dir: string }> => {
    const registry = await startFakeRegistry(KEY);
    const dir = mkdtempSync(join(tmpdir(), 'orrery-managed-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => registry.close());
    return { registry, dir };
  };

  it('caches what the gateway applied, and starts from the cache while the registry is down', async () => {
    const { registry, dir } = await setUp();
    registry.launch(3, SUPERGRAPH);
    const options = {
      registryUrls: [registry.url],
      key: KEY,
      graphRef: 'demo@prod',
      cacheDir: dir,
      pollIntervalMs: 100,
    };
    const first = createGateway({ supergraph: managedSupergraph(options) });
    await first.ready;
    const cacheFile = join(dir, 'demo@prod.supergraph.json');
    const cached = await until(() =>
      existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : undefined,
    );
    expect(cached).toMatchObject({ graphRef: 'demo@prod', launchId: 3, supergraphSdl: SUPERGRAPH });
    await first.close();

    registry.failWith(503);
    const second = createGateway({ supergraph: managedSupergraph(options) });
    cleanup.push(() => second.close());
    await second.ready;
    expect(second.supergraphSdl).toBe(SUPERGRAPH);

    // The registry comes back with a newer launch: the running gateway picks it up.
    const next = changedSupergraph('nickname');
    registry.failWith(undefined);
    registry.launch(4, next);
    await until(() => (second.supergraphSdl === next ? true : undefined));
  });

  it('does not cache a supergraph the gateway rejected, and keeps serving the old one', async () => {
    const { registry, dir } = await setUp();
    registry.launch(1, SUPERGRAPH);
    const gateway = createGateway({
      supergraph: managedSupergraph({
        registryUrls: [registry.url],
        key: KEY,
        graphRef: 'demo@prod',
        cacheDir: dir,
      }),
    });
    cleanup.push(() => gateway.close());
    await gateway.ready;
    const cacheFile = join(dir, 'demo@prod.supergraph.json');
    await until(() => (existsSync(cacheFile) ? true : undefined));
    registry.launch(2, 'this is not a supergraph');
    await until(() =>
      registry.requests.filter((r) => r.ifNoneMatch?.includes('h2')).length > 0 ? true : undefined,
    );
    expect(gateway.supergraphSdl).toBe(SUPERGRAPH);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).launchId).toBe(1);
  });

  it('serves the fallback file when neither the registry nor a cache can', async () => {
    const { registry, dir } = await setUp();
    registry.failWith(503);
    const file = join(dir, 'fallback.graphql');
    writeFileSync(file, SUPERGRAPH);
    const source = managedSupergraph({
      registryUrls: [registry.url],
      key: KEY,
      graphRef: 'demo@prod',
      cacheDir: join(dir, 'cache'),
      fallbackFile: file,
    });
    cleanup.push(() => source.stop());
    expect(await source.start(() => {})).toBe(SUPERGRAPH);
  });

  it('fails to start with a SupergraphLoadError when nothing can provide a supergraph', async () => {
    const { registry, dir } = await setUp();
    registry.failWith(503);
    const source = managedSupergraph({
      registryUrls: [registry.url],
      key: KEY,
      graphRef: 'demo@prod',
      cacheDir: dir,
    });
    await expect(source.start(() => {})).rejects.toBeInstanceOf(SupergraphLoadError);
  });
});
