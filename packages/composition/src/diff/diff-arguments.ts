/**
 * Arguments, of fields and of directives. Arguments are input positions: they may get looser,
 * never stricter, and a new one must be optional.
 *
 * A directive whose old definition has no executable location (`FIELD`, `QUERY`, ...) cannot
 * appear in an operation, so no change to its arguments can break or alter one: those changes
 * are `safe`, with the same codes.
 *
 * @module
 */
import { isNonNullType, type GraphQLArgument } from 'graphql';
import type { ChangeList } from './change.js';
import type { SchemaChangeSeverity } from './codes.js';
import { printDefaultValue } from './default-values.js';
import {
  ARG_DEPRECATION,
  deprecatedMeta,
  diffDeprecation,
  diffDescription,
  lowerFirst,
} from './metadata.js';
import { isOptionalToRequired, isSafeInputChange, sameReference } from './type-references.js';

/** Whose arguments: a field's (`Type.field`) or a directive's (`@name`). */
export type ArgumentOwner =
  | { readonly kind: 'field'; readonly coordinate: string }
  | {
      readonly kind: 'directive';
      readonly coordinate: string;
      /** The old definition has an executable location: operations may use it. */
      readonly executable: boolean;
    };

/** Compares the arguments of one field or directive present in both schemas. */
export function diffArguments(
  changes: ChangeList,
  owner: ArgumentOwner,
  oldArgs: readonly GraphQLArgument[],
  newArgs: readonly GraphQLArgument[],
): void {
  const newByName = new Map(newArgs.map((arg) => [arg.name, arg]));
  const oldByName = new Map(oldArgs.map((arg) => [arg.name, arg]));
  // Only for directives that operations cannot use does a breaking change become safe.
  const ifUsable = (severity: SchemaChangeSeverity): SchemaChangeSeverity =>
    owner.kind === 'directive' && !owner.executable ? 'safe' : severity;

  for (const oldArg of oldArgs) {
    const coordinate = `${owner.coordinate}(${oldArg.name}:)`;
    const label = `Argument \`${coordinate}\``;
    const newArg = newByName.get(oldArg.name);
    if (newArg === undefined) {
      changes.add(
        owner.kind === 'field' ? 'ARG_REMOVED' : 'DIRECTIVE_ARG_REMOVED',
        ifUsable('breaking'),
        coordinate,
        `${label}${oldArg.deprecationReason == null ? '' : ' (deprecated)'} was removed.`,
        deprecatedMeta(oldArg.deprecationReason),
      );
      continue;
    }
    diffArgumentType(changes, owner, coordinate, label, oldArg, newArg, ifUsable);
    const oldDefault = printDefaultValue(oldArg);
    const newDefault = printDefaultValue(newArg);
    if (oldDefault !== newDefault) {
      changes.add(
        owner.kind === 'field' ? 'ARG_DEFAULT_VALUE_CHANGE' : 'DIRECTIVE_ARG_DEFAULT_VALUE_CHANGE',
        ifUsable('dangerous'),
        coordinate,
        defaultChangeMessage(label, oldDefault, newDefault),
        {
          ...(oldDefault === undefined ? {} : { oldValue: oldDefault }),
          ...(newDefault === undefined ? {} : { newValue: newDefault }),
        },
      );
    }
    diffDescription(
      changes,
      'ARG_DESCRIPTION_CHANGE',
      coordinate,
      `argument \`${coordinate}\``,
      oldArg.description,
      newArg.description,
    );
    diffDeprecation(
      changes,
      ARG_DEPRECATION,
      coordinate,
      label,
      oldArg.deprecationReason,
      newArg.deprecationReason,
    );
  }

  for (const newArg of newArgs) {
    if (oldByName.has(newArg.name)) continue;
    const coordinate = `${owner.coordinate}(${newArg.name}:)`;
    // Required means the caller must pass it: non-null and no default to fall back on.
    const required = isNonNullType(newArg.type) && newArg.defaultValue === undefined;
    if (required) {
      changes.add(
        owner.kind === 'field' ? 'REQUIRED_ARG_ADDED' : 'REQUIRED_DIRECTIVE_ARG_ADDED',
        ifUsable('breaking'),
        coordinate,
        `Required argument \`${coordinate}\` of type \`${String(newArg.type)}\` was added.`,
        { newType: String(newArg.type) },
      );
    } else {
      changes.add(
        owner.kind === 'field' ? 'OPTIONAL_ARG_ADDED' : 'OPTIONAL_DIRECTIVE_ARG_ADDED',
        'safe',
        coordinate,
        `Optional argument \`${coordinate}\` of type \`${String(newArg.type)}\` was added.`,
        { newType: String(newArg.type) },
      );
    }
  }
}

function diffArgumentType(
  changes: ChangeList,
  owner: ArgumentOwner,
  coordinate: string,
  label: string,
  oldArg: GraphQLArgument,
  newArg: GraphQLArgument,
  ifUsable: (severity: SchemaChangeSeverity) => SchemaChangeSeverity,
): void {
  if (sameReference(oldArg.type, newArg.type)) return;
  const oldType = String(oldArg.type);
  const newType = String(newArg.type);
  const message = `${label} changed type from \`${oldType}\` to \`${newType}\`.`;
  if (owner.kind === 'field' && isOptionalToRequired(oldArg.type, newArg.type)) {
    changes.add('ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED', 'breaking', coordinate, message, {
      oldType,
      newType,
    });
    return;
  }
  changes.add(
    owner.kind === 'field' ? 'ARG_CHANGED_TYPE' : 'DIRECTIVE_ARG_CHANGED_TYPE',
    isSafeInputChange(oldArg.type, newArg.type) ? 'safe' : ifUsable('breaking'),
    coordinate,
    message,
    { oldType, newType },
  );
}

/** The message of a default value added, changed or removed (`label` is "Argument `X`"...). */
export function defaultChangeMessage(
  label: string,
  oldDefault: string | undefined,
  newDefault: string | undefined,
): string {
  if (oldDefault === undefined) return `${label} got the default value \`${newDefault}\`.`;
  if (newDefault === undefined) {
    return `${label} no longer has a default value (was \`${oldDefault}\`).`;
  }
  return `Default value of ${lowerFirst(label)} changed from \`${oldDefault}\` to \`${newDefault}\`.`;
}
