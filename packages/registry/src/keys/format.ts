import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyRole } from '@orrery/registry-client';

const ROLES: readonly KeyRole[] = ['admin', 'publisher', 'gateway'];

// `orr_<role>_<id>_<secret>`: the role in clear helps humans and secret scanners; the id finds
// the one row to compare against, so authentication never scans hashes.
const KEY_PATTERN = /^orr_(admin|publisher|gateway)_([a-z0-9]{8,32})_([a-f0-9]{32,128})$/;

/** A key split into its parts. */
export interface ParsedKey {
  readonly role: KeyRole;
  readonly id: string;
  readonly secret: string;
}

/** A new key: the raw string (shown once) and what is stored. */
export interface GeneratedKey extends ParsedKey {
  readonly key: string;
  readonly secretSha256: string;
}

export function isKeyRole(value: unknown): value is KeyRole {
  return ROLES.includes(value as KeyRole);
}

/** Splits a raw key, or `null` when it is not an Orrery key. */
export function parseKey(raw: string): ParsedKey | null {
  const match = KEY_PATTERN.exec(raw.trim());
  if (!match) return null;
  return { role: match[1] as KeyRole, id: match[2]!, secret: match[3]! };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a presented secret with the stored hash in constant time. */
export function secretMatches(secret: string, storedSha256: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedSha256, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A random key: a 16-character id and a 256-bit secret. */
export function generateKey(role: KeyRole): GeneratedKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { role, id, secret, key: `orr_${role}_${id}_${secret}`, secretSha256: hashSecret(secret) };
}
