/**
 * Sets of names: enum values, union members, implemented interfaces.
 *
 * Removing one breaks operations that name it (an enum literal, `... on Member`). Adding one
 * keeps every operation valid but lets the server return something clients have not seen: an
 * unknown enum value or `__typename`, which a client's exhaustive `switch` may not handle. That
 * is `dangerous`, except for an enum no field returns: clients only send it, and a value they
 * do not know they never send.
 *
 * @module
 */
import type {
  GraphQLEnumType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLUnionType,
} from 'graphql';
import type { ChangeList } from './change.js';
import {
  deprecatedMeta,
  diffDeprecation,
  diffDescription,
  ENUM_VALUE_DEPRECATION,
} from './metadata.js';

/**
 * Compares the values of an enum present in both schemas. `returned`: some field of the new
 * schema returns this enum (at any list depth).
 */
export function diffEnumValues(
  changes: ChangeList,
  oldType: GraphQLEnumType,
  newType: GraphQLEnumType,
  returned: boolean,
): void {
  const newValues = new Map(newType.getValues().map((value) => [value.name, value]));
  const oldNames = new Set(oldType.getValues().map((value) => value.name));
  for (const oldValue of oldType.getValues()) {
    const coordinate = `${oldType.name}.${oldValue.name}`;
    const label = `Enum value \`${coordinate}\``;
    const newValue = newValues.get(oldValue.name);
    if (newValue === undefined) {
      changes.add(
        'VALUE_REMOVED_FROM_ENUM',
        'breaking',
        coordinate,
        `${label}${oldValue.deprecationReason == null ? '' : ' (deprecated)'} was removed.`,
        deprecatedMeta(oldValue.deprecationReason),
      );
      continue;
    }
    diffDescription(
      changes,
      'ENUM_VALUE_DESCRIPTION_CHANGE',
      coordinate,
      `enum value \`${coordinate}\``,
      oldValue.description,
      newValue.description,
    );
    diffDeprecation(
      changes,
      ENUM_VALUE_DEPRECATION,
      coordinate,
      label,
      oldValue.deprecationReason,
      newValue.deprecationReason,
    );
  }
  for (const newValue of newType.getValues()) {
    if (oldNames.has(newValue.name)) continue;
    const coordinate = `${newType.name}.${newValue.name}`;
    changes.add(
      'VALUE_ADDED_TO_ENUM',
      returned ? 'dangerous' : 'safe',
      coordinate,
      returned
        ? `Enum value \`${coordinate}\` was added: clients may receive a value they do not know.`
        : `Enum value \`${coordinate}\` was added (the enum is only used in inputs).`,
    );
  }
}

/** Compares the members of a union present in both schemas. The coordinate is the union. */
export function diffUnionMembers(
  changes: ChangeList,
  oldType: GraphQLUnionType,
  newType: GraphQLUnionType,
): void {
  const oldMembers = new Set(oldType.getTypes().map((member) => member.name));
  const newMembers = new Set(newType.getTypes().map((member) => member.name));
  for (const member of oldMembers) {
    if (newMembers.has(member)) continue;
    changes.add(
      'TYPE_REMOVED_FROM_UNION',
      'breaking',
      oldType.name,
      `\`${member}\` was removed from union \`${oldType.name}\`.`,
      { member },
    );
  }
  for (const member of newMembers) {
    if (oldMembers.has(member)) continue;
    changes.add(
      'TYPE_ADDED_TO_UNION',
      'dangerous',
      newType.name,
      `\`${member}\` was added to union \`${newType.name}\`: clients may receive a type they do not expect.`,
      { member },
    );
  }
}

/**
 * Compares the interfaces an object or interface type implements. The coordinate is the
 * implementing type; `oldImplements` holds the old type's interfaces, or is empty when the
 * type is new or changed kind (a new type's interfaces are part of `TYPE_ADDED`).
 */
export function diffImplementations(
  changes: ChangeList,
  typeName: string,
  oldInterfaces: readonly GraphQLInterfaceType[],
  newInterfaces: readonly GraphQLInterfaceType[],
): void {
  const oldNames = new Set(oldInterfaces.map((i) => i.name));
  const newNames = new Set(newInterfaces.map((i) => i.name));
  for (const name of oldNames) {
    if (newNames.has(name)) continue;
    changes.add(
      'TYPE_REMOVED_FROM_INTERFACE',
      'breaking',
      typeName,
      `\`${typeName}\` no longer implements interface \`${name}\`.`,
      { interface: name },
    );
  }
  for (const name of newNames) {
    if (oldNames.has(name)) continue;
    changes.add(
      'TYPE_ADDED_TO_INTERFACE',
      'dangerous',
      typeName,
      `\`${typeName}\` now implements interface \`${name}\`: fields returning \`${name}\` may return it.`,
      { interface: name },
    );
  }
}

/** The interfaces of an object or interface type (`[]` for any other kind). */
export function interfacesOf(
  type: GraphQLObjectType | GraphQLInterfaceType | undefined,
): readonly GraphQLInterfaceType[] {
  return type === undefined ? [] : type.getInterfaces();
}
