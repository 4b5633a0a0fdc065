/**
 * Text output shared by the registry commands: colour (only on a terminal), tables in the style
 * of the seeds' `service:list`, dates with a relative age, diagnostics as one line each.
 *
 * @module
 */
import type { Diagnostic, KeyScope } from '@orrery/registry-client';
import type { CliIo } from './io.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const plain: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
};

const sgr = (open: number, close: number) => (t: string) => `\x1b[${open}m${t}\x1b[${close}m`;
const ansi: Paint = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
};

/**
 * Colour for standard output: only on a terminal, and never with `NO_COLOR` set or
 * `TERM=dumb` (https://no-color.org). Pipes, files and CI logs get plain text.
 */
export function paintFor(io: CliIo): Paint {
  const enabled = io.stdoutIsTTY === true && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb';
  return enabled ? ansi : plain;
}

/** Visible width of a string that may hold colour escapes. */
function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[\d+m/g, '').length;
}

/**
 * A table as the seeds print it: a header row, a rule of `─` under each column, then the rows;
 * columns separated by two spaces, the last one not padded.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell)),
      )
      .join('  ')
      .trimEnd();
  return (
    [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n') + '\n'
  );
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago, in words: `2 days ago`, `yesterday`, `5 minutes ago`, `now`. */
export function relativeAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return RELATIVE.format(0, 'second');
}

/** `3 July 2019 (2 days ago)`, as in the seeds' `service:list`; the input as-is if unreadable. */
export function formatWhen(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${DATE.format(time)} (${relativeAge(iso, now)})`;
}

/** `CODE [subgraph, ...] message (source:line:column)`: the CLI's one-line diagnostic. */
export function formatWireDiagnostic(diagnostic: Diagnostic): string {
  const subgraphs = diagnostic.subgraphs.length ? ` [${diagnostic.subgraphs.join(', ')}]` : '';
  const where = diagnostic.locations
    .map((l) => `${l.source ?? '<input>'}:${l.line}:${l.column}`)
    .join(', ');
  return `${diagnostic.code}${subgraphs} ${diagnostic.message}${where ? ` (${where})` : ''}`;
}

/** `1 error`, `2 errors`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * What a key's scope covers, in words: `graph demo`, `graphs a, b, variant a@prod`, or `all
 * graphs` when it is not limited (empty lists mean all, as the registry reads them).
 */
export function describeScope(scope: KeyScope): string {
  const limits = (
    [
      ['graph', scope.graphs],
      ['variant', scope.variants],
      ['subgraph', scope.subgraphs],
    ] as const
  )
    .filter(([, list]) => list !== undefined && list.length > 0)
    .map(([noun, list]) => `${list!.length === 1 ? noun : `${noun}s`} ${list!.join(', ')}`);
  return limits.length ? limits.join(', ') : 'all graphs';
}
