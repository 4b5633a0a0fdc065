/**
 * What "the federated answer equals the monolith's" means: `data` is deep-equal (field order
 * included, as a client sees the JSON), and the SET of error paths is equal. Messages,
 * locations and extensions may differ: a gateway words subgraph failures its own way.
 *
 * @module
 */
import type { GraphQLResponse } from './graphql-runtime.js';

/** The key an error without a `path` (a request error, such as failed validation) counts as. */
export const NO_PATH = '(request error)';

/** The distinct error paths of a response, sorted, each as `a.0.b`. */
export function errorPaths(response: GraphQLResponse): string[] {
  const paths = new Set<string>();
  for (const error of response.errors ?? []) {
    paths.add(error.path && error.path.length > 0 ? error.path.join('.') : NO_PATH);
  }
  return [...paths].sort();
}

/**
 * Differences between the monolith's answer (`expected`) and the gateway's (`actual`), as
 * readable lines; empty when they agree.
 */
export function compareResponses(expected: GraphQLResponse, actual: GraphQLResponse): string[] {
  const problems: string[] = [];
  if ('data' in expected !== 'data' in actual) {
    problems.push(
      `data: ${'data' in expected ? 'expected a data entry, got none' : 'expected no data entry (a request error), got one'}`,
    );
  } else {
    diffValues(expected.data, actual.data, 'data', problems);
  }
  const want = errorPaths(expected);
  const got = errorPaths(actual);
  const missing = want.filter((p) => !got.includes(p));
  const extra = got.filter((p) => !want.includes(p));
  if (missing.length > 0) problems.push(`errors: missing error paths ${missing.join(', ')}`);
  if (extra.length > 0) {
    const messages = (actual.errors ?? []).map((e) => e.message).join(' | ');
    problems.push(`errors: unexpected error paths ${extra.join(', ')} (${messages})`);
  }
  return problems;
}

const MAX_DIFFS = 8;

function diffValues(expected: unknown, actual: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_DIFFS) return;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) {
      out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
      return;
    }
    if (expected.length !== actual.length) {
      out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    }
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) diffValues(expected[i], actual[i], `${path}.${i}`, out);
    return;
  }
  if (isObject(expected) && isObject(actual)) {
    const wantKeys = Object.keys(expected);
    const gotKeys = Object.keys(actual);
    const missing = wantKeys.filter((k) => !(k in actual));
    const extra = gotKeys.filter((k) => !(k in expected));
    if (missing.length > 0) out.push(`${path}: missing fields ${missing.join(', ')}`);
    if (extra.length > 0) out.push(`${path}: unexpected fields ${extra.join(', ')}`);
    if (missing.length === 0 && extra.length === 0 && wantKeys.join() !== gotKeys.join()) {
      out.push(`${path}: field order ${gotKeys.join(', ')}, expected ${wantKeys.join(', ')}`);
    }
    for (const key of wantKeys) {
      if (key in actual) diffValues(expected[key], actual[key], `${path}.${key}`, out);
    }
    return;
  }
  if (expected !== actual) out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
