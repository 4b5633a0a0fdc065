/**
 * How operations, clients, counts and periods read in the output of `subgraph check` and
 * `usage`: one spelling for both, so an operation named in a failed check is found the same way
 * in `orrery usage`.
 *
 * @module
 */
import type { ClientUsage } from '@orrery/registry-client';

const COUNT = new Intl.NumberFormat('en-US');

/** `1,234`. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** A share of requests (0-100): `42%`, `3.14%`, `<0.01%`, `0%`. */
export function formatPercent(percentage: number): string {
  if (percentage === 0) return '0%';
  if (percentage < 0.01) return '<0.01%';
  if (percentage >= 99.995 && percentage < 100) return '>99.99%';
  return `${Number(percentage.toFixed(percentage < 10 ? 2 : 1))}%`;
}

/** How many hex digits of an operation id name an anonymous operation (as git shortens). */
export const OPERATION_ID_PREFIX = 12;

/** An operation's name, or the start of its id when it has none. */
export function operationLabel(operation: {
  readonly name: string | null;
  readonly operationId: string;
}): string {
  return operation.name ?? operation.operationId.slice(0, OPERATION_ID_PREFIX);
}

/** `web@1.2.0`, `web` (no version), `(unnamed)` for requests without a client name header. */
export function clientLabel(client: Pick<ClientUsage, 'name' | 'version'>): string {
  const name = client.name || '(unnamed)';
  return client.version ? `${name}@${client.version}` : name;
}

/** `web@1.2.0 (40), ios@3.1 (2)`, the busiest first, at most `max` then `+N more`. */
export function formatClients(clients: readonly ClientUsage[], max = 4): string {
  const sorted = [...clients].sort((a, b) => b.requests - a.requests);
  const shown = sorted.slice(0, max).map((c) => `${clientLabel(c)} (${formatCount(c.requests)})`);
  const more = sorted.length > max ? [`+${sorted.length - max} more`] : [];
  return [...shown, ...more].join(', ');
}

/** Requests per client `name@version` summed over operations, the busiest first. */
export function totalByClient(
  operations: readonly { readonly clients: readonly ClientUsage[] }[],
): ClientUsage[] {
  const totals = new Map<string, ClientUsage>();
  for (const operation of operations) {
    for (const client of operation.clients) {
      const key = `${client.name}\0${client.version}`;
      const seen = totals.get(key);
      totals.set(key, { ...client, requests: (seen?.requests ?? 0) + client.requests });
    }
  }
  return [...totals.values()].sort(
    (a, b) => b.requests - a.requests || clientLabel(a).localeCompare(clientLabel(b)),
  );
}

const WEEK = 7 * 24 * 3600;
const PERIODS: readonly [string, number][] = [
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * A period in words, in the largest unit that divides it: `7 days`, `2 weeks`, `90 seconds`
 * (weeks from two on: "7 days" is how a default window is usually said).
 */
export function formatPeriod(seconds: number): string {
  if (seconds % WEEK === 0 && seconds >= 2 * WEEK) return `${seconds / WEEK} weeks`;
  for (const [unit, size] of PERIODS) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
