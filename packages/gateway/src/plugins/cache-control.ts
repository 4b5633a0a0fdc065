/**
 * Merging `Cache-Control` headers from several subgraph responses into the one the client gets:
 * the most restrictive policy any of them asked for, so a response is never cached longer, or by
 * more caches, than its least cacheable part allows.
 *
 * @module
 */

type Directives = Map<string, string | true>;

function parse(value: string): Directives {
  const directives: Directives = new Map();
  for (const part of value.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq === -1) directives.set(trimmed.toLowerCase(), true);
    else
      directives.set(
        trimmed.slice(0, eq).trim().toLowerCase(),
        trimmed
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return directives;
}

function seconds(value: string | true | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** The smallest number of seconds among the responses that give `name`. */
function minimum(all: readonly Directives[], name: string): number | undefined {
  let min: number | undefined;
  for (const directives of all) {
    const value = seconds(directives.get(name));
    if (value !== undefined && (min === undefined || value < min)) min = value;
  }
  return min;
}

/**
 * The most restrictive `Cache-Control` of `values` (each a header value): `no-store` if any has
 * it; otherwise `no-cache`, `private`, `must-revalidate`, `proxy-revalidate` and `no-transform`
 * when any has them, `public` only when none is private, the smallest `max-age` and `s-maxage`
 * given, and `immutable`, `stale-while-revalidate` and `stale-if-error` only when every value
 * allows them (the smallest window). Unknown directives are dropped. `undefined` for no values.
 */
export function mergeCacheControl(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  const all = values.map(parse);
  const any = (name: string) => all.some((d) => d.has(name));
  const every = (name: string) => all.every((d) => d.has(name));
  if (any('no-store')) return 'no-store';
  const out: string[] = [];
  if (any('no-cache')) out.push('no-cache');
  const isPrivate = any('private');
  if (isPrivate) out.push('private');
  else if (any('public')) out.push('public');
  const maxAge = minimum(all, 'max-age');
  if (maxAge !== undefined) out.push(`max-age=${maxAge}`);
  const sMaxAge = minimum(all, 's-maxage');
  // Shared caches may not store a private response at all: s-maxage would only mislead.
  if (sMaxAge !== undefined && !isPrivate) out.push(`s-maxage=${sMaxAge}`);
  for (const flag of ['must-revalidate', 'proxy-revalidate', 'no-transform']) {
    if (any(flag)) out.push(flag);
  }
  if (every('immutable')) out.push('immutable');
  for (const window of ['stale-while-revalidate', 'stale-if-error']) {
    if (!every(window)) continue;
    const value = minimum(all, window);
    if (value !== undefined) out.push(`${window}=${value}`);
  }
  return out.join(', ');
}
