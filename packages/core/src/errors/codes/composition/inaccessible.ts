import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_INACCESSIBLE_CODES = defineCodeTable({
  title: 'Composition: `@inaccessible`',
  summary: 'Raised when hiding elements with `@inaccessible` would leave the API schema invalid.',
  codes: {
    REFERENCED_INACCESSIBLE: {
      description:
        'An element is `@inaccessible` but is referenced by an element that is visible in the API schema.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    DEFAULT_VALUE_USES_INACCESSIBLE: {
      description: 'A default value uses an `@inaccessible` enum value.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    QUERY_ROOT_TYPE_INACCESSIBLE: {
      description: 'The query root type is `@inaccessible`.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRED_INACCESSIBLE: {
      description: 'A required argument or required input field is `@inaccessible`.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    IMPLEMENTED_BY_INACCESSIBLE: {
      description:
        "An interface field is `@inaccessible` while an implementation's field is visible.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    DISALLOWED_INACCESSIBLE: {
      description:
        '`@inaccessible` is applied to an element that cannot be hidden (a built-in type or directive, for example).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ONLY_INACCESSIBLE_CHILDREN: {
      description:
        'Every field, value or member of a visible type is `@inaccessible`, so the type would be empty in the API schema.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
