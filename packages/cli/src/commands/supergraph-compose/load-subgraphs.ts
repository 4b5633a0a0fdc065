import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { SubgraphInput } from '@orrery/composition';
import { createDiagnostic, type Diagnostic } from '@orrery/core';
import { GraphQLError, parse } from 'graphql';
import { request } from 'undici';
import { CliError } from '../../lib/errors.js';
import type { SchemaSource, SubgraphConfig } from './config.js';

/** The query a federated subgraph answers with its own SDL (federation's `Query._service`). */
const SERVICE_SDL_QUERY = '{ _service { sdl } }';

export interface LoadOptions {
  /** Where relative paths in messages start. */
  readonly cwd: string;
  /** How long one `subgraph_url` may take before it counts as unreachable. */
  readonly timeoutMs: number;
}

export interface LoadResult {
  readonly subgraphs: readonly SubgraphInput[];
  /** One `INVALID_GRAPHQL` per subgraph whose SDL does not parse. */
  readonly errors: readonly Diagnostic[];
}

function unreachable(subgraph: string, url: string, reason: string): never {
  throw new CliError(
    'ERR_CLI_SUBGRAPH_UNREACHABLE',
    `subgraph "${subgraph}": could not fetch its schema from ${url}: ${reason}`,
  );
}

function describeFailure(error: unknown): string {
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

/** POSTs `{ _service { sdl } }` to a running subgraph, as rover does for `subgraph_url`. */
async function introspect(
  subgraph: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<string> {
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: SERVICE_SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    return unreachable(subgraph, url, describeFailure(error));
  }
  if (status < 200 || status >= 300) unreachable(subgraph, url, `HTTP ${status}`);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return unreachable(subgraph, url, 'the response is not JSON');
  }
  const body = payload as {
    data?: { _service?: { sdl?: unknown } };
    errors?: { message?: unknown }[];
  };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl === 'string') return sdl;
  const firstError = body.errors?.[0]?.message;
  return unreachable(
    subgraph,
    url,
    typeof firstError === 'string'
      ? `the server answered with an error: ${firstError}`
      : 'the response has no data._service.sdl (is it a federated subgraph?)',
  );
}

async function readSdl(
  subgraph: SubgraphConfig,
  options: LoadOptions,
): Promise<{ sdl: string; source: string }> {
  const schema: SchemaSource = subgraph.schema;
  switch (schema.kind) {
    case 'sdl':
      return { sdl: schema.sdl, source: subgraph.name };
    case 'introspect':
      return {
        sdl: await introspect(subgraph.name, schema.url, schema.headers, options.timeoutMs),
        source: schema.url,
      };
    case 'file': {
      const source = relative(options.cwd, schema.path) || schema.path;
      try {
        return { sdl: await readFile(schema.path, 'utf8'), source };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new CliError(
          'ERR_CLI_INPUT_NOT_FOUND',
          `subgraph "${subgraph.name}": cannot read schema file ${source}${code === 'ENOENT' ? ' (no such file)' : `: ${describeFailure(error)}`}`,
        );
      }
    }
  }
}

/**
 * Reads or fetches every subgraph's SDL (concurrently) and parses it. A missing file or an
 * unreachable URL stops everything (`CliError`); SDL that does not parse is reported per subgraph
 * as `INVALID_GRAPHQL` with its file position, so one run shows every broken schema.
 */
export async function loadSubgraphs(
  configs: readonly SubgraphConfig[],
  options: LoadOptions,
): Promise<LoadResult> {
  const loaded = await Promise.all(configs.map((config) => readSdl(config, options)));
  const subgraphs: SubgraphInput[] = [];
  const errors: Diagnostic[] = [];
  loaded.forEach(({ sdl, source }, i) => {
    const { name, routingUrl } = configs[i]!;
    try {
      subgraphs.push({ name, url: routingUrl, sdl, document: parse(sdl), source });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      errors.push(
        createDiagnostic('INVALID_GRAPHQL', error.message, {
          subgraphs: [name],
          locations: (error.locations ?? []).map((l) => ({
            source,
            line: l.line,
            column: l.column,
          })),
        }),
      );
    }
  });
  return { subgraphs, errors };
}
