import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { SubgraphInput } from '@orrery/composition';
import { createDiagnostic, type Diagnostic } from '@orrery/core';
import { GraphQLError, parse } from 'graphql';
import { CliError } from '../../lib/errors.js';
import { describeFailure, introspectSubgraph } from '../../lib/introspect.js';
import type { SchemaSource, SubgraphConfig } from './config.js';

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
        sdl: await introspectSubgraph(schema.url, {
          headers: schema.headers,
          timeoutMs: options.timeoutMs,
          subgraph: subgraph.name,
        }),
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
