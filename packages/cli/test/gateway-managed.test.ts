import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { startFakeRegistry, type FakeRegistry } from '@orrery/internal-testing';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/commands/gateway/index.js';
import { parseGatewayConfig } from '../src/commands/gateway/config.js';
import { memoryIo } from './helpers.js';

const KEY = 'orr_gateway_k_secret';
const compose = (field: string): string => {
  const result = composeSubgraphs([
    { name: 'a', url: 'http://127.0.0.1:9/graphql', sdl: `type Query { ${field}: String }` },
  ]);
  if (!result.ok) throw new Error('fixture does not compose');
  return result.supergraphSdl;
};

let dir: string;
let registry: FakeRegistry;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-cli-managed-'));
  registry = await startFakeRegistry(KEY);
});
afterAll(async () => {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
});

const typename = async (url: string, field: string) => {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ __type(name: "Query") { fields { name } } }` }),
  });
  const body = (await response.body.json()) as { data: { __type: { fields: { name: string }[] } } };
  return body.data.__type.fields.some((f) => f.name === field);
};

describe('orrery gateway --graph-ref (managed mode)', () => {
  it('serves the registry’s supergraph and follows the next launch', async () => {
    registry.launch(1, compose('hello'));
    const { io } = memoryIo({
      cwd: dir,
      env: { ORRERY_REGISTRY_URL: registry.url, ORRERY_KEY: KEY },
    });
    const running = await startGateway(
      ['--graph-ref', 'demo@prod', '--cache-dir', 'cache', '--port', '0', '--host', '127.0.0.1'],
      io,
    );
    try {
      expect(await typename(running.url, 'hello')).toBe(true);
      registry.launch(2, compose('goodbye'));
      for (let i = 0; i < 300 && !(await typename(running.url, 'goodbye')); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await typename(running.url, 'goodbye')).toBe(true);
    } finally {
      await running.close();
    }
  });

  it('is a usage error without a registry URL or key, naming what is missing', async () => {
    const { io } = memoryIo({ cwd: dir });
    await expect(startGateway(['--graph-ref', 'demo@prod'], io)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/registry URL/),
    });
    const withUrl = memoryIo({ cwd: dir, env: { ORRERY_REGISTRY_URL: registry.url } });
    await expect(startGateway(['--graph-ref', 'demo@prod'], withUrl.io)).rejects.toMatchObject({
      message: expect.stringMatching(/gateway key/),
    });
    await expect(
      startGateway(['--graph-ref', 'not a ref', '--registry-url', registry.url, '--key', KEY], io),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/not a graph ref/) });
  });

  it('reads graph_ref, registry_urls and key from gateway.yaml', () => {
    const config = parseGatewayConfig(
      [
        'supergraph:',
        '  graph_ref: demo@prod',
        '  registry_urls: [http://r1:4100, http://r2:4100]',
        '  key: ${env.GW_KEY}',
        '  cache_dir: ./cache',
      ].join('\n'),
      join(dir, 'gateway.yaml'),
      { GW_KEY: KEY },
    );
    expect(config.supergraph).toEqual({
      kind: 'managed',
      graphRef: 'demo@prod',
      registryUrls: ['http://r1:4100', 'http://r2:4100'],
      key: KEY,
      cacheDir: join(dir, 'cache'),
      fallbackFile: undefined,
      pollIntervalMs: undefined,
    });
  });
});
