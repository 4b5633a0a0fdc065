/**
 * The `--limit N` / `--before ID` paging that the list commands (`check list`, `launch list`)
 * share: the options they declare, the page they ask the registry for, and the hint naming the
 * next older page.
 *
 * @module
 */
import { integerOption, type OptionSpecs, type OptionValues } from './registry-command.js';

/** The paging options a list command declares (both positive integers, checked when read). */
export const PAGING_OPTIONS: OptionSpecs = {
  limit: { type: 'string' },
  before: { type: 'string' },
};

/** The page asked for: `--limit` and `--before`, each undefined when absent. */
export function pageOptions(values: OptionValues): {
  limit: number | undefined;
  before: number | undefined;
} {
  return { limit: integerOption(values, 'limit'), before: integerOption(values, 'before') };
}

/** The line after a table naming the next older page ('' on the last page): `Older checks: …`. */
export function olderPageHint(things: string, nextBefore: number | undefined): string {
  return nextBefore === undefined ? '' : `\nOlder ${things}: --before ${nextBefore}\n`;
}
