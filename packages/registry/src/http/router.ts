/**
 * A small path router: exact segments and `:param` segments, matched in registration order.
 * The registry has about thirty routes, so a linear scan over pre-split patterns is fast enough
 * and keeps matching obvious; no framework needed.
 *
 * @module
 */

/** Path parameters of a matched route, already percent-decoded. */
export type Params = Readonly<Record<string, string>>;

/** A route found for a request: its handler and parameters. */
export interface RouteMatch<H> {
  readonly kind: 'match';
  readonly handler: H;
  readonly params: Params;
}

/** The path exists but not for this method: answer 405 with `Allow`. */
export interface MethodMismatch {
  readonly kind: 'method-not-allowed';
  readonly allowed: readonly string[];
}

/** The path matched a route but a parameter was not valid percent-encoding. */
export interface BadPath {
  readonly kind: 'bad-path';
}

export type RouteLookup<H> = RouteMatch<H> | MethodMismatch | BadPath | undefined;

interface Route<H> {
  readonly method: string;
  /** Literal segments as strings; parameters as `{ param: name }`. */
  readonly segments: readonly (string | { readonly param: string })[];
  readonly handler: H;
}

export interface Router<H> {
  /** Registers `handler` for `method` and a pattern such as `/api/v1/graphs/:graph`. */
  add(method: string, pattern: string, handler: H): void;
  /** Finds the route for a path (without its query string). */
  match(method: string, path: string): RouteLookup<H>;
}

function split(path: string): string[] {
  // A trailing slash names the same resource: `/graphs/` is `/graphs`.
  return path.split('/').filter((segment) => segment !== '');
}

export function createRouter<H>(): Router<H> {
  const routes: Route<H>[] = [];
  return {
    add(method, pattern, handler) {
      const segments = split(pattern).map((segment) =>
        segment.startsWith(':') ? { param: segment.slice(1) } : segment,
      );
      routes.push({ method: method.toUpperCase(), segments, handler });
    },
    match(method, path) {
      const parts = split(path);
      const allowed: string[] = [];
      for (const route of routes) {
        const params = matchSegments(route.segments, parts);
        if (params === undefined) continue;
        if (params === null) return { kind: 'bad-path' };
        if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
          return { kind: 'match', handler: route.handler, params };
        }
        allowed.push(route.method);
      }
      return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : undefined;
    },
  };
}

/** `undefined`: no match; `null`: matched but a parameter does not decode. */
function matchSegments(
  segments: Route<unknown>['segments'],
  parts: readonly string[],
): Record<string, string> | undefined | null {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  let malformed = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
      continue;
    }
    try {
      params[segment.param] = decodeURIComponent(part);
    } catch {
      malformed = true;
    }
  }
  return malformed ? null : params;
}
