/**
 * `useHeaderRules`: which headers subgraphs get and which of their response headers clients get,
 * per subgraph, as ordered rules in the shape Apollo Router's `headers:` config uses.
 *
 * Request rules run in order for every subgraph request (the `all` rules, then the subgraph's
 * own): `propagate` copies client headers (one by name, optionally renamed or defaulted, or all
 * matching a pattern), `insert` adds a fixed value, `remove` takes away what earlier rules or
 * plugins added. Hop-by-hop and body headers (`host`, `content-length`, `connection`, ...) are
 * never propagated: the gateway's own request decides them.
 *
 * Response rules choose subgraph response headers to pass back to the client. Several subgraph
 * responses feed one client response, so values are combined: `set-cookie` values are all
 * appended, `cache-control` values are merged into the most restrictive policy (see
 * {@link mergeCacheControl}), and any other header takes the value of the last response that
 * carried it.
 *
 * @example
 * useHeaderRules({
 *   all: {
 *     request: [{ propagate: { named: 'authorization' } }, { remove: { named: 'cookie' } }],
 *     response: [{ propagate: { named: 'cache-control' } }],
 *   },
 *   subgraphs: {
 *     accounts: {
 *       request: [{ propagate: { named: 'cookie' } }, { insert: { name: 'x-from', value: 'gw' } }],
 *       response: [{ propagate: { named: 'set-cookie' } }],
 *     },
 *   },
 * });
 *
 * @module
 */
import { InvalidConfigError } from '../errors.js';
import type { SubgraphResponse } from '../fetch/subgraph-fetcher.js';
import type { GatewayPlugin } from '../plugin.js';
import { mergeCacheControl } from './cache-control.js';

/** One header by name, or every header whose name matches a pattern. */
export type HeaderSelector = { readonly named: string } | { readonly matching: RegExp | string };

/** A rule for the headers of requests to subgraphs. */
export type RequestHeaderRule =
  | {
      /** Copies client headers: one by name (optionally renamed, or a default when absent), or all matching. */
      readonly propagate:
        | { readonly named: string; readonly rename?: string; readonly default?: string }
        | { readonly matching: RegExp | string };
    }
  | { readonly insert: { readonly name: string; readonly value: string } }
  | { readonly remove: HeaderSelector };

/** A rule for which subgraph response headers reach the client. */
export type ResponseHeaderRule = {
  readonly propagate:
    { readonly named: string; readonly rename?: string } | { readonly matching: RegExp | string };
};

export interface HeaderRules {
  readonly request?: readonly RequestHeaderRule[];
  readonly response?: readonly ResponseHeaderRule[];
}

export interface HeaderRulesOptions {
  /** Rules for every subgraph (run first). */
  readonly all?: HeaderRules;
  /** Rules per subgraph name (run after `all`). */
  readonly subgraphs?: Readonly<Record<string, HeaderRules>>;
}

/**
 * Headers that describe a connection or a body, not the request: forwarding them would corrupt
 * the gateway's own request or response.
 */
