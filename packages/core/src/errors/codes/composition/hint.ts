import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_HINT_CODES = defineCodeTable({
  title: 'Composition hints',
  summary:
    'Hints do not fail composition; they point at differences between subgraphs that composition resolved in a documented way.',
  codes: {
    INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE: {
      description:
        "A field's type differs between subgraphs in a compatible way (such as nullability); the supergraph takes the most general type.",
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE: {
      description:
        "An argument's type differs between subgraphs in a compatible way; the supergraph takes the most restrictive type.",
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    INCONSISTENT_DEFAULT_VALUE_PRESENCE: {
      description:
        'An argument or input field has a default value in some subgraphs but not in others.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_ENTITY: {
      description:
        'A type is an entity (has a `@key`) in some subgraphs and a plain type in others.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    INCONSISTENT_OBJECT_VALUE_TYPE_FIELD: {
      description:
        'A field of a value object type is defined in only some of the subgraphs that define the type.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD: {
      description:
        'A field of a value interface type is defined in only some of the subgraphs that define the type.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_INPUT_OBJECT_FIELD: {
      description:
        'An input field is missing from some subgraphs and was dropped from the supergraph (input types merge by intersection).',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_UNION_MEMBER: {
      description:
        'A union has different members in different subgraphs; the supergraph takes them all.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM: {
      description:
        'An enum used only as input has values missing from some subgraphs; those values were dropped.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM: {
      description:
        'An enum used only as output has values missing from some subgraphs; the supergraph takes them all.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    UNUSED_ENUM_TYPE: {
      description:
        'An enum is not used by any field or argument; its values were merged as for an output enum.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_REPEATABLE: {
      description:
        'A type-system directive is repeatable in some subgraphs only; the supergraph makes it repeatable.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_TYPE_SYSTEM_DIRECTIVE_LOCATIONS: {
      description:
        'A type-system directive has different locations in different subgraphs; the supergraph takes them all.',
      raisedBy: ['composition'],
      level: 'debug',
      apolloCompatible: true,
    },
    INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE: {
      description:
        'An executable directive is defined in only some subgraphs; it is left out of the supergraph.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE: {
      description:
        'An executable directive is repeatable in some subgraphs only; the supergraph makes it non-repeatable.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS: {
      description:
        'An executable directive has different locations in different subgraphs; the supergraph keeps the common ones.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    NO_EXECUTABLE_DIRECTIVE_INTERSECTION: {
      description:
        'An executable directive has no location common to all subgraphs; it is left out of the supergraph.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_DESCRIPTION: {
      description:
        'An element has different descriptions in different subgraphs; the supergraph takes the most common one.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_ARGUMENT_PRESENCE: {
      description:
        "An optional argument is missing from some subgraphs' definitions of a field and was dropped from the supergraph.",
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    FROM_SUBGRAPH_DOES_NOT_EXIST: {
      description:
        'An `@override(from:)` names a subgraph that does not exist (a typo?). The override has no effect.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    OVERRIDDEN_FIELD_CAN_BE_REMOVED: {
      description:
        'A field is overridden and no longer used by its original subgraph; it can be removed there.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    OVERRIDE_DIRECTIVE_CAN_BE_REMOVED: {
      description:
        'An `@override` points at a subgraph that no longer defines the field; the directive can be removed.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    OVERRIDE_MIGRATION_IN_PROGRESS: {
      description:
        'A field is overridden but still used by its original subgraph (for a key, `@requires` or `@provides`); the migration is not finished.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: {
      description:
        'A non-repeatable directive is applied with different arguments in different subgraphs; one application was kept.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: {
      description:
        "A non-repeatable directive (such as `@cost`) is applied with different arguments; they were merged by the directive's rule.",
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    DIRECTIVE_COMPOSITION_INFO: {
      description: 'Information about a directive kept by `@composeDirective`.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
    DIRECTIVE_COMPOSITION_WARN: {
      description: 'A possible problem with a directive kept by `@composeDirective`.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    INCONSISTENT_RUNTIME_TYPES_FOR_SHAREABLE_RETURN: {
      description:
        'A shareable field returning an abstract type has different possible runtime types in different subgraphs.',
      raisedBy: ['composition'],
      level: 'warn',
      apolloCompatible: true,
    },
    IMPLICITLY_UPGRADED_FEDERATION_VERSION: {
      description:
        'A subgraph links a spec that needs a newer federation version than it declares; it was treated as that version.',
      raisedBy: ['composition'],
      level: 'info',
      apolloCompatible: true,
    },
  },
});

/** Every composition table, in the order the docs list them. */
