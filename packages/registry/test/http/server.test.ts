/**
 * `startRegistry` and the first admin key: generated once at first start (and only then
 * returned), or taken as given from `adminKey` / ORRERY_ADMIN_KEY.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistryClient } from '@orrery/registry-client';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/keys/format.js';
import { bootstrapAdminKey, startRegistry } from '../../src/server.js';
import { openStorage } from '../../src/storage/open.js';
import type { Storage } from '../../src/storage/types.js';

async function status(url: string, key?: string): Promise<number> {
  const response = await request(`${url}/api/v1/graphs`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  await response.body.dump();
  return response.statusCode;
}

describe('startRegistry', () => {
  it('generates the first admin key once, returns it once, and keeps it across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orrery-registry-'));
    try {
      const first = await startRegistry({ port: 0, dataDir, env: {} });
      expect(first.adminKey).toMatch(/^orr_admin_/);
      expect(first.storage).toBe('pglite');
      expect(await status(first.url, first.adminKey)).toBe(200);
      const health = await request(`${first.url}/health`);
      expect(await health.body.json()).toMatchObject({
        status: 'ok',
        name: 'orrery-registry',
        storage: 'pglite',
        version: expect.any(String),
      });
      await first.close();

      const second = await startRegistry({ port: 0, dataDir, env: {} });
      try {
        expect(second.adminKey).toBeUndefined();
        expect(await status(second.url, first.adminKey)).toBe(200);
        expect(await status(second.url)).toBe(401);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('public URL of links', () => {
  const SDL = 'type Query { hello: String }';

  it('is the listen URL by default (port 0 included) and --public-url when given', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orrery-registry-'));
    try {
      const first = await startRegistry({ port: 0, dataDir, env: {} });
      const adminKey = first.adminKey!;
      try {
        const client = createRegistryClient({ url: first.url, key: adminKey });
        const check = await client.runCheck('links@current', { subgraph: 'hello', sdl: SDL });
        expect(check.url).toBe(`${first.url}/api/v1/graphs/links/variants/current/checks/1`);
      } finally {
        await first.close();
      }
      const publicUrl = 'https://registry.example.com/';
      const second = await startRegistry({ port: 0, dataDir, env: {}, publicUrl });
      try {
        const client = createRegistryClient({ url: second.url, key: adminKey });
        const check = await client.getCheck('links@current', 1);
        expect(check.url).toBe(
          'https://registry.example.com/api/v1/graphs/links/variants/current/checks/1',
        );
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('bootstrapAdminKey', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage();
  });
  afterAll(() => storage.close());

  const keyCount = async () =>
    (
      await storage.transaction((query) =>
        query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys'),
      )
    )[0]!.n;

  it('stores a given key as given and returns nothing to print; idempotent', async () => {
    const given = generateKey('admin');
    expect(await bootstrapAdminKey(storage, given.key)).toBeUndefined();
    expect(await bootstrapAdminKey(storage, given.key)).toBeUndefined();
    const rows = await storage.transaction((query) =>
      query<{ id: string; role: string; secret_sha256: string }>(
        'SELECT id, role, secret_sha256 FROM api_keys',
      ),
    );
    expect(rows).toEqual([{ id: given.id, role: 'admin', secret_sha256: given.secretSha256 }]);
  });

  it('generates nothing once any key exists', async () => {
    expect(await bootstrapAdminKey(storage, undefined)).toBeUndefined();
    expect(await keyCount()).toBe(1);
  });

  it('refuses a key in another format, of another role, or a known id with another secret', async () => {
    await expect(bootstrapAdminKey(storage, 'let-me-in')).rejects.toThrow(/orr_admin_/);
    await expect(bootstrapAdminKey(storage, generateKey('gateway').key)).rejects.toThrow(
      /orr_admin_/,
    );
    const [{ id }] = (await storage.transaction((query) =>
      query<{ id: string }>('SELECT id FROM api_keys'),
    )) as [{ id: string }];
    await expect(bootstrapAdminKey(storage, `orr_admin_${id}_${'ab'.repeat(32)}`)).rejects.toThrow(
      /different secret/,
    );
    expect(await keyCount()).toBe(1);
  });
});
