/**
 * The code catalogue, docs/checks.md and the per-code tests agree: every code has a row in the
 * docs with its severity and origin, and a test of its own in this folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_CHANGE_CODES, type SchemaChangeCode } from '../../src/diff/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = readFileSync(
  fileURLToPath(new URL('../../../../docs/checks.md', import.meta.url)),
  'utf8',
);
const codes = Object.keys(SCHEMA_CHANGE_CODES) as SchemaChangeCode[];

/** `| \`CODE\` | severity | origin | why |` rows of the docs' code tables. */
function docRows(): Map<string, { severity: string; origin: string }> {
  const rows = new Map<string, { severity: string; origin: string }>();
  for (const line of docs.split('\n')) {
    // Prettier pads table cells, hence the ` +`.
    const match =
      /^\| `([A-Z_]+)` +\| (breaking|dangerous|safe|varies) +\| (Apollo|Orrery) +\|/.exec(line);
    if (match) rows.set(match[1]!, { severity: match[2]!, origin: match[3]!.toLowerCase() });
  }
  return rows;
}

describe('change code catalogue', () => {
  it('docs/checks.md has one row per code, with the same severity and origin', () => {
    const rows = docRows();
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      const info = SCHEMA_CHANGE_CODES[code];
      expect(rows.get(code), code).toEqual({ severity: info.severity, origin: info.origin });
    }
  });

  it('every code has a test named after it', () => {
    const titles = readdirSync(here)
      .filter((file) => file.endsWith('.test.ts') && file !== 'catalogue.test.ts')
      .flatMap((file) => [...readFileSync(here + file, 'utf8').matchAll(/\bit\('([A-Z_]+)/g)])
      .map((match) => match[1]);
    expect(codes.filter((code) => !titles.includes(code))).toEqual([]);
  });
});
