import { createHash } from 'node:crypto';
import type { UsageOperation } from './wire-usage.js';

/**
 * The id of a reported operation: sha256 (hex) of its name (`-` when anonymous), signature and
 * sorted coordinates, one per line. Gateways compute it; the registry recomputes it and rejects
 * a report whose key does not match, so ids are stable across gateways and versions.
 */
export function usageOperationId(
  operation: Pick<UsageOperation, 'name' | 'signature' | 'coordinates'>,
): string {
  const coordinates = [...operation.coordinates].sort().join(',');
  return createHash('sha256')
    .update(`${operation.name ?? '-'}\n${operation.signature}\n${coordinates}`)
    .digest('hex');
}
