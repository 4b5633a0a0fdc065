import { defineCodeTable } from '../code-table.js';

// Codes raised by composition. The code strings are Apollo Federation's, so users can look them up
// in Apollo's documentation and tools matching on them keep working; descriptions are our own.

export const COMPOSITION_GENERAL_CODES = defineCodeTable({
  title: 'Composition: subgraphs and links',
  summary:
    'Raised while reading each subgraph: its GraphQL, its `@link`s and its federation definitions.',
  codes: {
    INVALID_GRAPHQL: {
      description:
        "A subgraph schema is not valid GraphQL (it does not parse, or graphql-js validation rejects it). The message carries the parser's or validator's reason.",
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    DIRECTIVE_DEFINITION_INVALID: {
      description:
        'A subgraph redefines a built-in or federation directive with an incompatible shape (arguments, locations or repeatability). Remove the definition or make it match the spec.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    TYPE_DEFINITION_INVALID: {
      description:
        'A subgraph redefines a federation type (such as `FieldSet` or `_Any`) with an incompatible shape.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNSUPPORTED_LINKED_FEATURE: {
      description:
        'A `@link` names a feature composition does not support, or uses it with unsupported options.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNKNOWN_FEDERATION_LINK_VERSION: {
      description:
        'The federation spec version in `@link(url: ".../federation/vX.Y")` is not a known version.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNKNOWN_LINK_VERSION: {
      description: 'The link spec version a subgraph uses is not a known version.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_LINK_DIRECTIVE_USAGE: {
      description:
        'A `@link` application is malformed (for example a bad `import` entry or a directive imported as a type).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_LINK_IDENTIFIER: {
      description: 'A `@link` URL cannot be parsed into a spec identity, name and version.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LINK_IMPORT_NAME_MISMATCH: {
      description:
        'A directive that is merged into the supergraph (`@tag`, `@inaccessible`, or one kept by `@composeDirective`) is imported under different names in different subgraphs. Use the same name everywhere.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_SUBGRAPH_NAME: {
      description: 'A subgraph name is invalid: `_` is reserved, and names must be non-empty.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_QUERY_USED: {
      description:
        'A subgraph defines a type named `Query` while another type is its query root. Composition renames roots to `Query`, so the two would clash.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_MUTATION_USED: {
      description:
        'A subgraph defines a type named `Mutation` while another type is its mutation root.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    ROOT_SUBSCRIPTION_USED: {
      description:
        'A subgraph defines a type named `Subscription` while another type is its subscription root.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    NO_QUERIES: {
      description:
        'No subgraph exposes any field on the query root, so the supergraph would have no query.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    UNSUPPORTED_FEATURE: {
      description:
        'A federation feature is used where it is not supported (for example a linked feature in a position composition cannot honour).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    INVALID_FEDERATION_SUPERGRAPH: {
      description:
        'A supergraph given as input is not a valid federation supergraph (missing or malformed `@link`/`join__*` metadata).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});

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
        'An argument is contextual (`@fromContext`) in some subgraphs but a plain, required argument in others.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});

export const COMPOSITION_COST_CODES = defineCodeTable({
  title: 'Composition: demand control (`@cost`, `@listSize`)',
  summary: 'Raised for invalid demand-control directives.',
  codes: {
    COST_APPLIED_TO_INTERFACE_FIELD: {
      description: '`@cost` is applied to an interface field; put it on the implementations.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_APPLIED_TO_NON_LIST: {
      description:
        '`@listSize` is applied to a field that does not return a list (and has no `sizedFields`).',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_ASSUMED_SIZE: {
      description: '`@listSize(assumedSize:)` is negative.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_SLICING_ARGUMENT: {
      description: 'A `@listSize(slicingArguments:)` entry is not an `Int` argument of the field.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
    LIST_SIZE_INVALID_SIZED_FIELD: {
      description: 'A `@listSize(sizedFields:)` entry is not a list field of the returned type.',
      raisedBy: ['composition'],
      level: 'error',
      apolloCompatible: true,
    },
  },
});

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
export const COMPOSITION_CODE_TABLES = [
  COMPOSITION_GENERAL_CODES,
  COMPOSITION_FIELDSET_CODES,
  COMPOSITION_EXTERNAL_CODES,
  COMPOSITION_MERGE_CODES,
  COMPOSITION_INACCESSIBLE_CODES,
  COMPOSITION_OVERRIDE_CODES,
  COMPOSITION_INTERFACE_OBJECT_CODES,
  COMPOSITION_COMPOSE_DIRECTIVE_CODES,
  COMPOSITION_CONTEXT_CODES,
  COMPOSITION_COST_CODES,
  COMPOSITION_AUTH_CODES,
  COMPOSITION_HINT_CODES,
] as const;
