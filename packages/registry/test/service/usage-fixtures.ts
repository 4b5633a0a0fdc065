/** Usage reports for the usage tests: operations with their real ids, rows at given minutes. */
import {
  USAGE_REPORT_VERSION,
  usageOperationId,
  type UsageOperation,
  type UsageReport,
  type UsageRow,
} from '@orrery/registry-client';

/** An operation and its id, as a gateway computes them. */
export function operation(
  name: string | null,
  signature: string,
  coordinates: string[],
  type: UsageOperation['type'] = 'query',
): { id: string; operation: UsageOperation } {
  const sorted = [...coordinates].sort();
  const value: UsageOperation = { name, type, signature, coordinates: sorted };
  return { id: usageOperationId(value), operation: value };
}

/** `GetProducts`: reads Query.products and Product.name. */
export const GET_PRODUCTS = operation('GetProducts', 'query GetProducts{products{id name}}', [
  'Product',
  'Product.id',
  'Product.name',
  'Query',
  'Query.products',
]);

/** `GetIds`: reads Query.products and Product.id only. */
export const GET_IDS = operation('GetIds', 'query GetIds{products{id}}', [
  'Product',
  'Product.id',
  'Query',
  'Query.products',
]);

/** The start of the minute `minutesAgo` minutes before now, ISO-8601. */
export function minuteAgo(minutesAgo: number, now = Date.now()): string {
  return new Date(Math.floor(now / 60_000) * 60_000 - minutesAgo * 60_000).toISOString();
}

/** A row of `op` by `client` (`name@version`, `''` parts allowed). */
export function row(
  op: { id: string },
  minute: string,
  count: number,
  errors = 0,
  client = 'web@1.0.0',
): UsageRow {
  const [clientName = '', clientVersion = ''] = client.split('@');
  return { operationId: op.id, clientName, clientVersion, minute, count, errors };
}

/** A version-1 report carrying `ops` and `rows`. */
export function report(
  ops: readonly { id: string; operation: UsageOperation }[],
  rows: readonly UsageRow[],
  extra: Partial<UsageReport> = {},
): UsageReport {
  return {
    version: USAGE_REPORT_VERSION,
    operations: Object.fromEntries(ops.map((op) => [op.id, op.operation])),
    rows,
    ...extra,
  };
}
