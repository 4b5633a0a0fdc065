import { composeServices as apolloCompose } from '@apollo/composition';
import { composeServices as guildCompose } from '@theguild/federation-composition';
import {
  buildSchema,
  lexicographicSortSchema,
  parse,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import type * as GraphqlJs from 'graphql';
import { createRequire } from 'node:module';
import { codeSet, type ParityCase } from './cases.js';

/**
 * `@apollo/composition` is CommonJS and loads graphql-js's CommonJS build, while this file gets
 * the ESM build: two realms whose `instanceof` checks reject each other's schemas. Apollo's API
 * schema is therefore printed with the same graphql-js instance Apollo itself uses.
 */
const apolloGraphql = createRequire(import.meta.url)('graphql') as typeof GraphqlJs;

/** What a reference composer produced for a case, reduced to what parity compares. */
export type OracleResult =
  | { readonly ok: true; readonly supergraphSdl: string; readonly apiSdl: string }
  | { readonly ok: false; readonly codes: readonly string[]; readonly messages: readonly string[] };

/** The API schema as parity compares it: types and fields sorted, printed by graphql-js. */
export function printApiSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

function errorCode(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : 'NO_CODE';
}

function services(testCase: ParityCase) {
  return testCase.subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
}

/** Composes a case with `@apollo/composition` (the oracle Orrery must match). */
export function composeWithApollo(testCase: ParityCase): OracleResult {
  const result = apolloCompose(services(testCase));
  if (result.errors) {
    return {
      ok: false,
      codes: codeSet(result.errors.map(errorCode)),
      messages: result.errors.map((e) => `${errorCode(e)}: ${e.message}`),
    };
  }
  const api = result.schema.toAPISchema().toGraphQLJSSchema();
  const apiSdl = apolloGraphql.printSchema(apolloGraphql.lexicographicSortSchema(api));
  return { ok: true, supergraphSdl: result.supergraphSdl, apiSdl };
}

/**
 * Composes a case with `@theguild/federation-composition`. Only recorded, never required: the
 * Guild's composer is a second opinion, not the reference.
 */
export function composeWithGuild(testCase: ParityCase): OracleResult {
  try {
    const result = guildCompose(services(testCase));
    if (result.errors) {
      return {
        ok: false,
        codes: codeSet(result.errors.map(errorCode)),
        messages: result.errors.map((e) => `${errorCode(e)}: ${e.message}`),
      };
    }
    return {
      ok: true,
      supergraphSdl: result.supergraphSdl,
      apiSdl: printApiSchema(buildSchema(result.publicSdl)),
    };
  } catch (error) {
    return { ok: false, codes: ['THREW'], messages: [String(error)] };
  }
}
