/**
 * The slice of Apollo's Uplink schema Orrery serves: `routerConfig`, the query that
 * `@apollo/gateway` and Apollo Router poll for the supergraph. Requests are executed against
 * this schema with graphql-js, so whatever selection set, aliases, fragments or variables a
 * client sends work as they would against Apollo's Uplink.
 *
 * @module
 */
import { buildSchema, type GraphQLSchema } from 'graphql';

export const UPLINK_SDL = /* GraphQL */ `
  type Query {
    """
    The supergraph of \`ref\` (graph@variant) if it is newer than \`ifAfterId\`.
    \`apiKey\` is an Orrery key allowed to read the variant (a gateway key).
    """
    routerConfig(ref: String!, apiKey: String!, ifAfterId: ID): RouterConfigResponse!
  }

  union RouterConfigResponse = RouterConfigResult | Unchanged | FetchError

  type RouterConfigResult {
    "The launch id: monotonic per variant, so ifAfterId never moves a client backwards."
    id: ID!
    supergraphSDL: String!
    "Seconds the client should wait before polling again."
    minDelaySeconds: Float!
    messages: [Message!]!
  }

  type Unchanged {
    id: ID!
    minDelaySeconds: Float!
  }

  type FetchError {
    code: FetchErrorCode!
    message: String!
    minDelaySeconds: Float!
  }

  enum FetchErrorCode {
    "The key is unknown or revoked: do not retry."
    AUTHENTICATION_FAILED
    "The key may not read this variant: do not retry."
    ACCESS_DENIED
    "No such graph or variant, or it has no successful launch yet: retry with backoff."
    UNKNOWN_REF
    "A temporary failure: retry later."
    RETRY_LATER
    NOT_IMPLEMENTED_ON_THIS_INSTANCE
  }

  type Message {
    level: MessageLevel!
    body: String!
  }

  enum MessageLevel {
    ERROR
    WARN
    INFO
  }
`;

let schema: GraphQLSchema | undefined;

/** The Uplink schema, built once. */
export function uplinkSchema(): GraphQLSchema {
  schema ??= buildSchema(UPLINK_SDL);
  return schema;
}
