import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_INTERFACE_OBJECT_CODES = defineCodeTable({
  title: 'Composition: entity interfaces',
  summary: 'Raised for `@key` on interfaces and `@interfaceObject`.',
  codes: {
    INTERFACE_OBJECT_USAGE_ERROR: {
      description:
        '`@interfaceObject` is used on a type that is not an interface (with `@key`) in some other subgraph, or without a `@key`.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INTERFACE_KEY_NOT_ON_IMPLEMENTATION: {
      description:
        "An implementation of an entity interface lacks one of the interface's `@key`s as a resolvable key.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE: {
      description:
        'A subgraph defines an entity interface but not every type that implements it in the supergraph.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
