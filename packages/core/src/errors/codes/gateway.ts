import { defineCodeTable } from '../code-table.js';

/**
 * Codes raised by the gateway (`@orrery/gateway`) at run time: in GraphQL responses
 * (`errors[].extensions.code`) and on the coded error classes its API throws.
 */
export const GATEWAY_CODES = defineCodeTable({
  title: 'Gateway',
  summary:
    'Raised by `@orrery/gateway` while serving requests or loading supergraphs. Request-level codes appear in `errors[].extensions.code` of the GraphQL response; load and configuration codes are thrown by `createGateway` and the supergraph sources.',
  codes: {
    ERR_GATEWAY_BAD_REQUEST: {
      description:
        'The HTTP request is not a GraphQL-over-HTTP request the gateway accepts: an unsupported method or content type, a body that is not JSON, no `query`, `variables` or `extensions` that are not objects, or a mutation sent with GET.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_CSRF_PREVENTED: {
      description:
        'A request that a browser could send cross-site without a preflight (a GET, or a POST with a simple content type) carried none of the headers that force one (`content-type: application/json`, `apollo-require-preflight`, `x-apollo-operation-name`). Add one of them; Apollo Server refuses the same requests.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_BODY_TOO_LARGE: {
      description:
        'The request body is larger than `maxBodyBytes` (default 1 MiB). The limit keeps one client from making the gateway buffer arbitrarily large bodies.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_LIMIT_EXCEEDED: {
      description:
        'The operation exceeds a configured limit: `maxTokens` (checked while parsing), `maxDepth` (field nesting after fragments are inlined) or `maxAliases`. The message names the limit; raise it in the gateway options if your operations legitimately need more.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_INTROSPECTION_DISABLED: {
      description:
        'The operation asks for `__schema` or `__type` while introspection is turned off (`introspection: false`).',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_OPERATION_NOT_PLANNABLE: {
      description:
        'The query planner rejected a valid operation (a planner limit, or a shape it cannot plan). The message carries the planner code (`ERR_PLAN_*`) and its message.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_UNSUPPORTED_PLAN_NODE: {
      description:
        'The plan holds a node the gateway does not execute yet (`Defer`, `Subscription`). The operation is refused as a whole.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_SUBGRAPH_REQUEST_FAILED: {
      description:
        'A subgraph request failed at the transport level (connection refused or reset, DNS) or the subgraph answered a non-2xx status without a GraphQL body. The fields that fetch owns are null in the response, with this error; the rest of the response is served.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_SUBGRAPH_TIMEOUT: {
      description:
        'A subgraph did not answer within its timeout (`subgraphTimeoutMs`, default 30 s, settable per subgraph). The fields that fetch owns are null, with this error.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_SUBGRAPH_INVALID_RESPONSE: {
      description:
        'A subgraph answered with a body that is not a GraphQL response: not JSON, not an object, neither `data` nor `errors`, or an `_entities` list whose length differs from the representations sent.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_NON_NULL_VIOLATION: {
      description:
        'A field declared non-null had no value after every fetch ran (a subgraph returned null for it, or the fetch that owns it failed). As in any GraphQL server, the null moves up to the nearest nullable parent; this error marks where it started when no subgraph error already does.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_INVALID_VALUE: {
      description:
        "A subgraph returned a value of the wrong shape for the field's type (an object for a list, a scalar for an object, an enum value the API schema does not have). The field is null, with this error.",
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_NOT_READY: {
      description:
        'A request arrived before the first supergraph finished loading (the gateway answers 503 and `/ready` is not ready yet).',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_SUPERGRAPH_LOAD_FAILED: {
      description:
        'A supergraph could not be loaded: the file is missing, the SDL is not a supergraph the planner can read, or the subgraphs of a service list did not answer `{ _service { sdl } }` or did not compose. At start-up the gateway fails; on a reload the new supergraph is rejected and the previous one keeps serving.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_INVALID_CONFIG: {
      description:
        'The options given to `createGateway` (or the `gateway.yaml` read by `orrery gateway --config`) are invalid: no supergraph source, a negative limit, an unknown subgraph in `subgraphs:` overrides. The message names the option.',
      raisedBy: ['gateway', 'cli'],
      level: 'error',
    },
    ERR_GATEWAY_CLIENT_NAME_REQUIRED: {
      description:
        'The gateway requires clients to identify themselves (`useClientAwareness({ requireClientName: true })`, `client_awareness.require_client_name` in `gateway.yaml`) and the request had no client name header (`apollographql-client-name` unless configured otherwise). Send the header, and the version header, with every request; the answer is HTTP 400.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    ERR_GATEWAY_INTERNAL: {
      description:
        'An unexpected failure inside the gateway (a bug, or a plugin that threw). The client sees a generic message; the original error is published on the `orrery:gateway:error` diagnostics channel.',
      raisedBy: ['gateway'],
      level: 'error',
    },
    GRAPHQL_PARSE_FAILED: {
      description:
        'The operation text is not valid GraphQL syntax. Same code as Apollo Server, so existing clients recognise it.',
      raisedBy: ['gateway'],
      level: 'error',
      apolloCompatible: true,
    },
    GRAPHQL_VALIDATION_FAILED: {
      description:
        "The operation is not valid against the gateway's API schema (an unknown field, a `join__*` or `@inaccessible` element, a bad variable). Same code as Apollo Server.",
      raisedBy: ['gateway'],
      level: 'error',
      apolloCompatible: true,
    },
    DOWNSTREAM_SERVICE_ERROR: {
      description:
        "A subgraph returned a GraphQL error without its own `extensions.code`. The message is the subgraph's, `extensions.serviceName` names the subgraph, and the path is rewritten to the client operation. Same code as Apollo Gateway.",
      raisedBy: ['gateway'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
