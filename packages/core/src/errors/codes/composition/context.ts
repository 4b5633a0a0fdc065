import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_CONTEXT_CODES = defineCodeTable({
  title: 'Composition: `@context` and `@fromContext`',
  summary: 'Raised for invalid contexts and contextual arguments.',
  codes: {
    CONTEXT_NOT_SET: {
      description: 'A `@fromContext` refers to a context that no type sets with `@context`.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    CONTEXT_INVALID_SELECTION: {
      description:
        'The selection of a `@fromContext` is invalid for the types that set the context.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    NO_CONTEXT_IN_SELECTION: {
      description: 'The `field` of a `@fromContext` does not start with a `$context` reference.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    CONTEXT_NO_RESOLVABLE_KEY: {
      description:
        'A type that uses `@fromContext` has no resolvable `@key`, so the context cannot be passed to it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    CONTEXT_NAME_INVALID: {
      description:
        'A `@context` name is not a valid name (it must not contain `_` and must be a GraphQL name).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS: {
      description:
        'An argument is contextual (`@fromContext`) in some subgraphs but a plain argument in others, so it is left out of the supergraph field. An error when the plain argument is required (clients could no longer pass it), an `info` hint when it is optional.',
      raisedBy: ['composition'],
      level: 'error',
      hintLevel: 'info',
      apolloCompatible: true,
    },
  },
});
