/**
 * Test-only access to Apollo's implementation, used as an oracle (we run it, never copy it).
 */
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';

/**
 * Apollo's packages are CommonJS and load graphql's CJS build; graphql-js objects from the ESM
 * build fail its `instanceof` checks, so everything handed to or read from Apollo goes through
 * the CJS copy.
 */
const graphqlCjs = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const { lexicographicSortSchema, parse, printSchema } = graphqlCjs;

export interface SubgraphDef {
  readonly name: string;
  readonly url?: string;
  readonly sdl: string;
}

/** Fed 2 link header importing everything the corpus uses. */
export const FED2_HEADER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@interfaceObject", "@authenticated", "@requiresScopes", "@policy", "@composeDirective", "@cost", "@listSize", "@context", "@fromContext"])\n`;

/** Composes with `@apollo/composition`; throws with the errors when it fails. */
export function apolloCompose(subgraphs: readonly SubgraphDef[]): {
  supergraphSdl: string;
  apiSdl: string;
} {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: s.url ?? `http://${s.name}.local/graphql`,
      typeDefs: parse(s.sdl),
    })),
  );
  if (result.errors) {
    throw new Error(
      result.errors.map((e) => `${String(e.extensions['code'])}: ${e.message}`).join('\n'),
    );
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema())),
  };
}

/** The error codes `@apollo/composition` gives for these subgraphs (empty when it composes). */
export function apolloCompositionCodes(subgraphs: readonly SubgraphDef[]): string[] {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: s.url ?? `http://${s.name}.local/graphql`,
      typeDefs: parse(s.sdl),
    })),
  );
  return (result.errors ?? []).map((e) => String(e.extensions['code']));
}

/**
 * Apollo's API schema of a hand-written supergraph: the printed sorted SDL, or the codes of the
 * errors it raised.
 */
export function apolloApiSchema(supergraphSdl: string): { sdl: string } | { codes: string[] } {
  try {
    const api = Supergraph.build(supergraphSdl).apiSchema();
    return { sdl: printSchema(lexicographicSortSchema(api.toGraphQLJSSchema())) };
  } catch (error) {
    const e = error as {
      causes?: { extensions?: Record<string, unknown> }[];
      extensions?: Record<string, unknown>;
    };
    const causes = e.causes?.length ? e.causes : [e];
    return { codes: causes.map((c) => String(c.extensions?.['code'])) };
  }
}
