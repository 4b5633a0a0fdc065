import { readdirSync, readFileSync, statSync } from 'node:fs';

/** What a case expects: it composes, or it fails with exactly these codes (compared as a set). */
export type CaseExpectation = 'valid' | { readonly errors: readonly string[] };

export interface CaseSubgraph {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
  /** The file the SDL came from, relative to `cases/` (used in diagnostics' locations). */
  readonly source: string;
}

export interface ParityCase {
  readonly name: string;
  readonly description: string;
  readonly subgraphs: readonly CaseSubgraph[];
  readonly expect: CaseExpectation;
}

interface CaseJson {
  description?: unknown;
  subgraphs?: unknown;
  expect?: unknown;
}

const CASES_DIR = new URL('./cases/', import.meta.url);

function fail(caseName: string, problem: string): never {
  throw new Error(`parity case "${caseName}": ${problem}`);
}

function readExpectation(caseName: string, raw: unknown): CaseExpectation {
  if (raw === 'valid') return 'valid';
  if (typeof raw === 'object' && raw !== null && 'errors' in raw) {
    const errors = (raw as { errors: unknown }).errors;
    if (
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every((code): code is string => typeof code === 'string')
    ) {
      return { errors };
    }
  }
  return fail(caseName, '"expect" must be "valid" or { "errors": ["CODE", ...] } (non-empty)');
}

/**
 * Reads one case folder. Malformed cases throw instead of being skipped, so a typo in a
 * `case.json` cannot silently shrink the corpus.
 */
function readCase(name: string): ParityCase {
  const dir = new URL(`${name}/`, CASES_DIR);
  const json = JSON.parse(readFileSync(new URL('case.json', dir), 'utf8')) as CaseJson;
  if (typeof json.description !== 'string' || json.description.trim() === '') {
    fail(name, '"description" must be a non-empty string');
  }
  if (typeof json.subgraphs !== 'object' || json.subgraphs === null) {
    fail(name, '"subgraphs" must map subgraph names to routing URLs');
  }
  const entries = Object.entries(json.subgraphs as Record<string, unknown>);
  if (entries.length === 0) fail(name, '"subgraphs" is empty');
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  const subgraphs = entries.map(([subgraph, url]): CaseSubgraph => {
    if (typeof url !== 'string') fail(name, `the URL of subgraph "${subgraph}" is not a string`);
    const file = `${subgraph}.graphql`;
    if (!files.includes(file)) fail(name, `subgraph "${subgraph}" has no ${file}`);
    return {
      name: subgraph,
      url,
      sdl: readFileSync(new URL(file, dir), 'utf8'),
      source: `${name}/${file}`,
    };
  });
  const stray = files.filter((f) => !entries.some(([subgraph]) => `${subgraph}.graphql` === f));
  if (stray.length) fail(name, `${stray.join(', ')} is not listed in "subgraphs"`);
  return {
    name,
    description: json.description as string,
    subgraphs,
    expect: readExpectation(name, json.expect),
  };
}

/** Every case under `cases/`, sorted by name. */
export function loadCases(): ParityCase[] {
  return readdirSync(CASES_DIR)
    .filter((entry) => statSync(new URL(entry, CASES_DIR)).isDirectory())
    .sort()
    .map(readCase);
}

/** The distinct codes of a list, sorted, for comparing code sets. */
export function codeSet(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}
