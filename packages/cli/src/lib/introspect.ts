/**
 * Fetching a running subgraph's SDL through federation's `{ _service { sdl } }`, as rover does:
 * used by `supergraph compose` (`subgraph_url`), `subgraph introspect` and
 * `subgraph publish --endpoint`.
 *
 * @module
 */
import { request } from 'undici';
import { CliError } from './errors.js';

/** The query a federated subgraph answers with its own SDL (federation's `Query._service`). */
const SERVICE_SDL_QUERY = '{ _service { sdl } }';

export interface IntrospectOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** How long the subgraph may take. */
  readonly timeoutMs: number;
  /** Names the subgraph in the error message. */
  readonly subgraph?: string;
  /** Exit code of the failure (1 by default; the registry commands use 4, "unreachable"). */
  readonly exitCode?: number;
}

/** The most useful words of a failed request: the message plus the system error code. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
    const code = (error as { code?: unknown }).code;
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const detail =
      typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : '';
    return detail && !error.message.includes(detail)
      ? `${error.message} (${detail})`
      : error.message;
  }
  return String(error);
}

/** POSTs `{ _service { sdl } }` to `url` and returns the SDL; any failure is a CliError. */
export async function introspectSubgraph(url: string, options: IntrospectOptions): Promise<string> {
  const unreachable = (reason: string): never => {
    const what = options.subgraph
      ? `subgraph "${options.subgraph}": could not fetch its schema`
      : 'could not fetch the subgraph schema';
    throw new CliError(
      'ERR_CLI_SUBGRAPH_UNREACHABLE',
      `${what} from ${url}: ${reason}`,
      options.exitCode ?? 1,
    );
  };
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...options.headers,
      },
      body: JSON.stringify({ query: SERVICE_SDL_QUERY }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    return unreachable(describeFailure(error));
  }
  if (status < 200 || status >= 300) unreachable(`HTTP ${status}`);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return unreachable('the response is not JSON');
  }
  const body = payload as {
    data?: { _service?: { sdl?: unknown } };
    errors?: { message?: unknown }[];
  };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl === 'string') return sdl;
  const firstError = body.errors?.[0]?.message;
  return unreachable(
    typeof firstError === 'string'
      ? `the server answered with an error: ${firstError}`
      : 'the response has no data._service.sdl (is it a federated subgraph?)',
  );
}

/** Parses repeated `--header "Name: value"` options. */
export function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon <= 0) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `--header must be "Name: value", not "${value}"`,
        2,
      );
    }
    headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
  }
  return headers;
}
