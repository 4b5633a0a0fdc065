import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_COMPOSE_DIRECTIVE_CODES = defineCodeTable({
  title: 'Composition: `@composeDirective`',
  summary: 'Raised when custom directives cannot be kept in the supergraph.',
  codes: {
    DIRECTIVE_COMPOSITION_ERROR: {
      description:
        'A `@composeDirective` names a directive that cannot be composed: not defined, not `@link`ed, a federation directive, or defined differently across subgraphs.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
