/**
 * `useSandbox`: serves the sandbox (GraphiQL with a query plan panel) to browsers at `GET /`
 * (`Accept: text/html`), and its two files under `/sandbox/`. The files are built into the
 * package (`dist/sandbox`, see `build-sandbox.ts`) and read from disk once; nothing comes from a
 * CDN, so the sandbox works offline and behind strict egress rules.
 *
 * When the files are missing (running the gateway from its TypeScript sources without a build)
 * the page says so and how to build them; GraphQL is served either way.
 *
 * The sandbox shows the schema and, through `orrery-expose-query-plan`, the plans, so
 * `createGateway` adds it only outside production (`sandbox` option), like introspection.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GatewayRequest, GatewayResponse } from '../http/types.js';
import type { GatewayPlugin } from '../plugin.js';
import { missingBundlePage, sandboxPage } from './page.js';

export interface SandboxOptions {
  /** The GraphQL endpoint the sandbox sends operations to (default `/graphql`). */
  readonly endpoint?: string;
  /** Where the page is served (default `/`). */
  readonly path?: string;
  /** The operation in the editor on first load. */
  readonly defaultQuery?: string;
  /**
   * The folder holding the built `sandbox.js` and `sandbox.css`. Default: `sandbox/` next to the
   * built package entry (`dist/sandbox`), or the package's `dist/sandbox` when running from
   * sources.
   */
  readonly assetsDir?: string;
}

const ASSET_PREFIX = '/sandbox/';
const TYPES: Record<string, string> = {
  'sandbox.js': 'text/javascript; charset=utf-8',
  'sandbox.css': 'text/css; charset=utf-8',
};

/**
 * The page's policy: scripts and styles from this origin only (inline styles are GraphiQL's
 * editor layout), requests only to this origin, never framed by other sites.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

type Assets = { readonly files: ReadonlyMap<string, string>; readonly version: string };

function defaultDirs(): string[] {
  return [
    // Built: this module is bundled into dist/index.js, next to dist/sandbox.
    fileURLToPath(new URL('./sandbox/', import.meta.url)),
    // Sources: src/sandbox/use-sandbox.ts, two levels below the package.
    fileURLToPath(new URL('../../dist/sandbox/', import.meta.url)),
  ];
}

async function loadAssets(dirs: readonly string[]): Promise<Assets | undefined> {
  for (const dir of dirs) {
    try {
      const files = new Map<string, string>();
      for (const name of Object.keys(TYPES)) {
        files.set(name, await readFile(join(dir, name), 'utf8'));
      }
      const hash = createHash('sha256');
      for (const text of files.values()) hash.update(text);
      return { files, version: hash.digest('hex').slice(0, 12) };
    } catch {
      // Not in this folder: try the next.
    }
  }
  return undefined;
}

function pathOf(request: GatewayRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

function wantsHtml(request: GatewayRequest): boolean {
  const accept = request.headers['accept'];
  const value = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return value.includes('text/html');
}

/** Serves the sandbox page and files (see the module doc). */
export function useSandbox(options: SandboxOptions = {}): GatewayPlugin {
  const endpoint = options.endpoint ?? '/graphql';
  const pagePath = options.path ?? '/';
  const dirs = options.assetsDir ? [options.assetsDir] : defaultDirs();
  const config = {
    endpoint,
    ...(options.defaultQuery === undefined ? {} : { defaultQuery: options.defaultQuery }),
  };
  // Read once; a missing bundle is looked for again on the next page load, so building while
  // the gateway runs is enough.
  let assets: Promise<Assets | undefined> | undefined;
  const load = (): Promise<Assets | undefined> => {
    assets ??= loadAssets(dirs).then((found) => {
      if (!found) assets = undefined;
      return found;
    });
    return assets;
  };

  const page = async (): Promise<GatewayResponse> => {
    const found = await load();
    if (!found) {
      return {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        body: missingBundlePage(endpoint, dirs),
      };
    }
    return {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      },
      body: sandboxPage(config, ASSET_PREFIX, found.version),
    };
  };

  const asset = async (name: string): Promise<GatewayResponse | undefined> => {
    const type = TYPES[name];
    if (!type) return undefined;
    const found = await load();
    const text = found?.files.get(name);
    if (text === undefined) return undefined;
    return {
      status: 200,
      headers: {
        'content-type': type,
        // The page asks for ?v=<content hash>, so a new build is a new URL.
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
      body: text,
    };
  };

  return {
    name: 'sandbox',
    // Synchronous for every request it does not serve: GraphQL requests pay no promise here.
    onRequest({ request, setResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = pathOf(request);
      if (path === pagePath && wantsHtml(request)) return page().then(setResponse);
      if (!path.startsWith(ASSET_PREFIX)) return;
      return asset(path.slice(ASSET_PREFIX.length)).then((response) => {
        if (response) setResponse(response);
      });
    },
  };
}
