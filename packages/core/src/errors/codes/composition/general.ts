import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_GENERAL_CODES = defineCodeTable({
  title: 'Composition: subgraphs and links',
  summary:
    'Raised while reading each subgraph: its GraphQL, its `@link`s and its federation definitions.',
  codes: {
    INVALID_GRAPHQL: {
      description:
        "A subgraph schema is not valid GraphQL (it does not parse, or graphql-js validation rejects it). The message carries the parser's or validator's reason.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    DIRECTIVE_DEFINITION_INVALID: {
      description:
        'A subgraph redefines a built-in or federation directive with an incompatible shape (arguments, locations or repeatability). Remove the definition or make it match the spec.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    TYPE_DEFINITION_INVALID: {
      description:
        'A subgraph redefines a federation type (such as `FieldSet` or `_Any`) with an incompatible shape.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNSUPPORTED_LINKED_FEATURE: {
      description:
        'A supergraph given as input (to `toApiSchema` or `applyContract`) links a feature `for: SECURITY` or `for: EXECUTION` that Orrery does not know, so serving it would ignore rules the feature requires; or it uses `for:` with `@core` v0.1, which has no such argument.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNKNOWN_FEDERATION_LINK_VERSION: {
      description:
        'The federation spec version in `@link(url: ".../federation/vX.Y")` is not a known version.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNKNOWN_LINK_VERSION: {
      description:
        'A subgraph links the link spec itself at a version that does not exist (only `https://specs.apollo.dev/link/v1.0` does).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_LINK_DIRECTIVE_USAGE: {
      description:
        'A `@link` application is malformed (for example a bad `import` entry or a directive imported as a type).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_LINK_IDENTIFIER: {
      description: 'A `@link` URL cannot be parsed into a spec identity, name and version.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LINK_IMPORT_NAME_MISMATCH: {
      description:
        'A directive that is merged into the supergraph (`@tag`, `@inaccessible`, or one kept by `@composeDirective`) is imported under different names in different subgraphs. Use the same name everywhere.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_SUBGRAPH_NAME: {
      description: 'A subgraph name is invalid: `_` is reserved, and names must be non-empty.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_QUERY_USED: {
      description:
        'A subgraph defines a type named `Query` while another type is its query root. Composition renames roots to `Query`, so the two would clash.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_MUTATION_USED: {
      description:
        'A subgraph defines a type named `Mutation` while another type is its mutation root.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_SUBSCRIPTION_USED: {
      description:
        'A subgraph defines a type named `Subscription` while another type is its subscription root.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    NO_QUERIES: {
      description:
        'No subgraph exposes any field on the query root, so the supergraph would have no query.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNSUPPORTED_FEATURE: {
      description: 'A federation feature is used where federation does not support it yet.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
      notRaised:
        '`@apollo/composition` 2.14 defines this code but no input raises it (unsupported uses get a more specific code, such as `INVALID_LINK_DIRECTIVE_USAGE` for `@interfaceObject` imported below federation v2.3), so Orrery, which raises what Apollo raises, never reports it either.',
    },
    INVALID_FEDERATION_SUPERGRAPH: {
      description:
        'A supergraph given as input (to `toApiSchema`, `applyContract` or `validateSatisfiability`) is not a valid federation supergraph: it does not parse, is not a core schema, does not link a known version of the join spec, or its metadata is malformed.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
