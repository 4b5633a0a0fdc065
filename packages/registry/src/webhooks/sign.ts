import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `x-orrery-signature` header value: `sha256=<hex HMAC-SHA256 of the body>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks a signature header against the body, in constant time: what a webhook receiver does
 * (exported for receivers written in TypeScript, and for tests).
 */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
