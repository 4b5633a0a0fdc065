/**
 * Fields: of object and interface types (output positions, which may get stricter) and of
 * input objects (input positions, which may get looser).
 *
 * @module
 */
import {
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';
import type { ChangeList } from './change.js';
import { defaultChangeMessage, diffArguments } from './diff-arguments.js';
import { printDefaultValue } from './default-values.js';
import { deprecatedMeta, diffDeprecation, diffDescription, FIELD_DEPRECATION } from './metadata.js';
import { isSafeInputChange, isSafeOutputChange, sameReference } from './type-references.js';

/** Compares the fields of an object or interface type present (with that kind) in both schemas. */
export function diffOutputFields(
  changes: ChangeList,
  oldType: GraphQLObjectType | GraphQLInterfaceType,
  newType: GraphQLObjectType | GraphQLInterfaceType,
): void {
  const oldFields = oldType.getFields();
  const newFields = newType.getFields();
  for (const oldField of Object.values(oldFields)) {
    const coordinate = `${oldType.name}.${oldField.name}`;
    const label = `Field \`${coordinate}\``;
    const newField = newFields[oldField.name];
    if (newField === undefined) {
      changes.add(
        'FIELD_REMOVED',
        'breaking',
        coordinate,
        `${label}${oldField.deprecationReason == null ? '' : ' (deprecated)'} was removed.`,
        deprecatedMeta(oldField.deprecationReason),
      );
      continue;
    }
    if (!sameReference(oldField.type, newField.type)) {
      const stricter = isSafeOutputChange(oldField.type, newField.type);
      changes.add(
        'FIELD_CHANGED_TYPE',
        stricter ? 'safe' : 'breaking',
        coordinate,
        `${label} changed type from \`${String(oldField.type)}\` to \`${String(newField.type)}\`.`,
        { oldType: String(oldField.type), newType: String(newField.type) },
      );
    }
    diffArguments(changes, { kind: 'field', coordinate }, oldField.args, newField.args);
    diffDescription(
      changes,
      'FIELD_DESCRIPTION_CHANGE',
      coordinate,
      `field \`${coordinate}\``,
      oldField.description,
      newField.description,
    );
    diffDeprecation(
      changes,
      FIELD_DEPRECATION,
      coordinate,
      label,
      oldField.deprecationReason,
      newField.deprecationReason,
    );
  }
  for (const newField of Object.values(newFields)) {
    if (oldFields[newField.name] !== undefined) continue;
    const coordinate = `${newType.name}.${newField.name}`;
    changes.add('FIELD_ADDED', 'safe', coordinate, `Field \`${coordinate}\` was added.`);
  }
}

/** Compares the fields of an input object present in both schemas, and `@oneOf`. */
export function diffInputFields(
  changes: ChangeList,
  oldType: GraphQLInputObjectType,
  newType: GraphQLInputObjectType,
): void {
  const oldFields = oldType.getFields();
  const newFields = newType.getFields();
  for (const oldField of Object.values(oldFields)) {
    const coordinate = `${oldType.name}.${oldField.name}`;
    const label = `Input field \`${coordinate}\``;
    const newField = newFields[oldField.name];
    if (newField === undefined) {
      changes.add(
        'FIELD_REMOVED_FROM_INPUT_OBJECT',
        'breaking',
        coordinate,
        `${label}${oldField.deprecationReason == null ? '' : ' (deprecated)'} was removed.`,
        deprecatedMeta(oldField.deprecationReason),
      );
      continue;
    }
    if (!sameReference(oldField.type, newField.type)) {
      const looser = isSafeInputChange(oldField.type, newField.type);
      changes.add(
        'FIELD_ON_INPUT_OBJECT_CHANGED_TYPE',
        looser ? 'safe' : 'breaking',
        coordinate,
        `${label} changed type from \`${String(oldField.type)}\` to \`${String(newField.type)}\`.`,
        { oldType: String(oldField.type), newType: String(newField.type) },
      );
    }
    const oldDefault = printDefaultValue(oldField);
    const newDefault = printDefaultValue(newField);
    if (oldDefault !== newDefault) {
      changes.add(
        'INPUT_FIELD_DEFAULT_VALUE_CHANGE',
        'dangerous',
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
      'FIELD_DESCRIPTION_CHANGE',
      coordinate,
      `input field \`${coordinate}\``,
      oldField.description,
      newField.description,
    );
    diffDeprecation(
      changes,
      FIELD_DEPRECATION,
      coordinate,
      label,
      oldField.deprecationReason,
      newField.deprecationReason,
    );
  }
  for (const newField of Object.values(newFields)) {
    if (oldFields[newField.name] !== undefined) continue;
    const coordinate = `${newType.name}.${newField.name}`;
    const type = String(newField.type);
    // As for arguments: only a non-null field without a default must be sent by every caller.
    if (isNonNullType(newField.type) && newField.defaultValue === undefined) {
      changes.add(
        'REQUIRED_FIELD_ADDED_TO_INPUT_OBJECT',
        'breaking',
        coordinate,
        `Required input field \`${coordinate}\` of type \`${type}\` was added.`,
        { newType: type },
      );
    } else {
      changes.add(
        'OPTIONAL_FIELD_ADDED_TO_INPUT_OBJECT',
        'safe',
        coordinate,
        `Optional input field \`${coordinate}\` of type \`${type}\` was added.`,
        { newType: type },
      );
    }
  }
  // `@oneOf`: exactly one field must be given. Values with several fields, valid before, fail.
  if (!oldType.isOneOf && newType.isOneOf) {
    changes.add(
      'ONE_OF_ADDED',
      'breaking',
      newType.name,
      `Input object \`${newType.name}\` became @oneOf: exactly one of its fields must be given.`,
    );
  } else if (oldType.isOneOf && !newType.isOneOf) {
    changes.add(
      'ONE_OF_REMOVED',
      'safe',
      newType.name,
      `Input object \`${newType.name}\` is no longer @oneOf.`,
    );
  }
}
