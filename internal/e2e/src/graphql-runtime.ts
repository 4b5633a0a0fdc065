/**
 * The graphql-js the harness executes with. `@apollo/subgraph` and `@apollo/gateway` load
 * graphql's CommonJS build; schemas built by one copy cannot run documents parsed by the other
 * (the dual-package hazard), so every schema, document and execution here comes from that same
 * CommonJS copy.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { addResolversToSchema, buildSubgraphSchema } from '@apollo/subgraph';
import type * as GraphQL from 'graphql';
import type { GraphQLRequest, SubgraphRuntime } from '@orrery/internal-testing';
import type { Resolvers } from './scenario.js';

export const graphqlJs = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** A GraphQL response reduced to JSON (what a client would see on the wire). */
export interface GraphQLResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Record<string, unknown>;
  }[];
}

/** Round-trips through JSON: drops `undefined`, null prototypes and class instances. */
export function toJson(value: unknown): GraphQLResponse {
  return JSON.parse(JSON.stringify(value)) as GraphQLResponse;
}

/** Parses, validates and executes `request` against `schema`, like a single GraphQL server. */
export async function executeRequest(
  schema: GraphQL.GraphQLSchema,
  request: GraphQLRequest,
): Promise<GraphQLResponse> {
  let document: GraphQL.DocumentNode;
  try {
    document = graphqlJs.parse(request.query);
  } catch (error) {
    return toJson({ errors: [error] });
  }
  const errors = graphqlJs.validate(schema, document);
  if (errors.length > 0) return toJson({ errors });
  const result = await graphqlJs.execute({
    schema,
    document,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
  });
  return toJson(result);
}

/** Subgraph servers: `buildSubgraphSchema` over the SDL, graphql-js execution. */
export const subgraphRuntime: SubgraphRuntime<string, Resolvers, GraphQL.GraphQLSchema> = {
  buildSchema: (typeDefs, resolvers) =>
    buildSubgraphSchema([{ typeDefs: graphqlJs.parse(typeDefs), resolvers }]),
  execute: (schema, request) => executeRequest(schema, request),
};

/** The monolith: a plain schema from SDL with the resolver map attached. */
export function buildMonolithSchema(typeDefs: string, resolvers: Resolvers): GraphQL.GraphQLSchema {
  const schema = graphqlJs.buildSchema(typeDefs);
  addResolversToSchema(schema, resolvers);
  return schema;
}