const RESERVED = new Set([
  'accept',
  'accept-encoding',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'host',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Compiled rules: names lower-cased, patterns built once. */
type Matcher = (name: string) => boolean;
type CompiledRequestRule =
  | { kind: 'copy'; from: string; to: string; fallback: string | undefined }
  | { kind: 'copy-matching'; test: Matcher }
  | { kind: 'insert'; name: string; value: string }
  | { kind: 'remove'; test: Matcher };
type CompiledResponseRule =
  { kind: 'copy'; from: string; to: string } | { kind: 'copy-matching'; test: Matcher };

interface CompiledRules {
  readonly request: CompiledRequestRule[];
  readonly response: CompiledResponseRule[];
}

function headerName(name: unknown, where: string): string {
  if (typeof name !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new InvalidConfigError(`useHeaderRules: ${where} must be a header name`);
  }
  const lower = name.toLowerCase();
  if (RESERVED.has(lower)) {
    throw new InvalidConfigError(
      `useHeaderRules: ${where} "${lower}" is managed by the gateway and cannot be set by rules`,
    );
  }
  return lower;
}

function matcher(pattern: RegExp | string, where: string): Matcher {
  let regexp: RegExp;
  try {
    regexp = typeof pattern === 'string' ? new RegExp(pattern, 'i') : pattern;
  } catch (error) {
    throw new InvalidConfigError(
      `useHeaderRules: ${where} is not a valid pattern: ${(error as Error).message}`,
    );
  }
  return (name) => !RESERVED.has(name) && regexp.test(name);
}

function compileRequestRule(rule: RequestHeaderRule, where: string): CompiledRequestRule {
  if ('propagate' in rule) {
    const p = rule.propagate;
    if ('matching' in p) return { kind: 'copy-matching', test: matcher(p.matching, where) };
    const from = headerName(p.named, `${where}.named`);
    return {
      kind: 'copy',
      from,
      to: p.rename === undefined ? from : headerName(p.rename, `${where}.rename`),
      fallback: p.default,
    };
  }
  if ('insert' in rule) {
    if (typeof rule.insert.value !== 'string') {
      throw new InvalidConfigError(`useHeaderRules: ${where}.value must be a string`);
    }
    return {
      kind: 'insert',
      name: headerName(rule.insert.name, `${where}.name`),
      value: rule.insert.value,
    };
  }
  if ('remove' in rule) {
    const r = rule.remove;
    if ('matching' in r) return { kind: 'remove', test: matcher(r.matching, where) };
    const name = headerName(r.named, `${where}.named`);
    return { kind: 'remove', test: (n) => n === name };
  }
  throw new InvalidConfigError(`useHeaderRules: ${where} must be propagate, insert or remove`);
}

function compileResponseRule(rule: ResponseHeaderRule, where: string): CompiledResponseRule {
  if (!('propagate' in rule)) {
    throw new InvalidConfigError(`useHeaderRules: ${where} must be a propagate rule`);
  }
  const p = rule.propagate;
  if ('matching' in p) return { kind: 'copy-matching', test: matcher(p.matching, where) };
  const from = headerName(p.named, `${where}.named`);
  return { kind: 'copy', from, to: p.rename === undefined ? from : headerName(p.rename, where) };
}

function compile(rules: readonly (HeaderRules | undefined)[], where: string): CompiledRules {
  const out: CompiledRules = { request: [], response: [] };
  for (const set of rules) {
    set?.request?.forEach((rule, i) =>
      out.request.push(compileRequestRule(rule, `${where}.request[${i}]`)),
    );
    set?.response?.forEach((rule, i) =>
      out.response.push(compileResponseRule(rule, `${where}.response[${i}]`)),
    );
  }
  return out;
}

function single(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(', ');
}

/** Response header values collected from subgraphs for one client request, by client name. */
type Collected = Map<string, string[]>;
const COLLECTED = Symbol('header-rules');

function collect(
  rules: readonly CompiledResponseRule[],
  headers: SubgraphResponse['headers'],
  into: Collected,
): void {
  if (!headers) return;
  const add = (to: string, value: string | string[] | undefined) => {
    if (value === undefined) return;
    let values = into.get(to);
    if (!values) into.set(to, (values = []));
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  };
  for (const rule of rules) {
    if (rule.kind === 'copy') add(rule.to, headers[rule.from]);
    else for (const name in headers) if (rule.test(name)) add(name, headers[name]);
  }
}

/** Applies per-subgraph request and response header rules (see the module doc). */
export function useHeaderRules(options: HeaderRulesOptions): GatewayPlugin {
  const all = compile([options.all], 'all');
  const bySubgraph = new Map<string, CompiledRules>();
  for (const [name, rules] of Object.entries(options.subgraphs ?? {})) {
    bySubgraph.set(name, compile([options.all, rules], `subgraphs.${name}`));
  }
  return {
    name: 'header-rules',
    onSubgraphRequest({ request, clientRequest, context, fetcher, setFetcher }) {
      const rules = bySubgraph.get(request.serviceName) ?? all;
      const headers = request.headers;
      for (const rule of rules.request) {
        switch (rule.kind) {
          case 'copy': {
            const value = single(clientRequest.headers[rule.from]) ?? rule.fallback;
            if (value !== undefined) headers[rule.to] = value;
            break;
          }
          case 'copy-matching':
            for (const name in clientRequest.headers) {
              const value = single(clientRequest.headers[name]);
              if (value !== undefined && rule.test(name)) headers[name] = value;
            }
            break;
          case 'insert':
            headers[rule.name] = rule.value;
            break;
          case 'remove':
            for (const name of Object.keys(headers)) if (rule.test(name)) delete headers[name];
            break;
        }
      }
      if (rules.response.length === 0) return;
      let collected = context.get(COLLECTED) as Collected | undefined;
      if (!collected) context.set(COLLECTED, (collected = new Map()));
      const into = collected;
      setFetcher(async (req) => {
        const response = await fetcher(req);
        collect(rules.response, response.headers, into);
        return response;
      });
    },
    onResponse({ response, context }) {
      const collected = context.get(COLLECTED) as Collected | undefined;
      if (!collected) return;
      for (const [name, values] of collected) {
        if (values.length === 0) continue;
        const existing = response.headers[name];
        const before =
          existing === undefined ? [] : typeof existing === 'string' ? [existing] : existing;
        if (name === 'set-cookie') {
          response.headers[name] = [...before, ...values];
        } else if (name === 'cache-control') {
          response.headers[name] = mergeCacheControl([...before, ...values])!;
        } else {
          response.headers[name] = values[values.length - 1]!;
        }
      }
    },
  };
}
