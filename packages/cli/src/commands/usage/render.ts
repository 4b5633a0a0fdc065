/**
 * `orrery usage` in words: the period and its traffic, the operations (busiest first) with
 * their clients, and, for a coordinate, every client that used it with its requests.
 *
 * @module
 */
import type { UsageView } from '@orrery/registry-client';
import { formatTable, formatWhen, type Paint } from '../../lib/output.js';
import {
  clientLabel,
  formatClients,
  formatCount,
  formatPercent,
  operationLabel,
  totalByClient,
} from '../../lib/usage-format.js';

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

function when(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${DAY.format(time)} UTC`;
}

function share(requests: number, total: number): string {
  return total > 0 ? formatPercent((requests / total) * 100) : '-';
}

/** The report, ending with a newline; `limit` cuts the operations table, not the totals. */
export function describeUsage(
  graphRef: string,
  view: UsageView,
  paint: Paint,
  limit?: number,
): string {
  const variants = view.variants.join(', ');
  const window = `${when(view.from)} to ${when(view.to)}`;
  const subject = view.coordinate ? `'${view.coordinate}' in '${graphRef}'` : `'${graphRef}'`;
  const requests = view.operations.reduce((sum, o) => sum + o.requests, 0);
  const lines: string[] = [
    `Usage of ${subject}, ${window} (${variants}): ${formatCount(view.totalRequests)} requests in all`,
  ];
  if (!view.operations.length) {
    lines.push(
      '',
      view.coordinate
        ? `No operation used '${view.coordinate}' in the period: removing it breaks no reported client`
        : 'No operations reported in the period',
    );
    return `${lines.join('\n')}\n`;
  }
  if (view.coordinate) {
    lines.push(
      `${formatCount(view.operations.length)} operations used it, ${formatCount(requests)} requests (${share(requests, view.totalRequests)})`,
    );
  }
  const shown = limit === undefined ? view.operations : view.operations.slice(0, limit);
  lines.push(
    '',
    formatTable(
      ['operation', 'type', 'requests', 'share', 'errors', 'clients', 'last seen'],
      shown.map((o) => [
        operationLabel(o),
        o.type,
        formatCount(o.requests),
        share(o.requests, view.totalRequests),
        o.errors ? paint.red(formatCount(o.errors)) : '0',
        formatClients(o.clients),
        formatWhen(o.lastSeen),
      ]),
    ).trimEnd(),
  );
  if (shown.length < view.operations.length) {
    lines.push(`(${formatCount(view.operations.length - shown.length)} more: raise --limit)`);
  }
  if (view.coordinate) {
    const clients = totalByClient(view.operations);
    lines.push(
      '',
      `Clients (${clients.length}):`,
      formatTable(
        ['client', 'requests'],
        clients.map((c) => [clientLabel(c), formatCount(c.requests)]),
      )
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  return `${lines.join('\n')}\n`;
}
