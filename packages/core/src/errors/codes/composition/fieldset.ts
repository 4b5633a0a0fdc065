import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_FIELDSET_CODES = defineCodeTable({
  title: 'Composition: field sets (`@key`, `@requires`, `@provides`)',
  summary: 'Raised when the `fields` argument of a field-set directive is not usable.',
  codes: {
    KEY_FIELDS_HAS_ARGS: {
      description:
        'A `@key` selects a field that takes arguments; key fields cannot have arguments.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_FIELDS_HAS_ARGS: {
      description: 'A `@provides` selects a field that takes arguments.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    KEY_FIELDS_SELECT_INVALID_TYPE: {
      description:
        'A `@key` selects a list, interface or union field; key fields must be scalars, enums or objects.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    KEY_INVALID_FIELDS: {
      description:
        "A `@key`'s `fields` does not parse or names fields that do not exist on the type.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRES_INVALID_FIELDS: {
      description:
        "A `@requires`'s `fields` does not parse or names fields that do not exist on the parent type.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_INVALID_FIELDS: {
      description:
        "A `@provides`'s `fields` does not parse or names fields that do not exist on the field's return type.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    KEY_INVALID_FIELDS_TYPE: {
      description: 'The `fields` argument of a `@key` is not a string.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRES_INVALID_FIELDS_TYPE: {
      description: 'The `fields` argument of a `@requires` is not a string.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_INVALID_FIELDS_TYPE: {
      description: 'The `fields` argument of a `@provides` is not a string.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    KEY_DIRECTIVE_IN_FIELDS_ARG: {
      description:
        "A `@key`'s `fields` contains directive applications, which are not allowed there.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_DIRECTIVE_IN_FIELDS_ARG: {
      description: "A `@provides`'s `fields` contains directive applications.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRES_DIRECTIVE_IN_FIELDS_ARG: {
      description: "A `@requires`'s `fields` contains directive applications.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    KEY_UNSUPPORTED_ON_INTERFACE: {
      description:
        '`@key` is used on an interface with a federation version that does not support entity interfaces (before 2.3).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_UNSUPPORTED_ON_INTERFACE: {
      description: '`@provides` is used on an interface field, which is not supported.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRES_UNSUPPORTED_ON_INTERFACE: {
      description: '`@requires` is used on an interface field, which is not supported.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_FIELDS_MISSING_EXTERNAL: {
      description:
        'A field selected by `@provides` is not marked `@external` in the providing subgraph.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRES_FIELDS_MISSING_EXTERNAL: {
      description:
        'A field selected by `@requires` is not marked `@external` in the requiring subgraph.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    PROVIDES_ON_NON_OBJECT_FIELD: {
      description:
        '`@provides` is applied to a field whose type is not an object, interface or union (a list of them is fine).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
