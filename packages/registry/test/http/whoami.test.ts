/**
 * `GET /api/v1/whoami` over real HTTP on the real service (in-memory PGlite): every role learns
 * who its key is, and a key the registry does not accept gets the same 401 as on any route.
 */
import { createRegistryClient } from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type Json, type TestRegistry } from './harness.js';

const WHOAMI = '/api/v1/whoami';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
});
afterAll(() => registry.close());

/** Creates a key with the admin key; returns its id and secret as `POST /keys` answered them. */
async function createKey(body: Json): Promise<{ id: string; key: string }> {
  const reply = await registry.call('POST', '/api/v1/keys', { key: registry.adminKey, body });
  expect(reply.status).toBe(201);
  return { id: reply.body.id, key: reply.body.key };
}

describe('GET /api/v1/whoami', () => {
  it('answers the key id, name, role and scope for every role, never the secret', async () => {
    const cases = [
      { name: 'ci-publisher', role: 'publisher', scope: { graphs: ['demo'], subgraphs: ['a'] } },
      { name: 'edge', role: 'gateway', scope: { variants: ['demo@prod'] } },
      { name: 'ops', role: 'admin', scope: {} },
    ];
    for (const body of cases) {
      const { id, key } = await createKey(body);
      const reply = await registry.call('GET', WHOAMI, { key });
      expect(reply.status, body.role).toBe(200);
      expect(reply.body, body.role).toEqual({ keyId: id, ...body });
      expect(JSON.stringify(reply.body)).not.toContain(key.slice(key.lastIndexOf('_') + 1));
    }
  });

  it('names the first admin key too, and accepts x-api-key', async () => {
    const reply = await registry.call('GET', WHOAMI, {
      headers: { 'x-api-key': registry.adminKey },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ role: 'admin', scope: {} });
    expect(reply.body.keyId).toEqual(expect.any(String));
  });

  it('401 UNAUTHENTICATED without a key, with an unknown or malformed one, and once revoked', async () => {
    const { id, key } = await createKey({ name: 'short-lived', role: 'publisher' });
    expect((await registry.call('GET', WHOAMI, { key })).status).toBe(200);
    const revoked = await registry.call('DELETE', `/api/v1/keys/${id}`, {
      key: registry.adminKey,
    });
    expect(revoked.status).toBe(204);

    const refused = [
      await registry.call('GET', WHOAMI),
      await registry.call('GET', WHOAMI, { key: `orr_admin_0123456789abcdef_${'0'.repeat(64)}` }),
      await registry.call('GET', WHOAMI, { key: 'not-a-key' }),
      await registry.call('GET', WHOAMI, { key }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual([
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
      [401, 'UNAUTHENTICATED'],
    ]);
    expect(refused[0]!.body.error.message).toContain('Bearer');
    expect(refused[3]!.body.error.message).toBe('The API key is unknown or has been revoked.');
  });

  it('is what the typed client’s whoami() reads', async () => {
    const { id, key } = await createKey({ name: 'typed', role: 'gateway' });
    const me = await createRegistryClient({ url: registry.url, key }).whoami();
    expect(me).toEqual({ keyId: id, name: 'typed', role: 'gateway', scope: {} });
    await expect(
      createRegistryClient({ url: registry.url, key: 'not-a-key' }).whoami(),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
