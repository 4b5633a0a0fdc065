/**
 * The catalogue of schema change codes `diffSchemas` emits.
 *
 * Where Apollo GraphOS has a `ChangeCode` for a change, Orrery uses it verbatim, so a `rover`
 * user reads the same names; the few changes Apollo has no code for get an Orrery code in the
 * same style (`origin: 'orrery'`). docs/checks.md renders this table with the reasons; a test
 * keeps the two in step.
 *
 * @module
 */

/** How a change affects existing clients. */
export type SchemaChangeSeverity = 'breaking' | 'dangerous' | 'safe';

/** What the catalogue records for one code. */
export interface SchemaChangeCodeInfo {
  /**
   * The severity the code always has, or `varies` when it depends on the change (a field type
   * that only gets stricter is safe, one that gets looser is breaking; a directive only usable
   * in schemas cannot break operations).
   */
  readonly severity: SchemaChangeSeverity | 'varies';
  /** `apollo`: Apollo GraphOS's `ChangeCode` of the same name; `orrery`: Orrery's own. */
  readonly origin: 'apollo' | 'orrery';
  /** One line on what the change is. */
  readonly summary: string;
}

/** Every code, in docs order (by area). */
export const SCHEMA_CHANGE_CODES = {
  // Types
  TYPE_ADDED: { severity: 'safe', origin: 'apollo', summary: 'A type was added.' },
  TYPE_REMOVED: { severity: 'breaking', origin: 'apollo', summary: 'A type was removed.' },
  TYPE_CHANGED_KIND: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A type changed kind (object to interface, enum to scalar, ...).',
  },
  TYPE_DESCRIPTION_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "A type's description was added, changed or removed.",
  },
  ROOT_TYPE_CHANGED: {
    severity: 'breaking',
    origin: 'orrery',
    summary: 'A root operation type (query, mutation, subscription) was replaced or removed.',
  },

  // Fields of objects and interfaces
  FIELD_ADDED: { severity: 'safe', origin: 'apollo', summary: 'A field was added.' },
  FIELD_REMOVED: { severity: 'breaking', origin: 'apollo', summary: 'A field was removed.' },
  FIELD_CHANGED_TYPE: {
    severity: 'varies',
    origin: 'apollo',
    summary: "A field's type changed: safe when it only gets stricter, breaking otherwise.",
  },
  FIELD_DESCRIPTION_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "A field's (or input field's) description was added, changed or removed.",
  },
  FIELD_DEPRECATED: {
    severity: 'safe',
    origin: 'apollo',
    summary: 'A field (or input field) was deprecated.',
  },
  FIELD_DEPRECATION_REMOVED: {
    severity: 'safe',
    origin: 'apollo',
    summary: 'A field (or input field) is no longer deprecated.',
  },
  FIELD_DEPRECATED_REASON_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "A deprecated field's (or input field's) reason changed.",
  },

  // Arguments of fields
  ARG_REMOVED: { severity: 'breaking', origin: 'apollo', summary: 'An argument was removed.' },
  REQUIRED_ARG_ADDED: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A non-null argument without a default was added.',
  },
  OPTIONAL_ARG_ADDED: {
    severity: 'safe',
    origin: 'apollo',
    summary: 'A nullable argument, or one with a default, was added.',
  },
  ARG_CHANGED_TYPE: {
    severity: 'varies',
    origin: 'apollo',
    summary: "An argument's type changed: safe when it only gets looser, breaking otherwise.",
  },
  ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A nullable argument became non-null (`Int` to `Int!`).',
  },
  ARG_DEFAULT_VALUE_CHANGE: {
    severity: 'dangerous',
    origin: 'apollo',
    summary: "An argument's default value was added, changed or removed.",
  },
  ARG_DESCRIPTION_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "An argument's description was added, changed or removed.",
  },
  ARG_DEPRECATED: { severity: 'safe', origin: 'orrery', summary: 'An argument was deprecated.' },
  ARG_DEPRECATION_REMOVED: {
    severity: 'safe',
    origin: 'orrery',
    summary: 'An argument is no longer deprecated.',
  },
  ARG_DEPRECATED_REASON_CHANGE: {
    severity: 'safe',
    origin: 'orrery',
    summary: "A deprecated argument's reason changed.",
  },

  // Input objects
  FIELD_REMOVED_FROM_INPUT_OBJECT: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'An input field was removed.',
  },
  REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A non-null input field without a default was added.',
  },
  OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT: {
    severity: 'safe',
    origin: 'apollo',
    summary: 'A nullable input field, or one with a default, was added.',
  },
  FIELD_ON_INPUT_OBJECT_CHANGED_TYPE: {
    severity: 'varies',
    origin: 'apollo',
    summary: "An input field's type changed: safe when it only gets looser, breaking otherwise.",
  },
  INPUT_FIELD_DEFAULT_VALUE_CHANGE: {
    severity: 'dangerous',
    origin: 'orrery',
    summary: "An input field's default value was added, changed or removed.",
  },
  ONE_OF_ADDED: {
    severity: 'breaking',
    origin: 'orrery',
    summary: 'An input object became `@oneOf`.',
  },
  ONE_OF_REMOVED: {
    severity: 'safe',
    origin: 'orrery',
    summary: 'An input object is no longer `@oneOf`.',
  },

  // Enums
  VALUE_ADDED_TO_ENUM: {
    severity: 'varies',
    origin: 'apollo',
    summary: 'An enum value was added: dangerous when the enum is returned by a field.',
  },
  VALUE_REMOVED_FROM_ENUM: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'An enum value was removed.',
  },
  ENUM_VALUE_DESCRIPTION_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "An enum value's description was added, changed or removed.",
  },
  ENUM_DEPRECATED: { severity: 'safe', origin: 'apollo', summary: 'An enum value was deprecated.' },
  ENUM_DEPRECATION_REMOVED: {
    severity: 'safe',
    origin: 'apollo',
    summary: 'An enum value is no longer deprecated.',
  },
  ENUM_DEPRECATED_REASON_CHANGE: {
    severity: 'safe',
    origin: 'apollo',
    summary: "A deprecated enum value's reason changed.",
  },

  // Unions and interfaces
  TYPE_ADDED_TO_UNION: {
    severity: 'dangerous',
    origin: 'apollo',
    summary: 'A union gained a member.',
  },
  TYPE_REMOVED_FROM_UNION: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A union lost a member.',
  },
  TYPE_ADDED_TO_INTERFACE: {
    severity: 'dangerous',
    origin: 'apollo',
    summary: 'A type now implements an interface.',
  },
  TYPE_REMOVED_FROM_INTERFACE: {
    severity: 'breaking',
    origin: 'apollo',
    summary: 'A type no longer implements an interface.',
  },

  // Directive definitions
  DIRECTIVE_ADDED: { severity: 'safe', origin: 'orrery', summary: 'A directive was added.' },
  DIRECTIVE_REMOVED: {
    severity: 'varies',
    origin: 'apollo',
    summary: 'A directive was removed: breaking when operations could use it.',
  },
  DIRECTIVE_ARG_REMOVED: {
    severity: 'varies',
    origin: 'apollo',
    summary: "A directive's argument was removed: breaking when operations could use it.",
  },
  REQUIRED_DIRECTIVE_ARG_ADDED: {
    severity: 'varies',
    origin: 'apollo',
    summary: 'A required directive argument was added: breaking when operations could use it.',
  },
  OPTIONAL_DIRECTIVE_ARG_ADDED: {
    severity: 'safe',
    origin: 'orrery',
    summary: 'An optional directive argument was added.',
  },
  DIRECTIVE_ARG_CHANGED_TYPE: {
    severity: 'varies',
    origin: 'orrery',
    summary:
      "A directive argument's type changed: breaking when it gets stricter and operations could use it.",
  },
  DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE: {
    severity: 'varies',
    origin: 'orrery',
    summary: "A directive argument's default changed: dangerous when operations could use it.",
  },
  DIRECTIVE_LOCATION_ADDED: {
    severity: 'safe',
    origin: 'orrery',
    summary: 'A directive can be used in one more location.',
  },
  DIRECTIVE_LOCATION_REMOVED: {
    severity: 'varies',
    origin: 'apollo',
    summary: 'A directive location was removed: breaking for an executable location.',
  },
  DIRECTIVE_REPEATABLE_ADDED: {
    severity: 'safe',
    origin: 'orrery',
    summary: 'A directive became repeatable.',
  },
  DIRECTIVE_REPEATABLE_REMOVED: {
    severity: 'varies',
    origin: 'apollo',
    summary: 'A directive is no longer repeatable: breaking when operations could use it.',
  },
  DIRECTIVE_DESCRIPTION_CHANGE: {
    severity: 'safe',
    origin: 'orrery',
    summary: "A directive's description was added, changed or removed.",
  },
} as const satisfies Record<string, SchemaChangeCodeInfo>;

/** A stable change code: `FIELD_REMOVED`, `TYPE_ADDED`, `ARG_CHANGED_TYPE`... */
export type SchemaChangeCode = keyof typeof SCHEMA_CHANGE_CODES;
