/**
 * `POST /uplink`: a GraphQL-over-HTTP endpoint for the Uplink schema. A body that is not a
 * GraphQL request, a document that does not parse or validate: `400` with GraphQL `errors`
 * (what Apollo's clients expect from Uplink); otherwise `200` with the execution result.
 *
 * @module
 */
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import type { Answer } from '../http/types.js';
import { resolveRouterConfig, type RouterConfigArgs, type UplinkDeps } from './router-config.js';
import { uplinkSchema } from './schema.js';

/** Uplink queries are a few hundred bytes; this bounds parsing work on junk. */
const MAX_QUERY_LENGTH = 20_000;

const graphQLErrors = (status: number, message: string): Answer => ({
  status,
  json: { errors: [{ message }] },
});

export async function handleUplink(body: Buffer, deps: UplinkDeps): Promise<Answer> {
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return graphQLErrors(400, 'The request body is not valid JSON.');
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return graphQLErrors(400, 'The request body must be a JSON object.');
  }
  const { query, variables, operationName } = request as Record<string, unknown>;
  if (typeof query !== 'string' || query === '') {
    return graphQLErrors(400, 'The request has no "query".');
  }
  if (query.length > MAX_QUERY_LENGTH) return graphQLErrors(400, 'The query is too long.');
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return graphQLErrors(400, '"variables" must be an object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return graphQLErrors(400, '"operationName" must be a string.');
  }

  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return {
      status: 400,
      json: {
        errors: [error instanceof GraphQLError ? error.toJSON() : { message: String(error) }],
      },
    };
  }
  const schema = uplinkSchema();
  const errors = validate(schema, document);
  if (errors.length > 0) {
    return { status: 400, json: { errors: errors.map((error) => error.toJSON()) } };
  }

  const result = await execute({
    schema,
    document,
    rootValue: {
      routerConfig: (args: RouterConfigArgs) => resolveRouterConfig(args, deps),
    },
    variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName: operationName ?? undefined,
  });
  return { status: 200, json: result };
}
