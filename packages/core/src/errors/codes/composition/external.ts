import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_EXTERNAL_CODES = defineCodeTable({
  title: 'Composition: `@external`',
  summary: 'Raised when `@external` fields are unused, unbacked or inconsistent.',
  codes: {
    EXTERNAL_UNUSED: {
      description:
        'A field is marked `@external` but no `@key`, `@requires` or `@provides` of its subgraph uses it. Remove the field or use it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    TYPE_WITH_ONLY_UNUSED_EXTERNAL: {
      description:
        'After upgrading a Federation 1 subgraph, a type has only unused `@external` fields left.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_MISSING_ON_BASE: {
      description:
        'A field is `@external` in every subgraph that defines it: no subgraph actually resolves it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_TYPE_MISMATCH: {
      description:
        'The type of an `@external` field is not compatible with the type of the field in the subgraphs that resolve it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_ARGUMENT_MISSING: {
      description: 'An `@external` field lacks an argument that the resolving definitions declare.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_ARGUMENT_TYPE_MISMATCH: {
      description:
        'An argument of an `@external` field has a type incompatible with the resolving definitions.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_ARGUMENT_DEFAULT_MISMATCH: {
      description:
        'An argument of an `@external` field has a default value different from the resolving definitions.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_ON_INTERFACE: {
      description: '`@external` is applied to an interface field, which is not allowed.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE: {
      description: '`@external` is combined on one field with a directive it conflicts with.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL: {
      description:
        'A merged directive (such as `@tag` or `@inaccessible`) is applied to an `@external` field, where it has no effect.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
