import { describe, expect, it } from 'vitest';
import { authorize, scopeCovers, scopeCoversGraph } from '../../src/keys/access.js';
import { generateKey, hashSecret, parseKey, secretMatches } from '../../src/keys/format.js';
import type { Actor } from '../../src/service/types.js';

describe('key format', () => {
  it('generates keys that parse back to their parts, each different', () => {
    const a = generateKey('gateway');
    const b = generateKey('gateway');
    expect(a.key).not.toBe(b.key);
    expect(parseKey(a.key)).toEqual({ role: 'gateway', id: a.id, secret: a.secret });
    expect(a.secretSha256).toBe(hashSecret(a.secret));
    expect(a.key).not.toContain(a.secretSha256);
  });

  it('refuses what is not an Orrery key', () => {
    for (const raw of [
      '',
      'service:demo:abc',
      'orr_root_0123456789abcdef_' + 'a'.repeat(64),
      'orr_admin_0123456789abcdef_short',
      'orr_admin__' + 'a'.repeat(64),
    ]) {
      expect(parseKey(raw)).toBeNull();
    }
  });

  it('matches a secret against its stored hash only', () => {
    const key = generateKey('admin');
    expect(secretMatches(key.secret, key.secretSha256)).toBe(true);
    expect(secretMatches(generateKey('admin').secret, key.secretSha256)).toBe(false);
    expect(secretMatches(key.secret, 'not-hex')).toBe(false);
  });
});

describe('scopes', () => {
  const ref = { graph: 'shop', variant: 'prod' };

  it('treat empty or absent lists as everything', () => {
    expect(scopeCovers({}, ref, 'products')).toBe(true);
    expect(scopeCovers({ graphs: [], variants: [], subgraphs: [] }, ref, 'products')).toBe(true);
  });

  it('check graphs, graph@variant refs and subgraph names', () => {
    expect(scopeCovers({ graphs: ['other'] }, ref)).toBe(false);
    expect(scopeCovers({ variants: ['shop@prod'] }, ref)).toBe(true);
    expect(scopeCovers({ variants: ['shop@staging'] }, ref)).toBe(false);
    expect(scopeCovers({ subgraphs: ['reviews'] }, ref, 'products')).toBe(false);
    expect(scopeCovers({ subgraphs: ['reviews'] }, ref)).toBe(true);
    expect(scopeCoversGraph({ variants: ['shop@prod'] }, 'shop')).toBe(true);
    expect(scopeCoversGraph({ variants: ['shop@prod'] }, 'shopping')).toBe(false);
  });

  it('authorize by role first, then scope (admins are never scoped)', () => {
    const gateway: Actor = {
      keyId: 'g',
      name: 'edge',
      role: 'gateway',
      scope: { variants: ['shop@prod'] },
    };
    expect(() => authorize(gateway, 'supergraph', ref)).not.toThrow();
    expect(() => authorize(gateway, 'supergraph', { graph: 'shop', variant: 'dev' })).toThrow(
      /not scoped/,
    );
    expect(() => authorize(gateway, 'publish', ref, 'products')).toThrow(/may not publish/);
    const admin: Actor = {
      keyId: 'a',
      name: 'root',
      role: 'admin',
      scope: { graphs: ['elsewhere'] },
    };
    expect(() => authorize(admin, 'admin', ref)).not.toThrow();
  });
});
