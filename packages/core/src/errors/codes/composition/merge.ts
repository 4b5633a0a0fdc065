import { defineCodeTable } from '../../code-table.js';

export const COMPOSITION_MERGE_CODES = defineCodeTable({
  title: 'Composition: merging',
  summary: "Raised while merging the subgraphs' definitions into the supergraph.",
  codes: {
    TYPE_KIND_MISMATCH: {
      description:
        'A type has the same name but a different kind (object, interface, union, enum, input, scalar) in different subgraphs.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    FIELD_TYPE_MISMATCH: {
      description:
        'A field has incompatible types in different subgraphs (compatible differences, like nullability, only give a hint).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    FIELD_ARGUMENT_TYPE_MISMATCH: {
      description: 'An argument of a field has incompatible types in different subgraphs.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    FIELD_ARGUMENT_DEFAULT_MISMATCH: {
      description: 'An argument of a field has different default values in different subgraphs.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INPUT_FIELD_DEFAULT_MISMATCH: {
      description: 'An input object field has different default values in different subgraphs.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EXTENSION_WITH_NO_BASE: {
      description:
        'A type is only ever extended (`extend type`) and never defined in any subgraph.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_FIELD_SHARING: {
      description:
        'A field that is not `@shareable` is resolved by more than one subgraph (or a subscription field is shareable). The message lists the subgraphs and which lack `@shareable`.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_SHAREABLE_USAGE: {
      description:
        '`@shareable` is used where it is not allowed, such as on an interface field, or repeated where the federation version does not allow it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: {
      description:
        'A required input field is missing from some subgraphs; input types merge by intersection, so it would be dropped.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: {
      description:
        "A required argument is missing from some subgraphs' definitions of the field; arguments merge by intersection.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EMPTY_MERGED_INPUT_TYPE: {
      description:
        'An input type has no field common to every subgraph that defines it, so the merged type would be empty.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    EMPTY_MERGED_ENUM_TYPE: {
      description:
        'An enum used as input has no value common to every subgraph that defines it, so the merged enum would be empty.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ENUM_VALUE_MISMATCH: {
      description:
        'An enum used both as input and as output has different values in different subgraphs; such enums must match exactly.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES: {
      description:
        'A shareable field returns an abstract type whose possible runtime types have nothing in common across the subgraphs that resolve it.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INTERFACE_FIELD_NO_IMPLEM: {
      description:
        "After merging, an object or interface implementing an interface lacks one of the interface's fields.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    SATISFIABILITY_ERROR: {
      description:
        'Some query that is valid against the API schema cannot be resolved by any chain of subgraph fetches. The message shows a minimal failing query and why each subgraph cannot continue.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED: {
      description: 'The satisfiability check explored more subgraph paths than its limit allows.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});
