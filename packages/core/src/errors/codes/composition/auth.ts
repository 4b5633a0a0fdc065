import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_AUTH_CODES = defineCodeTable({
  title: 'Composition: authorization',
  summary: 'Raised for invalid uses of `@authenticated`, `@requiresScopes` and `@policy`.',
  codes: {
    AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE: {
      description:
        'An authorization directive is applied to an interface, its fields or an `@interfaceObject`; put it on the implementations.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    MISSING_TRANSITIVE_AUTH_REQUIREMENTS: {
      description:
        'A field that `@requires` or uses `@fromContext` on protected data does not carry the authorization requirements of the data it reads.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
