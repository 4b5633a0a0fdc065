/**
 * The API key of a request: `Authorization: Bearer <key>`, or `x-api-key: <key>` (the header
 * Apollo's tooling sends). Resolving it to an `Actor` is the service's job.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';

export function readApiKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  const value = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
