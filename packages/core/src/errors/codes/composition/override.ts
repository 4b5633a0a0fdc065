import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_OVERRIDE_CODES = defineCodeTable({
  title: 'Composition: `@override`',
  summary: 'Raised for invalid uses of `@override`.',
  codes: {
    OVERRIDE_FROM_SELF_ERROR: {
      description: "A field's `@override(from:)` names the subgraph it is declared in.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    OVERRIDE_SOURCE_HAS_OVERRIDE: {
      description:
        'The field named by `@override(from:)` itself carries an `@override`, forming a chain.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE: {
      description:
        '`@override` is combined with a directive that conflicts with it (such as `@external`), or the overridden field is marked in a way that makes the override meaningless.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    OVERRIDE_ON_INTERFACE: {
      description: '`@override` is applied to an interface field.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    OVERRIDE_LABEL_INVALID: {
      description:
        'The `label` of an `@override` is not `percent(N)` with 0 <= N <= 100 nor a valid identifier-like label.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
